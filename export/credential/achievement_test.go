package credential_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/export/credential"
)

// ob3Schemas are the two downloads of the AchievementCredential schema.
var ob3Schemas = []string{
	"openbadges3/schema-formal/ob_v3p0_achievementcredential_schema.json",
	"openbadges3/schema-jsonld-adapted/ob_v3p0_achievementcredential_schema.json",
}

// wrap puts an achievement in the smallest unsigned AchievementCredential,
// the document the 1EdTech schemas describe at their root; an issuer's
// credential has the same shape plus a proof.
func wrap(achievement map[string]any) map[string]any {
	a := map[string]any{}
	for k, v := range achievement {
		if k != "@context" {
			a[k] = v
		}
	}
	return map[string]any{
		"@context":  []any{credential.CredentialsV2URL, credential.OpenBadgesURL, credential.ContextURL},
		"id":        "urn:uuid:00000000-0000-4000-8000-000000000000",
		"type":      []any{"VerifiableCredential", "AchievementCredential"},
		"issuer":    map[string]any{"id": "did:example:issuer", "type": []any{"Profile"}, "name": "Issuer"},
		"validFrom": "2026-11-22T10:00:00Z",
		"credentialSubject": map[string]any{
			"type": []any{"AchievementSubject"},
			"identifier": []any{map[string]any{"type": "IdentityObject", "hashed": true, "identityType": "emailAddress",
				"identityHash": "sha256$0d5f9b1b46b1e0b54b8ed5e0e5e2f1d4c1e2c3d4e5f60718293a4b5c6d7e8f90"}},
			"achievement": a,
		},
	}
}

// TestSampleAchievementValidatesAgainstOB3Schemas validates the sample's
// achievement against the Achievement definition inside both schemas, and,
// wrapped in a minimal credential, against the schemas themselves: the
// first pins every Achievement rule, the second shows the achievement fits
// where an issuer puts it.
func TestSampleAchievementValidatesAgainstOB3Schemas(t *testing.T) {
	doc := decode(t, sampleFiles(t, "en")["credential/achievement.json"])
	for _, rel := range ob3Schemas {
		t.Run(rel, func(t *testing.T) {
			root, achievement := compileOB3(t, rel)
			if err := achievement.Validate(roundTrip(t, doc)); err != nil {
				t.Errorf("achievement: %v", err)
			}
			if err := root.Validate(roundTrip(t, wrap(doc))); err != nil {
				t.Errorf("wrapped in a credential: %v", err)
			}
		})
	}
}

// TestSchemaCatchesABrokenAchievement proves the schema check can fail.
func TestSchemaCatchesABrokenAchievement(t *testing.T) {
	doc := decode(t, sampleFiles(t, "en")["credential/achievement.json"])
	delete(doc, "criteria")
	_, achievement := compileOB3(t, ob3Schemas[0])
	if err := achievement.Validate(roundTrip(t, doc)); err == nil {
		t.Error("an achievement without criteria passes the schema")
	}
}

func compileOB3(t *testing.T, rel string) (root, achievement *jsonschema.Schema) {
	t.Helper()
	schema, err := jsonschema.UnmarshalJSON(bytes.NewReader(readStandard(t, rel)))
	if err != nil {
		t.Fatal(err)
	}
	id := schema.(map[string]any)["$id"].(string)
	c := jsonschema.NewCompiler()
	if err := c.AddResource(id, schema); err != nil {
		t.Fatal(err)
	}
	if root, err = c.Compile(id); err != nil {
		t.Fatal(err)
	}
	if achievement, err = c.Compile(id + "#/$defs/Achievement"); err != nil {
		t.Fatal(err)
	}
	return root, achievement
}

// roundTrip gives the validator JSON numbers as it decodes them itself.
func roundTrip(t *testing.T, v any) any {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestAchievementExpandsWithoutDroppingTerms: in JSON-LD safe mode every
// property must be defined by a context, and each extension must land on an
// IRI of Stacklet's vocabulary; the wrapped credential canonicalises, as it
// must before an issuer signs it.
func TestAchievementExpandsWithoutDroppingTerms(t *testing.T) {
	doc := decode(t, sampleFiles(t, "en")["credential/achievement.json"])
	loader := obLoader(t)
	expanded := expandSafe(t, doc, loader)
	props := map[string]bool{}
	collectKeys(expanded, props)
	for _, term := range extensionTerms(t, doc) {
		if !props[credential.Vocab+term] {
			t.Errorf("%s did not expand to %s%s", term, credential.Vocab, term)
		}
	}
	expandSafe(t, wrap(doc), loader)
	quads := nquads(t, wrap(doc), loader)
	for _, iri := range regexp.MustCompile(`<([^>]*)>`).FindAllStringSubmatch(quads, -1) {
		if !strings.Contains(iri[1], ":") {
			t.Errorf("relative IRI %q in the canonical form", iri[1])
		}
	}
	if !strings.Contains(quads, "<"+credential.Vocab+"qualityAssurance>") {
		t.Error("the canonical form lacks the quality assurance extension")
	}
}

// TestUndefinedTermFailsSafeMode proves the expansion check can fail.
func TestUndefinedTermFailsSafeMode(t *testing.T) {
	doc := decode(t, sampleFiles(t, "en")["credential/achievement.json"])
	doc["ECTS"] = 1
	opts := ldOptions(obLoader(t))
	if _, err := ldProcessor().Expand(doc, opts); err == nil {
		t.Error("an undefined property passed safe-mode expansion")
	}
}

// extensionTerms are the keys of doc that Stacklet's context defines.
func extensionTerms(t *testing.T, doc map[string]any) []string {
	var ctx map[string]map[string]any
	if err := json.Unmarshal(credential.Context(), &ctx); err != nil {
		t.Fatal(err)
	}
	var out []string
	for k := range doc {
		if _, ok := ctx["@context"][k]; ok {
			out = append(out, k)
		}
	}
	if len(out) < 12 {
		t.Fatalf("only %d extension terms in the sample achievement: %v", len(out), out)
	}
	return out
}

func collectKeys(v any, into map[string]bool) {
	switch v := v.(type) {
	case []any:
		for _, x := range v {
			collectKeys(x, into)
		}
	case map[string]any:
		for k, x := range v {
			into[k] = true
			collectKeys(x, into)
		}
	}
}

// TestContextDefinesOnlyVocabTerms: every term maps under Stacklet's
// vocabulary, and the context is protected like Open Badges'.
func TestContextDefinesOnlyVocabTerms(t *testing.T) {
	var ctx struct {
		Context map[string]any `json:"@context"`
	}
	if err := json.Unmarshal(credential.Context(), &ctx); err != nil {
		t.Fatal(err)
	}
	if ctx.Context["@protected"] != true {
		t.Error("context is not @protected")
	}
	fields := reflect.TypeOf(credential.Extensions{})
	if len(ctx.Context)-1 != fields.NumField() {
		t.Errorf("context has %d terms, Extensions %d fields", len(ctx.Context)-1, fields.NumField())
	}
	for i := range fields.NumField() {
		name := strings.Split(fields.Field(i).Tag.Get("json"), ",")[0]
		def, ok := ctx.Context[name].(map[string]any)
		if !ok || def["@id"] != credential.Vocab+name {
			t.Errorf("term %s is %v, want @id %s%s", name, ctx.Context[name], credential.Vocab, name)
		}
	}
}

// small returns a project with one graded module and a credential.
func small() (*authoring.Project, *authoring.Credential) {
	p := &authoring.Project{Title: "Site Safety", SourceLocale: "en", Modules: []authoring.Module{{
		ID: "ladders", Title: "Ladders", Outcomes: []string{"Inspect a ladder"}, Completion: authoring.CompleteWhenPassed,
		MasteryScore: 75, Blocks: []authoring.Block{{ID: "q", Content: &authoring.TrueFalse{
			QuestionBase: authoring.QuestionBase{Prompt: "?", Mode: authoring.Graded, Weight: 1}}}},
	}}, Credentials: []authoring.Credential{{
		ID: "ladder-user", Title: "Ladder user", Modules: []string{"ladders"},
		AwardingBody: authoring.Organisation{Name: "Acme", Country: "DE"},
	}}}
	return p, &p.Credentials[0]
}

func TestAchievementFields(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(c *authoring.Credential)
		check func(t *testing.T, a *credential.Achievement)
	}{
		{"no ECTS, no credits", func(c *authoring.Credential) {}, func(t *testing.T, a *credential.Achievement) {
			if a.CreditsAvailable != nil || a.ECTSCredits != nil {
				t.Errorf("credits %v, ECTS %v", a.CreditsAvailable, a.ECTSCredits)
			}
		}},
		{"ECTS are the credits", func(c *authoring.Credential) { c.ECTS = 1.5 }, func(t *testing.T, a *credential.Achievement) {
			if a.CreditsAvailable == nil || *a.CreditsAvailable != 1.5 || *a.ECTSCredits != 1.5 {
				t.Errorf("credits %v", a.CreditsAvailable)
			}
		}},
		{"workload as a duration", func(c *authoring.Credential) { c.WorkloadHours = 1.25 }, func(t *testing.T, a *credential.Achievement) {
			if a.VolumeOfLearning != "PT1H15M" {
				t.Errorf("volumeOfLearning %q", a.VolumeOfLearning)
			}
		}},
		{"EQF alignment", func(c *authoring.Credential) { c.EQFLevel = 4 }, func(t *testing.T, a *credential.Achievement) {
			last := a.Alignment[len(a.Alignment)-1]
			if last.TargetURL != "http://data.europa.eu/snb/eqf/4" || last.TargetType != "ext:EQFLevel" || a.EQFLevel != last.TargetURL {
				t.Errorf("alignment %+v, eqfLevel %q", last, a.EQFLevel)
			}
		}},
		{"skill outside ESCO names no framework", func(c *authoring.Credential) {
			c.Skills = []authoring.Skill{{URI: "https://skills.example/1", Label: "x"}}
		}, func(t *testing.T, a *credential.Achievement) {
			if a.Alignment[0].TargetFramework != "" || a.Alignment[0].TargetType != "ceasn:Competency" {
				t.Errorf("alignment %+v", a.Alignment[0])
			}
		}},
		{"mastery score is a result", func(c *authoring.Credential) {}, func(t *testing.T, a *credential.Achievement) {
			if len(a.ResultDescription) != 1 || a.ResultDescription[0].RequiredValue != "75" || a.ResultDescription[0].ResultType != "Percent" {
				t.Errorf("results %+v", a.ResultDescription)
			}
		}},
		{"criteria from the modules", func(c *authoring.Credential) {}, func(t *testing.T, a *credential.Achievement) {
			if want := "Complete the module:\n\n- Ladders, with a score of at least 75\u00a0%"; a.Criteria.Narrative != want {
				t.Errorf("narrative %q, want %q", a.Criteria.Narrative, want)
			}
		}},
		{"designer's criteria win", func(c *authoring.Credential) { c.Criteria = "Pass the quiz." }, func(t *testing.T, a *credential.Achievement) {
			if a.Criteria.Narrative != "Pass the quiz." {
				t.Errorf("narrative %q", a.Criteria.Narrative)
			}
		}},
		{"description falls back on the title", func(c *authoring.Credential) {}, func(t *testing.T, a *credential.Achievement) {
			if a.Description != "Ladder user" {
				t.Errorf("description %q", a.Description)
			}
		}},
		{"country name in the package language", func(c *authoring.Credential) {}, func(t *testing.T, a *credential.Achievement) {
			if got := a.Creator.Address.AddressCountry; got != "Germany" {
				t.Errorf("country %q", got)
			}
		}},
		{"stand-alone is stated", func(c *authoring.Credential) {}, func(t *testing.T, a *credential.Achievement) {
			data, _ := json.Marshal(a)
			if !bytes.Contains(data, []byte(`"stackable":false`)) {
				t.Errorf("no stackable:false in %s", data)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, c := small()
			tt.edit(c)
			a, err := credential.NewAchievement(credential.Source{Project: p, Credential: c, Locale: "en"})
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, a)
		})
	}
}

// TestAchievementIDIsStable: the id depends on project and credential, not
// on language or text, so every package and issued badge names one
// achievement.
func TestAchievementIDIsStable(t *testing.T) {
	p, c := small()
	a1, _ := credential.NewAchievement(credential.Source{Project: p, Credential: c, Locale: "en"})
	c.Title = "Renamed"
	a2, _ := credential.NewAchievement(credential.Source{Project: p, Credential: c, Locale: "de"})
	if a1.ID != a2.ID || !regexp.MustCompile(`^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`).MatchString(a1.ID) {
		t.Errorf("ids %s and %s", a1.ID, a2.ID)
	}
	c.ID = "other"
	if a3, _ := credential.NewAchievement(credential.Source{Project: p, Credential: c, Locale: "en"}); a3.ID == a1.ID {
		t.Error("two credentials share an achievement id")
	}
	if got := credential.AchievementID(p, c); got == a1.ID {
		t.Error("AchievementID ignores the credential id")
	}
}

func TestNewAchievementNeedsACredential(t *testing.T) {
	p, _ := small()
	if _, err := credential.NewAchievement(credential.Source{Project: p, Locale: "en"}); authoring.ErrorCode(err) != authoring.EINVALID {
		t.Errorf("code %q", authoring.ErrorCode(err))
	}
	p2, c := small()
	if _, err := credential.NewAchievement(credential.Source{Project: p2, Credential: c, Locale: "not a tag!"}); authoring.ErrorCode(err) != authoring.EINVALID {
		t.Errorf("bad locale: code %q", authoring.ErrorCode(err))
	}
}

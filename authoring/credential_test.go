package authoring_test

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/stacklet/stacklet/authoring"
)

// credentialProject returns a project with two modules and one complete,
// EU-compliant credential earned by both.
func credentialProject() (*authoring.Project, *authoring.Credential) {
	p, _ := project()
	p.Modules[0].Outcomes = []string{"Spot a hazard"}
	p.Modules = append(p.Modules, authoring.Module{ID: "safety-102", Title: "Safety 102", Minutes: 5,
		Outcomes: []string{"Report a hazard", "Spot a hazard"}, Completion: authoring.CompleteWhenViewed})
	p.Media = append(p.Media, authoring.Media{Hash: "svg", Name: "badge.svg", Type: "image/svg+xml"})
	p.Credentials = []authoring.Credential{{
		ID: "safety", Title: "Site safety basics", Description: "Two short modules.",
		Modules:       []string{"safety-101", "safety-102"},
		AwardingBody:  authoring.Organisation{Name: "Acme Academy", URL: "https://acme.example", Email: "info@acme.example", Country: "IE"},
		WorkloadHours: 1, EQFLevel: 3, Assessment: "Online quiz", Participation: authoring.ParticipationOnline,
		QualityAssurance: "Internal review", Supervision: authoring.SupervisionNone,
		Skills: []authoring.Skill{{URI: "http://data.europa.eu/esco/skill/d2d9051a-10e1-41c5-9cfb-bbdc58016176", Label: "follow safety precautions in work practices"}},
		Image:  "svg", EUCompliant: true,
	}}
	return p, &p.Credentials[0]
}

func TestCompleteCredentialHasNoProblems(t *testing.T) {
	p, c := credentialProject()
	if problems := p.ValidateCredential(c); len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	if missing := p.MissingEUElements(c); len(missing) > 0 {
		t.Fatalf("missing: %v", missing)
	}
}

func TestCredentialProblems(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(c *authoring.Credential)
		field string
		sev   authoring.Severity
	}{
		{"bad id", func(c *authoring.Credential) { c.ID = "Safety!" }, "id", authoring.SeverityError},
		{"no title", func(c *authoring.Credential) { c.Title = " " }, "title", authoring.SeverityError},
		{"no title, not EU", func(c *authoring.Credential) { c.Title, c.EUCompliant = "", false }, "title", authoring.SeverityError},
		{"no modules", func(c *authoring.Credential) { c.Modules, c.Outcomes = nil, []string{"x"} }, "modules", authoring.SeverityError},
		{"unknown module", func(c *authoring.Credential) { c.Modules[1] = "nope" }, "modules[1]", authoring.SeverityError},
		{"module twice", func(c *authoring.Credential) { c.Modules[1] = c.Modules[0] }, "modules[1]", authoring.SeverityError},
		{"N above M", func(c *authoring.Credential) { c.Required = 3 }, "required", authoring.SeverityError},
		{"negative N", func(c *authoring.Credential) { c.Required = -1 }, "required", authoring.SeverityError},
		{"bad url", func(c *authoring.Credential) { c.AwardingBody.URL = "acme.example" }, "awardingBody.url", authoring.SeverityError},
		{"bad email", func(c *authoring.Credential) { c.AwardingBody.Email = "Acme <info@acme.example>" }, "awardingBody.email", authoring.SeverityError},
		{"lowercase country", func(c *authoring.Credential) { c.AwardingBody.Country = "ie" }, "awardingBody.country", authoring.SeverityError},
		{"unknown country", func(c *authoring.Credential) { c.AwardingBody.Country = "XY" }, "awardingBody.country", authoring.SeverityError},
		{"alpha-3 country", func(c *authoring.Credential) { c.AwardingBody.Country = "IRL" }, "awardingBody.country", authoring.SeverityError},
		{"no country", func(c *authoring.Credential) { c.AwardingBody.Country = "" }, "awardingBody.country", authoring.SeverityError},
		{"no awarding body", func(c *authoring.Credential) { c.AwardingBody.Name = "" }, "awardingBody.name", authoring.SeverityError},
		{"no outcomes anywhere", func(c *authoring.Credential) { c.Modules = c.Modules[:1] }, "", ""},
		{"empty outcome", func(c *authoring.Credential) { c.Outcomes = []string{"Do it", ""} }, "outcomes[1]", authoring.SeverityError},
		{"no workload", func(c *authoring.Credential) { c.WorkloadHours = 0 }, "workloadHours", authoring.SeverityError},
		{"negative ECTS", func(c *authoring.Credential) { c.ECTS = -1 }, "ects", authoring.SeverityError},
		{"hours disagree with ECTS", func(c *authoring.Credential) { c.ECTS = 2 }, "ects", authoring.SeverityWarning},
		{"no level", func(c *authoring.Credential) { c.EQFLevel = 0 }, "eqfLevel", authoring.SeverityError},
		{"level 9", func(c *authoring.Credential) { c.EQFLevel = 9 }, "eqfLevel", authoring.SeverityError},
		{"level and not applicable", func(c *authoring.Credential) { c.LevelNotApplicable = true }, "levelNotApplicable", authoring.SeverityError},
		{"no assessment", func(c *authoring.Credential) { c.Assessment = "" }, "assessment", authoring.SeverityError},
		{"no participation", func(c *authoring.Credential) { c.Participation = "" }, "participation", authoring.SeverityError},
		{"odd participation", func(c *authoring.Credential) { c.Participation = "remote" }, "participation", authoring.SeverityError},
		{"no QA", func(c *authoring.Credential) { c.QualityAssurance = "" }, "qualityAssurance", authoring.SeverityError},
		{"odd supervision", func(c *authoring.Credential) { c.Supervision = "proctored" }, "supervision", authoring.SeverityError},
		{"stackable towards nothing", func(c *authoring.Credential) { c.Stackability.Stackable = true }, "stackability.towards", authoring.SeverityError},
		{"bad stack url", func(c *authoring.Credential) { c.Stackability.URL = "ftp://x.example" }, "stackability.url", authoring.SeverityError},
		{"bad more info", func(c *authoring.Credential) { c.MoreInfoURL = "/info" }, "moreInfoUrl", authoring.SeverityError},
		{"ESCO occupation", func(c *authoring.Credential) {
			c.Skills[0].URI = "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1"
		}, "skills[0].uri", authoring.SeverityError},
		{"non-ESCO skill", func(c *authoring.Credential) { c.Skills[0].URI = "https://skills.example/42" }, "skills[0].uri", authoring.SeverityWarning},
		{"skill without uri", func(c *authoring.Credential) { c.Skills[0].URI = "" }, "skills[0].uri", authoring.SeverityError},
		{"skill not a url", func(c *authoring.Credential) { c.Skills[0].URI = "teamwork" }, "skills[0].uri", authoring.SeverityError},
		{"skill twice", func(c *authoring.Credential) { c.Skills = append(c.Skills, c.Skills[0]) }, "skills[1].uri", authoring.SeverityError},
		{"skill without label", func(c *authoring.Credential) { c.Skills[0].Label = "" }, "skills[0].label", authoring.SeverityError},
		{"no image", func(c *authoring.Credential) { c.Image = "" }, "image", authoring.SeverityWarning},
		{"image not in library", func(c *authoring.Credential) { c.Image = "gone" }, "image", authoring.SeverityError},
		{"image is a video", func(c *authoring.Credential) { c.Image = "mp4" }, "image", authoring.SeverityError},
		{"no description", func(c *authoring.Credential) { c.Description = "" }, "description", authoring.SeverityWarning},
		{"empty tag", func(c *authoring.Credential) { c.Tags = []string{" "} }, "tags[0]", authoring.SeverityError},
		{"tag twice", func(c *authoring.Credential) { c.Tags = []string{"a", "a"} }, "tags[1]", authoring.SeverityError},
		{"negative validity", func(c *authoring.Credential) { c.ValidityMonths = -1 }, "validityMonths", authoring.SeverityError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, c := credentialProject()
			tt.edit(c)
			problems := p.ValidateCredential(c)
			if tt.field == "" {
				if len(problems) > 0 {
					t.Fatalf("want no problem, got %v", problems)
				}
				return
			}
			if len(problems) != 1 {
				t.Fatalf("want one problem at %q, got %v", tt.field, problems)
			}
			got := problems[0]
			if got.Field != tt.field || got.Severity != tt.sev || got.CredentialID != c.ID {
				t.Errorf("got %s problem at %q of %q (%s), want %s at %q", got.Severity, got.Field, got.CredentialID, got.Message, tt.sev, tt.field)
			}
			if !strings.HasPrefix(got.String(), `credential "`) {
				t.Errorf("String() = %q: should name the credential", got.String())
			}
		})
	}
}

// TestMissingElementsWarnUnlessEUCompliant: an empty credential lists every
// mandatory element but the title as a warning; declared EU-compliant, the
// same list turns into errors and refuses export.
func TestMissingElementsWarnUnlessEUCompliant(t *testing.T) {
	p, _ := project()
	p.Modules[0].Outcomes = nil
	for _, eu := range []bool{false, true} {
		c := authoring.Credential{ID: "x", Title: "X", Modules: []string{"safety-101"}, Image: "img", Description: "d", EUCompliant: eu}
		want := authoring.SeverityWarning
		if eu {
			want = authoring.SeverityError
		}
		var fields []string
		for _, pr := range p.ValidateCredential(&c) {
			if pr.Severity != want {
				t.Errorf("EU %v: %s has severity %s", eu, pr.Field, pr.Severity)
			}
			fields = append(fields, pr.Field)
		}
		wantFields := []string{"awardingBody.country", "awardingBody.name", "outcomes", "workloadHours",
			"eqfLevel", "assessment", "participation", "qualityAssurance"}
		if !reflect.DeepEqual(fields, wantFields) {
			t.Errorf("EU %v: fields %v, want %v", eu, fields, wantFields)
		}
		if len(p.MissingEUElements(&c)) != len(wantFields) {
			t.Errorf("MissingEUElements: %v", p.MissingEUElements(&c))
		}
	}
}

func TestLevelNotApplicableCountsAsLevel(t *testing.T) {
	p, c := credentialProject()
	c.EQFLevel, c.LevelNotApplicable = 0, true
	if problems := p.ValidateCredential(c); len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
}

func TestDuplicateCredentialIDs(t *testing.T) {
	p, c := credentialProject()
	p.Credentials = append(p.Credentials, *c)
	problems := p.ValidateCredentials()
	if len(problems) != 1 || problems[0].Field != "id" || problems[0].Severity != authoring.SeverityError {
		t.Fatalf("problems: %v", problems)
	}
	if n := len(authoring.Errors(p.ValidateProject())); n == 0 {
		t.Error("ValidateProject ignores credential problems")
	}
}

func TestCredentialOutcomesComeFromModules(t *testing.T) {
	p, c := credentialProject()
	want := []string{"Spot a hazard", "Report a hazard"}
	if got := p.CredentialOutcomes(c); !reflect.DeepEqual(got, want) {
		t.Errorf("from modules: %v, want %v", got, want)
	}
	c.Outcomes = []string{"Own words"}
	if got := p.CredentialOutcomes(c); !reflect.DeepEqual(got, c.Outcomes) {
		t.Errorf("edited: %v", got)
	}
}

func TestCredentialsEarnedBy(t *testing.T) {
	p, c := credentialProject()
	other := authoring.Credential{ID: "second", Modules: []string{"safety-102"}}
	p.Credentials = append(p.Credentials, other)
	tests := []struct {
		module string
		want   []string
	}{
		{"safety-101", []string{"safety"}},
		{"safety-102", []string{"safety", "second"}},
		{"unknown", nil},
	}
	for _, tt := range tests {
		t.Run(tt.module, func(t *testing.T) {
			var got []string
			for _, c := range p.CredentialsEarnedBy(tt.module) {
				got = append(got, c.ID)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	if c.RequiredModules() != 2 {
		t.Errorf("RequiredModules = %d, want all 2", c.RequiredModules())
	}
	if _, err := p.Credential("nope"); authoring.ErrorCode(err) != authoring.ENOTFOUND {
		t.Errorf("Credential(nope): %v", err)
	}
}

func TestValidCountry(t *testing.T) {
	for code, want := range map[string]bool{"IE": true, "DE": true, "BR": true, "ie": false, "UK": false, "SU": false, "XK": false, "DD": false, "EU": false, "ZZ": false, "IRL": false, "": false} {
		if got := authoring.ValidCountry(code); got != want {
			t.Errorf("ValidCountry(%q) = %v, want %v", code, got, want)
		}
	}
}

func TestCommonESCOSkills(t *testing.T) {
	skills := authoring.CommonESCOSkills()
	if len(skills) < 30 || len(skills) > 60 {
		t.Errorf("%d skills bundled, want 30 to 60", len(skills))
	}
	seen := map[string]bool{}
	lower := regexp.MustCompile(`^[a-z]`)
	for i, s := range skills {
		if !authoring.IsESCOSkill(s.URI) || seen[s.URI] {
			t.Errorf("%q is not a unique ESCO skill URI", s.URI)
		}
		seen[s.URI] = true
		if !lower.MatchString(s.Label) && !strings.HasPrefix(s.Label, "ICT") {
			t.Errorf("%q: ESCO preferred labels start in lower case", s.Label)
		}
		if i > 0 && skills[i-1].Label > s.Label {
			t.Errorf("not sorted at %q", s.Label)
		}
	}
	if got := authoring.SearchESCOSkills("DIGITAL content"); len(got) < 3 {
		t.Errorf("search for digital content: %v", got)
	}
	if got := authoring.SearchESCOSkills("zzz"); len(got) != 0 {
		t.Errorf("search for zzz: %v", got)
	}
}

package authoring_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stacklet/stacklet/authoring"
)

func project(blocks ...authoring.Block) (*authoring.Project, *authoring.Module) {
	p := &authoring.Project{
		Title: "Demo", SourceLocale: "fr", Theme: authoring.Theme{Accent: "#1f5fbf", Font: authoring.FontSans},
		Media: []authoring.Media{
			{Hash: "img", Name: "a.png", Type: "image/png"},
			{Hash: "vtt", Name: "a.vtt", Type: "text/vtt"},
			{Hash: "mp4", Name: "a.mp4", Type: "video/mp4"},
		},
		Modules: []authoring.Module{{
			ID: "safety-101", Title: "Safety 101", Minutes: 5, Outcomes: []string{"x"},
			Completion: authoring.CompleteWhenViewed, MasteryScore: 80, Blocks: blocks,
		}},
	}
	return p, &p.Modules[0]
}

func block(id string, c authoring.Content) authoring.Block {
	return authoring.Block{ID: id, Content: c}
}

func question() authoring.QuestionBase {
	return authoring.QuestionBase{Prompt: "Which?", Mode: authoring.Graded, Weight: 1}
}

func TestValidateLocatesProblems(t *testing.T) {
	tests := []struct {
		name    string
		content authoring.Content
		field   string
		message string
	}{
		{"ImageAltMissing", &authoring.Image{Media: "img"}, "alt", `module "Safety 101", block 2 (image): alt text is missing`},
		{"ImageNotAnImage", &authoring.Image{Media: "vtt", Alt: "x"}, "media", "is not a image file"},
		{"ImageUnknownMedia", &authoring.Image{Media: "nope", Alt: "x"}, "media", "missing from the media library"},
		{"VideoNoCaptions", &authoring.Video{Media: "mp4"}, "captions", "captions are missing"},
		{"TextRawHTML", &authoring.Text{Body: "<b>x</b>"}, "body", "raw HTML is not allowed"},
		{"ListEmptyItem", &authoring.List{Style: authoring.Bulleted, Items: []string{"a", " "}}, "items[2]", "item 2 is missing"},
		{"TabsTooFew", &authoring.Tabs{Items: []authoring.Panel{{Title: "a", Body: "b"}}}, "items", "at least 2 tabs"},
		{"CalloutTone", &authoring.Callout{Tone: "loud", Body: "x"}, "tone", `"loud"`},
		{"SingleTwoCorrect", &authoring.SingleChoice{QuestionBase: question(), Choices: []authoring.Choice{
			{ID: "a", Text: "A", Correct: true}, {ID: "b", Text: "B", Correct: true}}}, "choices", "exactly one choice"},
		{"MultipleNoneCorrect", &authoring.MultipleResponse{QuestionBase: question(), Choices: []authoring.Choice{
			{ID: "a", Text: "A"}, {ID: "b", Text: "B"}}}, "choices", "at least one choice correct"},
		{"ChoiceDuplicateID", &authoring.SingleChoice{QuestionBase: question(), Choices: []authoring.Choice{
			{ID: "a", Text: "A", Correct: true}, {ID: "a", Text: "B"}}}, "choices[2].id", "not a unique"},
		{"FillNoAnswer", &authoring.FillBlank{QuestionBase: question()}, "accepted", "accepted answer"},
		{"MatchingOnePair", &authoring.Matching{QuestionBase: question(), Pairs: []authoring.Pair{{ID: "a", Left: "l", Right: "r"}}}, "pairs", "at least 2 pairs"},
		{"OrderingWeight", &authoring.Ordering{QuestionBase: authoring.QuestionBase{Prompt: "p", Mode: authoring.Graded},
			Items: []authoring.Item{{ID: "a", Text: "A"}, {ID: "b", Text: "B"}}}, "weight", "weight must be between"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, m := project(block("intro", &authoring.Statement{Text: "Hi"}), block("b2", tt.content))
			problems := p.Validate(m)
			for _, pr := range problems {
				if pr.Field == tt.field && strings.Contains(pr.String(), tt.message) {
					if pr.Block != 2 || pr.BlockID != "b2" || pr.Severity != authoring.SeverityError {
						t.Errorf("problem located wrongly: %+v", pr)
					}
					return
				}
			}
			t.Errorf("no problem on %q containing %q; got %v", tt.field, tt.message, problems)
		})
	}
}

func TestValidModuleHasNoErrors(t *testing.T) {
	p, m := project(
		block("a", &authoring.Text{Body: "## Hi\n**bold** [eu](https://europa.eu)"}),
		block("b", &authoring.Image{Media: "img", Decorative: true}),
		block("c", &authoring.Video{Media: "mp4", Captions: "vtt"}),
		block("d", &authoring.Gate{}),
		block("e", &authoring.TrueFalse{QuestionBase: question(), Answer: true}),
	)
	m.Completion = authoring.CompleteWhenBoth
	if errs := authoring.Errors(p.ValidateProject()); len(errs) != 0 {
		t.Fatalf("unexpected errors: %v", errs)
	}
}

func TestValidateModuleRules(t *testing.T) {
	p, m := project()
	m.Completion = authoring.CompleteWhenPassed
	m.Minutes = 25
	problems := p.Validate(m)
	want := map[string]authoring.Severity{"blocks": authoring.SeverityError, "completion": authoring.SeverityError, "minutes": authoring.SeverityWarning}
	for _, pr := range problems {
		if sev, ok := want[pr.Field]; ok && sev == pr.Severity {
			delete(want, pr.Field)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing problems %v in %v", want, problems)
	}
	p2, m2 := project(block("g", &authoring.Gate{}), block("s", &authoring.Statement{Text: "x"}))
	if errs := authoring.Errors(p2.Validate(m2)); len(errs) != 1 || errs[0].BlockID != "g" {
		t.Errorf("a gate first should be an error, got %v", errs)
	}
}

func TestBlockJSONRoundTripsEveryKind(t *testing.T) {
	for _, kind := range authoring.BlockKinds() {
		c, err := authoring.NewContent(kind)
		if err != nil {
			t.Fatal(err)
		}
		data, err := json.Marshal(authoring.Block{ID: "x1", Content: c})
		if err != nil {
			t.Fatal(err)
		}
		var back authoring.Block
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		if back.Kind() != kind || back.ID != "x1" {
			t.Errorf("%s came back as %s/%s from %s", kind, back.Kind(), back.ID, data)
		}
	}
	var b authoring.Block
	if err := json.Unmarshal([]byte(`{"id":"x","kind":"hologram"}`), &b); authoring.ErrorCode(err) != authoring.EINVALID {
		t.Errorf("unknown kind: %v", err)
	}
}

func TestParseLocale(t *testing.T) {
	for in, want := range map[string]authoring.Locale{"pt-br": "pt-BR", "ar": "ar", "sr-Latn": "sr-Latn", "yue": "yue"} {
		got, err := authoring.ParseLocale(in)
		if err != nil || got != want {
			t.Errorf("ParseLocale(%q) = %q, %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "english!", "x"} {
		if _, err := authoring.ParseLocale(bad); authoring.ErrorCode(err) != authoring.EINVALID {
			t.Errorf("ParseLocale(%q) accepted", bad)
		}
	}
	if authoring.Locale("ar").Dir() != "rtl" || authoring.Locale("he").Dir() != "rtl" || authoring.Locale("fr").Dir() != "ltr" {
		t.Error("wrong direction")
	}
}

func TestBlockJSONRefusesUnknownFields(t *testing.T) {
	var b authoring.Block
	err := json.Unmarshal([]byte(`{"id":"i","kind":"image","media":"x","alt_text":"typo"}`), &b)
	if authoring.ErrorCode(err) != authoring.EINVALID || !strings.Contains(err.Error(), "alt_text") {
		t.Fatalf("misspelt field: %v", err)
	}
}

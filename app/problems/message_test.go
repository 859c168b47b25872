package problems

import (
	"strings"
	"testing"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/authoringtest"
	"github.com/stacklet/stacklet/authoring/edit"
	"github.com/stacklet/stacklet/i18n"
)

// brokenProject has at least one instance of every problem the domain
// reports: new blocks of every kind (empty), plus hand-made mistakes.
func brokenProject(t *testing.T) (*authoring.Project, []authoring.Problem) {
	p, _ := authoringtest.Project()
	img := p.Media[0].Hash
	vtt := p.Media[1].Hash
	m := authoring.Module{ID: "m", Title: "", Minutes: 0, MasteryScore: 101, Attempts: -1, Completion: "sometimes"}
	for _, k := range authoring.BlockKinds() {
		c, err := edit.Starter(k)
		if err != nil {
			t.Fatal(err)
		}
		m.Blocks = append(m.Blocks, authoring.Block{ID: edit.NewBlockID(&m, k), Content: c})
	}
	m.Blocks = append([]authoring.Block{{ID: "gate-0", Content: &authoring.Gate{}}}, m.Blocks...)
	extra := []authoring.Content{
		&authoring.Text{Body: "see <b>this</b>"},
		&authoring.Image{Media: "gone", Alt: "x", Decorative: true},
		&authoring.Image{Media: vtt},
		&authoring.Video{Media: img, Captions: vtt},
		&authoring.Callout{Tone: "loud", Body: "x"},
		&authoring.List{Style: "wavy"},
		&authoring.Tabs{},
		&authoring.Flashcards{},
		&authoring.FillBlank{QuestionBase: authoring.QuestionBase{Prompt: "?", Mode: "exam", Weight: 0}},
		&authoring.SingleChoice{QuestionBase: authoring.QuestionBase{Prompt: "?", Mode: authoring.Graded, Weight: 1},
			Choices: []authoring.Choice{{ID: "a", Text: "A", Correct: true}, {ID: "a", Text: "B", Correct: true}}},
		&authoring.MultipleResponse{QuestionBase: authoring.QuestionBase{Prompt: "?", Mode: authoring.Graded, Weight: 1},
			Choices: []authoring.Choice{{ID: "a", Text: "A"}, {ID: "b", Text: "B"}}},
	}
	for i, c := range extra {
		m.Blocks = append(m.Blocks, authoring.Block{ID: "x" + string(rune('a'+i)), Content: c})
	}
	m.Blocks = append(m.Blocks, authoring.Block{ID: "BAD ID", Content: &authoring.Divider{}})
	long := authoring.Module{ID: "long", Title: "Long", Minutes: 30, Completion: authoring.CompleteWhenPassed}
	p.Modules = []authoring.Module{m, long}
	return p, append(p.Validate(&p.Modules[0]), p.Validate(&p.Modules[1])...)
}

// TestEveryProblemIsTranslated: no domain message reaches the designer in
// English when the interface speaks another language.
func TestEveryProblemIsTranslated(t *testing.T) {
	_, problems := brokenProject(t)
	if len(problems) < 40 {
		t.Fatalf("only %d problems: the broken project is not broken enough", len(problems))
	}
	for _, l := range i18n.UILocales() {
		tt := tr.New(l)
		for _, p := range problems {
			got := Message(tt, p)
			if got == p.Message && l != "en" {
				t.Errorf("%s: %q is not translated", l, p.Message)
			}
			if strings.Contains(got, "⟦") || strings.Contains(got, "<no value>") {
				t.Errorf("%s: %q renders as %q", l, p.Message, got)
			}
		}
	}
}

func TestFieldLabel(t *testing.T) {
	de := tr.New("de")
	cases := []struct {
		kind        authoring.BlockKind
		field, want string
	}{
		{authoring.KindImage, "alt", "Alternativtext"},
		{authoring.KindSingleChoice, "choices[2].text", "Antwort 2: Text"},
		{authoring.KindList, "items[3]", "Punkt 3"},
		{authoring.KindTabs, "items[2].title", "Reiter 2: Titel"},
		{authoring.KindMatching, "pairs[1].right", "Paar 1: Passende rechte Seite"},
		{"", "something-unknown", "something-unknown"},
	}
	for _, c := range cases {
		if got := FieldLabel(de, c.kind, c.field); got != c.want {
			t.Errorf("FieldLabel(%s, %q) = %q, want %q", c.kind, c.field, got, c.want)
		}
	}
}

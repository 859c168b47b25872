package edit

import "github.com/stacklet/stacklet/authoring"

// Starter returns new content of kind shaped for filling in: a choice
// question comes with two choices, tabs with two tabs, and so on, each the
// minimum validation asks for. The empty texts show up as problems, which
// is how a designer sees what is left to write.
func Starter(kind authoring.BlockKind) (authoring.Content, error) {
	c, err := authoring.NewContent(kind)
	if err != nil {
		return nil, err
	}
	switch b := c.(type) {
	case *authoring.List:
		b.Items = []string{""}
	case *authoring.Accordion:
		b.Items = []authoring.Panel{{}}
	case *authoring.Tabs:
		b.Items = []authoring.Panel{{}, {}}
	case *authoring.Process:
		b.Steps = []authoring.Panel{{}, {}}
	case *authoring.Flashcards:
		b.Cards = []authoring.Card{{}}
	case *authoring.SingleChoice:
		b.Choices = []authoring.Choice{{ID: "a", Correct: true}, {ID: "b"}}
	case *authoring.MultipleResponse:
		b.Choices = []authoring.Choice{{ID: "a", Correct: true}, {ID: "b"}}
	case *authoring.FillBlank:
		b.Accepted = []string{""}
	case *authoring.Matching:
		b.Pairs = []authoring.Pair{{ID: "a"}, {ID: "b"}}
	case *authoring.Ordering:
		b.Items = []authoring.Item{{ID: "a"}, {ID: "b"}}
	}
	return c, nil
}

package blockedit

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/uikit"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/edit"
)

func newEntry(e *Editor) *uikit.Entry { return uikit.NewEntry(e.c.History) }

// questionForm is the shared part of every question, then its own fields.
func (e *Editor) questionForm(c authoring.Content) []fyne.CanvasObject {
	t := e.c.T
	base := func(q authoring.Question) *authoring.QuestionBase { return q.Base() }
	out := []fyne.CanvasObject{
		area(e, "prompt", t.S("FieldPrompt"), 3, func(q authoring.Question) *string { return &base(q).Prompt }),
		e.answerForm(c),
		widget.NewSeparator(),
		container.NewGridWithColumns(2,
			pick(e, "mode", t.S("FieldMode"), []option[authoring.Mode]{
				{authoring.Graded, "ModeGraded"}, {authoring.Practice, "ModePractice"},
			}, func(q authoring.Question) *authoring.Mode { return &base(q).Mode }),
			number(e, "weight", t.S("FieldWeight"), 1, 100, func(q authoring.Question) *int { return &base(q).Weight }),
		),
		hint(t.S("ModeHint")),
		area(e, "feedback.correct", t.S("FieldFeedbackCorrect"), 2, func(q authoring.Question) *string { return &base(q).Feedback.Correct }),
		area(e, "feedback.incorrect", t.S("FieldFeedbackIncorrect"), 2, func(q authoring.Question) *string { return &base(q).Feedback.Incorrect }),
	}
	return out
}

// answerForm holds what makes an answer right, per question kind.
func (e *Editor) answerForm(c authoring.Content) fyne.CanvasObject {
	t := e.c.T
	switch c.(type) {
	case *authoring.SingleChoice:
		return choices(e, true, func(q *authoring.SingleChoice) *[]authoring.Choice { return &q.Choices })
	case *authoring.MultipleResponse:
		return choices(e, false, func(q *authoring.MultipleResponse) *[]authoring.Choice { return &q.Choices })
	case *authoring.TrueFalse:
		return e.trueFalse()
	case *authoring.FillBlank:
		return container.NewVBox(
			list(e, listSpec[*authoring.FillBlank, string]{
				field: "accepted", itemLabel: "AcceptedN", addLabel: "AcceptedAdd",
				items:   func(q *authoring.FillBlank) *[]string { return &q.Accepted },
				newItem: func([]string) string { return "" },
				row: func(i int) []fyne.CanvasObject {
					return []fyne.CanvasObject{textEntry(e, fmt.Sprintf("accepted[%d]", i+1),
						func(q *authoring.FillBlank) *string { return &q.Accepted[i] }, newEntry(e))}
				},
			}),
			check(e, "caseSensitive", t.S("FieldCaseSensitive"), func(q *authoring.FillBlank) *bool { return &q.CaseSensitive }),
		)
	case *authoring.Matching:
		return e.pairs()
	case *authoring.Ordering:
		return container.NewVBox(hint(t.S("OrderingHint")), e.orderItems())
	}
	return widget.NewLabel("")
}

// choices edits the options of a choice question; in a single-choice
// question ticking one as correct unticks the others.
func choices[C authoring.Content](e *Editor, single bool, items func(C) *[]authoring.Choice) fyne.CanvasObject {
	t := e.c.T
	return list(e, listSpec[C, authoring.Choice]{
		field: "choices", itemLabel: "ChoiceN", addLabel: "ChoiceAdd", items: items,
		newItem: func(have []authoring.Choice) authoring.Choice {
			ids := make([]string, len(have))
			for i, c := range have {
				ids[i] = c.ID
			}
			return authoring.Choice{ID: edit.NewItemID(ids)}
		},
		row: func(i int) []fyne.CanvasObject {
			field := fmt.Sprintf("choices[%d]", i+1)
			correct := widget.NewCheck(t.S("FieldCorrect"), nil)
			correct.SetChecked((*items(e.content().(C)))[i].Correct)
			correct.OnChanged = func(v bool) {
				if list := *items(e.content().(C)); i >= len(list) || list[i].Correct == v {
					return // the model already says so (a reload after undo)
				}
				defer e.Refresh() // a single choice unticks the others
				e.set(edit.Field(field+".correct"), func(c authoring.Content) {
					list := *items(c.(C))
					for j := range list {
						if j == i {
							list[j].Correct = v
						} else if single && v {
							list[j].Correct = false
						}
					}
				})
			}
			e.fields[field+".correct"] = correct
			e.reload(func() {
				if list := *items(e.content().(C)); i < len(list) {
					correct.SetChecked(list[i].Correct)
				}
			})
			text := textEntry(e, field+".text", func(c C) *string { return &(*items(c))[i].Text }, newEntry(e))
			text.SetPlaceHolder(t.S("FieldChoiceText"))
			feedback := textEntry(e, field+".feedback", func(c C) *string { return &(*items(c))[i].Feedback }, newEntry(e))
			feedback.SetPlaceHolder(t.S("FieldChoiceFeedback"))
			return []fyne.CanvasObject{container.NewBorder(nil, nil, correct, nil, text), feedback}
		},
	})
}

func (e *Editor) trueFalse() fyne.CanvasObject {
	t := e.c.T
	yes, no := t.S("AnswerTrue"), t.S("AnswerFalse")
	radio := widget.NewRadioGroup([]string{yes, no}, nil)
	radio.Horizontal = true
	radio.Required = true
	if e.content().(*authoring.TrueFalse).Answer {
		radio.SetSelected(yes)
	} else {
		radio.SetSelected(no)
	}
	e.reload(func() {
		if q, ok := e.content().(*authoring.TrueFalse); ok && q.Answer != (radio.Selected == yes) {
			radio.SetSelected(map[bool]string{true: yes, false: no}[q.Answer])
		}
	})
	radio.OnChanged = func(s string) {
		v := s == yes
		if q, ok := e.content().(*authoring.TrueFalse); ok && q.Answer != v {
			e.set(edit.Field("answer"), func(c authoring.Content) { c.(*authoring.TrueFalse).Answer = v })
		}
	}
	return labeled(t.S("FieldAnswer"), radio)
}

func (e *Editor) pairs() fyne.CanvasObject {
	t := e.c.T
	return list(e, listSpec[*authoring.Matching, authoring.Pair]{
		field: "pairs", itemLabel: "PairN", addLabel: "PairAdd",
		items: func(q *authoring.Matching) *[]authoring.Pair { return &q.Pairs },
		newItem: func(have []authoring.Pair) authoring.Pair {
			ids := make([]string, len(have))
			for i, p := range have {
				ids[i] = p.ID
			}
			return authoring.Pair{ID: edit.NewItemID(ids)}
		},
		row: func(i int) []fyne.CanvasObject {
			left := textEntry(e, fmt.Sprintf("pairs[%d].left", i+1), func(q *authoring.Matching) *string { return &q.Pairs[i].Left }, newEntry(e))
			left.SetPlaceHolder(t.S("FieldLeft"))
			right := textEntry(e, fmt.Sprintf("pairs[%d].right", i+1), func(q *authoring.Matching) *string { return &q.Pairs[i].Right }, newEntry(e))
			right.SetPlaceHolder(t.S("FieldRight"))
			return []fyne.CanvasObject{container.NewGridWithColumns(2, left, right)}
		},
	})
}

func (e *Editor) orderItems() fyne.CanvasObject {
	t := e.c.T
	return list(e, listSpec[*authoring.Ordering, authoring.Item]{
		field: "items", itemLabel: "OrderItemN", addLabel: "OrderItemAdd",
		items: func(q *authoring.Ordering) *[]authoring.Item { return &q.Items },
		newItem: func(have []authoring.Item) authoring.Item {
			ids := make([]string, len(have))
			for i, it := range have {
				ids[i] = it.ID
			}
			return authoring.Item{ID: edit.NewItemID(ids)}
		},
		row: func(i int) []fyne.CanvasObject {
			text := textEntry(e, fmt.Sprintf("items[%d].text", i+1), func(q *authoring.Ordering) *string { return &q.Items[i].Text }, newEntry(e))
			text.SetPlaceHolder(t.S("FieldItemText"))
			return []fyne.CanvasObject{text}
		},
	})
}

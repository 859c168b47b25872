package blockedit

import (
	"fmt"

	"fyne.io/fyne/v2"

	"github.com/stacklet/stacklet/authoring"
)

// kindForm returns the fields of content c, in the order a designer fills
// them in.
func (e *Editor) kindForm(c authoring.Content) []fyne.CanvasObject {
	t := e.c.T
	switch c.(type) {
	case *authoring.Text:
		return []fyne.CanvasObject{rich(e, "body", t.S("FieldBody"), func(b *authoring.Text) *string { return &b.Body })}
	case *authoring.Statement:
		return []fyne.CanvasObject{area(e, "text", t.S("FieldStatement"), 2, func(b *authoring.Statement) *string { return &b.Text })}
	case *authoring.Quote:
		return []fyne.CanvasObject{
			area(e, "text", t.S("FieldQuote"), 3, func(b *authoring.Quote) *string { return &b.Text }),
			line(e, "attribution", t.S("FieldAttribution"), func(b *authoring.Quote) *string { return &b.Attribution }),
		}
	case *authoring.List:
		return e.listForm()
	case *authoring.Image:
		return e.imageForm()
	case *authoring.Audio:
		return []fyne.CanvasObject{
			mediaField(e, "media", t.S("FieldAudio"), "audio", false, func(b *authoring.Audio) *string { return &b.Media }),
			mediaField(e, "captions", t.S("FieldCaptions"), "captions", true, func(b *authoring.Audio) *string { return &b.Captions }),
			area(e, "transcript", t.S("FieldTranscript"), 4, func(b *authoring.Audio) *string { return &b.Transcript }),
			hint(t.S("AudioHint")),
		}
	case *authoring.Video:
		return []fyne.CanvasObject{
			mediaField(e, "media", t.S("FieldVideo"), "video", false, func(b *authoring.Video) *string { return &b.Media }),
			mediaField(e, "captions", t.S("FieldCaptions"), "captions", true, func(b *authoring.Video) *string { return &b.Captions }),
			area(e, "transcript", t.S("FieldTranscript"), 4, func(b *authoring.Video) *string { return &b.Transcript }),
		}
	case *authoring.Accordion:
		return []fyne.CanvasObject{panels(e, "items", "PanelN", "PanelAdd", func(b *authoring.Accordion) *[]authoring.Panel { return &b.Items })}
	case *authoring.Tabs:
		return []fyne.CanvasObject{panels(e, "items", "TabN", "TabAdd", func(b *authoring.Tabs) *[]authoring.Panel { return &b.Items })}
	case *authoring.Process:
		return []fyne.CanvasObject{panels(e, "steps", "StepN", "StepAdd", func(b *authoring.Process) *[]authoring.Panel { return &b.Steps })}
	case *authoring.Flashcards:
		return []fyne.CanvasObject{e.cardsForm()}
	case *authoring.Callout:
		return []fyne.CanvasObject{
			pick(e, "tone", t.S("FieldTone"), []option[authoring.Tone]{
				{authoring.ToneInfo, "ToneInfo"}, {authoring.ToneTip, "ToneTip"}, {authoring.ToneWarning, "ToneWarning"},
			}, func(b *authoring.Callout) *authoring.Tone { return &b.Tone }),
			line(e, "title", t.S("FieldTitle"), func(b *authoring.Callout) *string { return &b.Title }),
			rich(e, "body", t.S("FieldBody"), func(b *authoring.Callout) *string { return &b.Body }),
		}
	case *authoring.Divider:
		return []fyne.CanvasObject{hint(t.S("DividerHint"))}
	case *authoring.Gate:
		return []fyne.CanvasObject{
			line(e, "label", t.S("FieldGateLabel"), func(b *authoring.Gate) *string { return &b.Label }),
			hint(t.S("GateHint")),
		}
	}
	return e.questionForm(c)
}

func (e *Editor) listForm() []fyne.CanvasObject {
	t := e.c.T
	return []fyne.CanvasObject{
		pick(e, "style", t.S("FieldListStyle"), []option[authoring.ListStyle]{
			{authoring.Bulleted, "ListBulleted"}, {authoring.Numbered, "ListNumbered"}, {authoring.Checklist, "ListChecklist"},
		}, func(b *authoring.List) *authoring.ListStyle { return &b.Style }),
		list(e, listSpec[*authoring.List, string]{
			field: "items", itemLabel: "ListItemN", addLabel: "ListAddItem",
			items:   func(b *authoring.List) *[]string { return &b.Items },
			newItem: func([]string) string { return "" },
			row: func(i int) []fyne.CanvasObject {
				return []fyne.CanvasObject{textEntry(e, fmt.Sprintf("items[%d]", i+1),
					func(b *authoring.List) *string { return &b.Items[i] }, newEntry(e))}
			},
		}),
	}
}

func (e *Editor) imageForm() []fyne.CanvasObject {
	t := e.c.T
	return []fyne.CanvasObject{
		mediaField(e, "media", t.S("FieldImage"), "image", false, func(b *authoring.Image) *string { return &b.Media }),
		line(e, "alt", t.S("FieldAlt"), func(b *authoring.Image) *string { return &b.Alt }),
		hint(t.S("AltHint")),
		check(e, "decorative", t.S("FieldDecorative"), func(b *authoring.Image) *bool { return &b.Decorative }),
		line(e, "caption", t.S("FieldCaption"), func(b *authoring.Image) *string { return &b.Caption }),
	}
}

// panels edits accordion panels, tabs or process steps: a title and rich text each.
func panels[C authoring.Content](e *Editor, field, itemLabel, addLabel string, items func(C) *[]authoring.Panel) fyne.CanvasObject {
	t := e.c.T
	return list(e, listSpec[C, authoring.Panel]{
		field: field, itemLabel: itemLabel, addLabel: addLabel, items: items,
		newItem: func([]authoring.Panel) authoring.Panel { return authoring.Panel{} },
		row: func(i int) []fyne.CanvasObject {
			return []fyne.CanvasObject{
				line(e, fmt.Sprintf("%s[%d].title", field, i+1), t.S("FieldTitle"), func(c C) *string { return &(*items(c))[i].Title }),
				rich(e, fmt.Sprintf("%s[%d].body", field, i+1), t.S("FieldBody"), func(c C) *string { return &(*items(c))[i].Body }),
			}
		},
	})
}

func (e *Editor) cardsForm() fyne.CanvasObject {
	t := e.c.T
	return list(e, listSpec[*authoring.Flashcards, authoring.Card]{
		field: "cards", itemLabel: "CardN", addLabel: "CardAdd",
		items:   func(b *authoring.Flashcards) *[]authoring.Card { return &b.Cards },
		newItem: func([]authoring.Card) authoring.Card { return authoring.Card{} },
		row: func(i int) []fyne.CanvasObject {
			return []fyne.CanvasObject{
				area(e, fmt.Sprintf("cards[%d].front", i+1), t.S("FieldFront"), 2, func(b *authoring.Flashcards) *string { return &b.Cards[i].Front }),
				area(e, fmt.Sprintf("cards[%d].back", i+1), t.S("FieldBack"), 2, func(b *authoring.Flashcards) *string { return &b.Cards[i].Back }),
			}
		},
	})
}

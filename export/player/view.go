package player

import (
	"fmt"
	"strings"

	"github.com/stacklet/stacklet/authoring"
)

// blockView is what the templates need of one block; only the fields of its
// kind are set.
type blockView struct {
	ID, Kind string
	Hidden   bool // behind a continue gate not yet opened
	Level    int  // heading level of panel and step titles
	Rich     []rtBlock
	Text     string // statement, quote, gate label
	Cite     string
	List     *listView
	Media    *mediaView
	Panels   []panelView
	Cards    []cardView
	Callout  *calloutView
	Q        *questionView
}

type listView struct {
	Style string
	Items []string
}

type mediaView struct {
	Src, Alt, Caption string
	Captions          string // track src
	Transcript        []string
}

type panelView struct {
	Title string
	Label string // "Step 2 of 4"
	Body  []rtBlock
}

type cardView struct{ Front, Back, Label string }

type calloutView struct {
	Tone, ToneLabel, Title string
	Body                   []rtBlock
}

type option struct{ ID, Text string }

type questionView struct {
	Prompt, Instr string
	Practice      bool
	Input         string   // "radio" or "checkbox" for choice questions
	Options       []option // choices; matching: the right items, shuffled
	Rows          []option // matching: the left items
	Items         []option // ordering: shuffled
}

// view converts block b; hidden says it sits behind a gate.
func (r *renderer) view(b authoring.Block, hidden bool) (blockView, error) {
	v := blockView{ID: b.ID, Kind: string(b.Kind()), Hidden: hidden, Level: r.panelLevel()}
	where := fmt.Sprintf("block %q", b.ID)
	var err error
	switch c := b.Content.(type) {
	case *authoring.Text:
		v.Rich, err = r.richText(c.Body, where, 2)
	case *authoring.Statement:
		v.Text = c.Text
	case *authoring.Quote:
		v.Text, v.Cite = c.Text, c.Attribution
	case *authoring.List:
		v.List = &listView{Style: string(c.Style), Items: c.Items}
	case *authoring.Image:
		v.Media, err = r.image(c)
	case *authoring.Audio:
		v.Media, err = r.av(c.Media, c.Captions, c.Transcript)
	case *authoring.Video:
		v.Media, err = r.av(c.Media, c.Captions, c.Transcript)
	case *authoring.Accordion:
		v.Panels, err = r.panels(c.Items, where, v.Level, "")
	case *authoring.Tabs:
		v.Panels, err = r.panels(c.Items, where, 2, "")
	case *authoring.Process:
		v.Panels, err = r.panels(c.Steps, where, v.Level, "StepOf")
	case *authoring.Flashcards:
		v.Cards, err = r.cards(c.Cards)
	case *authoring.Callout:
		v.Callout = &calloutView{Tone: string(c.Tone), ToneLabel: r.s[toneIDs[c.Tone]], Title: c.Title}
		v.Callout.Body, err = r.richText(c.Body, where, v.Level)
	case *authoring.Divider:
	case *authoring.Gate:
		v.Text = c.Label
		if v.Text == "" {
			v.Text = r.s["Continue"]
		}
	case authoring.Question:
		v.Q = r.question(b.ID, c)
	default:
		err = authoring.Errorf(authoring.EINVALID, "%s: the player cannot show %q blocks", where, b.Kind())
	}
	return v, err
}

var toneIDs = map[authoring.Tone]string{
	authoring.ToneInfo: "ToneInfo", authoring.ToneTip: "ToneTip", authoring.ToneWarning: "ToneWarning",
}

// panelLevel is the heading level of panel titles: h3 under an h2, else h2,
// so the outline never skips a level.
func (r *renderer) panelLevel() int {
	if r.seenH2 {
		return 3
	}
	return 2
}

func (r *renderer) mediaPath(hash, what string) (string, error) {
	var p string
	if r.opts.MediaPath != nil {
		p = r.opts.MediaPath(hash)
	}
	if p == "" {
		return "", authoring.Errorf(authoring.EINVALID, "%s %s has no file in the package", what, hash)
	}
	return p, nil
}

func (r *renderer) image(c *authoring.Image) (*mediaView, error) {
	src, err := r.mediaPath(c.Media, "image")
	if err != nil {
		return nil, err
	}
	alt := c.Alt
	if c.Decorative {
		alt = "" // screen readers skip it
	}
	return &mediaView{Src: src, Alt: alt, Caption: c.Caption}, nil
}

func (r *renderer) av(media, captions, transcript string) (*mediaView, error) {
	src, err := r.mediaPath(media, "media file")
	if err != nil {
		return nil, err
	}
	m := &mediaView{Src: src, Transcript: paragraphs(transcript)}
	if captions != "" {
		if m.Captions, err = r.mediaPath(captions, "captions file"); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// paragraphs splits plain text at blank lines.
func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// panels converts accordion items, tabs or steps; label, when set, is the id
// of a "N of Total" string.
func (r *renderer) panels(items []authoring.Panel, where string, level int, label string) ([]panelView, error) {
	out := make([]panelView, len(items))
	for i, p := range items {
		body, err := r.richText(p.Body, fmt.Sprintf("%s, %q", where, p.Title), level+1)
		if err != nil {
			return nil, err
		}
		out[i] = panelView{Title: p.Title, Body: body}
		if label != "" {
			if out[i].Label, err = r.strs.Text(label, map[string]any{"N": i + 1, "Total": len(items)}); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

func (r *renderer) cards(cards []authoring.Card) ([]cardView, error) {
	out := make([]cardView, len(cards))
	for i, c := range cards {
		label, err := r.strs.Text("CardOf", map[string]any{"N": i + 1, "Total": len(cards)})
		if err != nil {
			return nil, err
		}
		out[i] = cardView{Front: c.Front, Back: c.Back, Label: label}
	}
	return out, nil
}

var instrIDs = map[authoring.BlockKind]string{
	authoring.KindSingleChoice:     "InstrSingleChoice",
	authoring.KindMultipleResponse: "InstrMultipleResponse",
	authoring.KindTrueFalse:        "InstrTrueFalse",
	authoring.KindFillBlank:        "InstrFillBlank",
	authoring.KindMatching:         "InstrMatching",
	authoring.KindOrdering:         "InstrOrdering",
}

func (r *renderer) question(id string, q authoring.Question) *questionView {
	base := q.Base()
	v := &questionView{Prompt: base.Prompt, Instr: r.s[instrIDs[q.Kind()]], Practice: base.Mode == authoring.Practice}
	switch c := q.(type) {
	case *authoring.SingleChoice:
		v.Input, v.Options = "radio", choiceOptions(c.Choices)
	case *authoring.MultipleResponse:
		v.Input, v.Options = "checkbox", choiceOptions(c.Choices)
	case *authoring.TrueFalse:
		v.Input, v.Options = "radio", []option{{"true", r.s["True"]}, {"false", r.s["False"]}}
	case *authoring.Matching:
		for _, p := range c.Pairs {
			v.Rows = append(v.Rows, option{p.ID, p.Left})
		}
		for _, i := range permutation(len(c.Pairs), id, true) {
			v.Options = append(v.Options, option{c.Pairs[i].ID, c.Pairs[i].Right})
		}
	case *authoring.Ordering:
		for _, i := range permutation(len(c.Items), id, true) {
			v.Items = append(v.Items, option{c.Items[i].ID, c.Items[i].Text})
		}
	}
	return v
}

func choiceOptions(cs []authoring.Choice) []option {
	out := make([]option, len(cs))
	for i, c := range cs {
		out[i] = option{c.ID, c.Text}
	}
	return out
}

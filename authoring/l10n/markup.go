package l10n

import (
	"fmt"
	"strings"

	"github.com/stacklet/stacklet/authoring/richtext"
)

// encodeUnit writes inlines as placeholder text, numbering marks from 1 in
// order of opening.
func encodeUnit(in []richtext.Inline, what string) unit {
	e := &encoder{}
	e.inlines(in)
	return unit{text: e.b.String(), marks: e.marks, what: what}
}

type encoder struct {
	b     strings.Builder
	marks []Mark
}

var markKinds = map[richtext.InlineType]MarkKind{
	richtext.Bold: MarkBold, richtext.Italic: MarkItalic, richtext.Link: MarkLink,
}

func (e *encoder) inlines(in []richtext.Inline) {
	for _, x := range in {
		kind, ok := markKinds[x.Type]
		if !ok {
			e.b.WriteString(EscapeText(x.Text))
			continue
		}
		n := len(e.marks) + 1
		e.marks = append(e.marks, Mark{ID: n, Kind: kind, URL: x.URL})
		fmt.Fprintf(&e.b, "{%d}", n)
		e.inlines(x.Children)
		fmt.Fprintf(&e.b, "{/%d}", n)
	}
}

// markupSpecial are the characters the rich-text parser reads as marks;
// a backslash before each makes translated text stay text.
const markupSpecial = `\*_[]()<#-`

// escapeMarkup makes plain text literal in rich-text markup. A translation
// cannot add markup or HTML this way: "<b>" comes out as the text "<b>".
func escapeMarkup(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r':
			r = ' ' // a unit is one line: a newline would split it
		case r < 128 && strings.ContainsRune(markupSpecial, r):
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// toMarkup turns placeholder text back into rich-text markup using marks.
// The caller has checked the placeholders against the source.
func toMarkup(text string, marks []Mark) (string, error) {
	byID := map[int]Mark{}
	for _, m := range marks {
		byID[m.ID] = m
	}
	root := &markNode{}
	stack := []*markNode{root}
	at := 0
	for _, t := range Tags(text) {
		top := stack[len(stack)-1]
		top.kids = append(top.kids, escapeMarkup(UnescapeText(text[at:t.Offset])))
		at = t.Offset + len(t.String())
		switch t.Kind {
		case TagOpen:
			m, ok := byID[t.ID]
			if !ok {
				return "", fmt.Errorf("placeholder %s stands for nothing", t)
			}
			n := &markNode{mark: m}
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case TagClose:
			if len(stack) < 2 || stack[len(stack)-1].mark.ID != t.ID {
				return "", fmt.Errorf("placeholder %s closes a pair that is not open", t)
			}
			stack = stack[:len(stack)-1]
		default:
			return "", fmt.Errorf("placeholder %s stands for nothing", t)
		}
	}
	if len(stack) != 1 {
		return "", fmt.Errorf("placeholder {%d} is never closed", stack[len(stack)-1].mark.ID)
	}
	root.kids = append(root.kids, escapeMarkup(UnescapeText(text[at:])))
	return root.render(MarkKind("")), nil
}

// markNode is a mark and what it holds: strings (escaped text) and nodes.
type markNode struct {
	mark Mark
	kids []any
}

func (n *markNode) render(parent MarkKind) string {
	var b strings.Builder
	for i, k := range n.kids {
		switch k := k.(type) {
		case string:
			b.WriteString(k)
		case *markNode:
			b.WriteString(k.wrap(k.render(k.mark.Kind), parent, i == len(n.kids)-1 || isEmptyTail(n.kids[i+1:])))
		}
	}
	return b.String()
}

func isEmptyTail(kids []any) bool {
	for _, k := range kids {
		if s, ok := k.(string); !ok || s != "" {
			return false
		}
	}
	return true
}

// wrap puts the mark's delimiters around inner. Spaces at the edges move
// outside the marks, where the parser expects them; an italic closing at
// the very end of a bold run uses "_", since "***" would close the bold.
func (n *markNode) wrap(inner string, parent MarkKind, last bool) string {
	trimmed := strings.TrimLeft(inner, " ")
	lead := inner[:len(inner)-len(trimmed)]
	core := strings.TrimRight(trimmed, " ")
	trail := trimmed[len(core):]
	if core == "" {
		return inner
	}
	switch n.mark.Kind {
	case MarkBold:
		core = "**" + core + "**"
	case MarkItalic:
		delim := "*"
		if parent == MarkBold && last {
			delim = "_"
		}
		core = delim + core + delim
	case MarkLink:
		core = "[" + core + "](" + n.mark.URL + ")"
	}
	return lead + core + trail
}

// markSequence lists the marks of text's pairs in order of opening, as
// kind and URL, to compare markup before and after a round trip.
func markSequence(text string, marks []Mark) []Mark {
	byID := map[int]Mark{}
	for _, m := range marks {
		byID[m.ID] = m
	}
	var out []Mark
	for _, t := range Tags(text) {
		if t.Kind == TagOpen {
			m := byID[t.ID]
			out = append(out, Mark{Kind: m.Kind, URL: m.URL})
		}
	}
	return out
}

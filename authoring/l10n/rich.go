package l10n

import (
	"fmt"
	"slices"
	"strings"

	"github.com/stacklet/stacklet/authoring/richtext"
)

// unitShape is where a unit sits in its rich-text field.
type unitShape struct {
	typ   richtext.BlockType
	level int // headings
	item  int // list items: 0-based position in the list
	block int // index of the element it belongs to
}

type richShape struct{ shape []unitShape }

// parseRich records the structure of a rich-text field, one shape per unit
// in the order richUnits gives them.
func parseRich(src string) (richShape, error) {
	blocks, err := richtext.Parse(src)
	if err != nil {
		return richShape{}, err
	}
	var r richShape
	for i, b := range blocks {
		if b.Type == richtext.Heading || b.Type == richtext.Paragraph {
			r.shape = append(r.shape, unitShape{typ: b.Type, level: b.Level, block: i})
			continue
		}
		for k := range b.Items {
			r.shape = append(r.shape, unitShape{typ: b.Type, item: k, block: i})
		}
	}
	return r, nil
}

// join puts unit lines back together: items of one list on consecutive
// lines, elements separated by a blank line.
func (r richShape) join(lines []string) string {
	var b strings.Builder
	for i, line := range lines {
		if i > 0 {
			if r.shape[i].block == r.shape[i-1].block {
				b.WriteString("\n")
			} else {
				b.WriteString("\n\n")
			}
		}
		b.WriteString(line)
	}
	return b.String()
}

func (s unitShape) prefix() string {
	switch s.typ {
	case richtext.Heading:
		return strings.Repeat("#", s.level) + " "
	case richtext.BulletList:
		return "- "
	case richtext.NumberList:
		return fmt.Sprintf("%d. ", s.item+1)
	}
	return ""
}

// unitLine renders target as the markup line of a unit of shape s, and
// checks by parsing it that it comes back as one unit of the same shape with
// the same marks. Anything else (a paragraph read as a list, a mark lost to
// odd spacing) is refused rather than exported wrong.
func unitLine(s unitShape, target string, u unit) (string, bool) {
	markup, err := toMarkup(target, u.marks)
	if err != nil {
		return "", false
	}
	line := s.prefix() + markup
	blocks, err := richtext.Parse(line)
	if err != nil || len(blocks) != 1 || blocks[0].Type != s.typ || blocks[0].Level != s.level {
		return "", false
	}
	inlines := blocks[0].Inlines
	if s.typ == richtext.BulletList || s.typ == richtext.NumberList {
		if len(blocks[0].Items) != 1 {
			return "", false
		}
		inlines = blocks[0].Items[0]
	}
	got := encodeUnit(inlines, "")
	if !sameMarks(markSequence(got.text, got.marks), markSequence(target, u.marks)) {
		return "", false
	}
	return line, true
}

func sameMarks(a, b []Mark) bool {
	return slices.EqualFunc(a, b, func(x, y Mark) bool { return x.Kind == y.Kind && x.URL == y.URL })
}

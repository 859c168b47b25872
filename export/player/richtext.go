package player

import (
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/richtext"
)

// rtBlock is a rich-text element ready for the "rich" template, which escapes
// every text: the markup never reaches the page as HTML.
type rtBlock struct {
	Type  string // "p", "h", "ul", "ol"
	Level int    // headings: 2 to 6 after shifting
	Inl   []rtInline
	Items [][]rtInline
}

// rtInline is plain text or a mark; links carry the "opens in a new tab" hint.
type rtInline struct {
	Type   string // "text", "b", "i", "a"
	Text   string
	URL    string
	Kids   []rtInline
	NewTab string
}

// richText parses src and shifts its headings to start at h(top): block
// content sits under the page's h1 and any panel heading.
func (r *renderer) richText(src, where string, top int) ([]rtBlock, error) {
	blocks, err := richtext.Parse(src)
	if err != nil {
		return nil, authoring.Errorf(authoring.EINVALID, "%s: %v", where, err)
	}
	// The block's biggest heading becomes h(top) whatever mark the designer
	// used, and no heading goes more than one level below the one before.
	least := 4
	for _, b := range blocks {
		if b.Type == richtext.Heading {
			least = min(least, b.Level)
		}
	}
	prev := top - 1
	out := make([]rtBlock, 0, len(blocks))
	for _, b := range blocks {
		switch b.Type {
		case richtext.Heading:
			level := min(top+b.Level-least, prev+1, 6)
			prev = level
			if level == 2 {
				r.seenH2 = true
			}
			out = append(out, rtBlock{Type: "h", Level: level, Inl: r.inlines(b.Inlines)})
		case richtext.BulletList, richtext.NumberList:
			typ := "ul"
			if b.Type == richtext.NumberList {
				typ = "ol"
			}
			items := make([][]rtInline, len(b.Items))
			for i, it := range b.Items {
				items[i] = r.inlines(it)
			}
			out = append(out, rtBlock{Type: typ, Items: items})
		default:
			out = append(out, rtBlock{Type: "p", Inl: r.inlines(b.Inlines)})
		}
	}
	return out, nil
}

func (r *renderer) inlines(in []richtext.Inline) []rtInline {
	out := make([]rtInline, len(in))
	for i, x := range in {
		switch x.Type {
		case richtext.Bold:
			out[i] = rtInline{Type: "b", Kids: r.inlines(x.Children)}
		case richtext.Italic:
			out[i] = rtInline{Type: "i", Kids: r.inlines(x.Children)}
		case richtext.Link:
			out[i] = rtInline{Type: "a", URL: x.URL, Kids: r.inlines(x.Children), NewTab: r.s["NewTab"]}
		default:
			out[i] = rtInline{Type: "text", Text: x.Text}
		}
	}
	return out
}

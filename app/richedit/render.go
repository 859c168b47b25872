// Package richedit is the rich-text field: an entry for Stacklet's markup,
// a small toolbar that inserts the marks, and the text as learners see it.
package richedit

import (
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/authoring/richtext"
)

// Segments renders markup as rich-text segments; markup that does not
// parse yields nil and the error.
func Segments(src string) ([]widget.RichTextSegment, error) {
	blocks, err := richtext.Parse(src)
	if err != nil {
		return nil, err
	}
	var out []widget.RichTextSegment
	for _, b := range blocks {
		out = append(out, block(b))
	}
	return out, nil
}

func block(b richtext.Block) widget.RichTextSegment {
	switch b.Type {
	case richtext.Heading:
		style := widget.RichTextStyleSubHeading
		if b.Level == 1 {
			style = widget.RichTextStyleHeading
		}
		return paragraph(inlines(b.Inlines, style))
	case richtext.BulletList, richtext.NumberList:
		list := &widget.ListSegment{Ordered: b.Type == richtext.NumberList}
		for _, item := range b.Items {
			list.Items = append(list.Items, paragraph(inlines(item, widget.RichTextStyleInline)))
		}
		return list
	}
	return paragraph(inlines(b.Inlines, widget.RichTextStyleParagraph))
}

// paragraph groups inline segments into one block; the last inline ends it.
func paragraph(segs []widget.RichTextSegment) widget.RichTextSegment {
	return &widget.ParagraphSegment{Texts: segs}
}

func inlines(ins []richtext.Inline, base widget.RichTextStyle) []widget.RichTextSegment {
	var out []widget.RichTextSegment
	for _, in := range ins {
		out = append(out, inline(in, base)...)
	}
	return out
}

func inline(in richtext.Inline, style widget.RichTextStyle) []widget.RichTextSegment {
	style.Inline = true
	switch in.Type {
	case richtext.Bold:
		style.TextStyle = fyne.TextStyle{Bold: true, Italic: style.TextStyle.Italic}
		return inlines(in.Children, style)
	case richtext.Italic:
		style.TextStyle = fyne.TextStyle{Italic: true, Bold: style.TextStyle.Bold}
		return inlines(in.Children, style)
	case richtext.Link:
		u, _ := url.Parse(in.URL) // Parse accepted it already
		return []widget.RichTextSegment{&widget.HyperlinkSegment{Text: plainOf(in.Children), URL: u}}
	}
	return []widget.RichTextSegment{&widget.TextSegment{Text: in.Text, Style: style}}
}

func plainOf(ins []richtext.Inline) string {
	s := ""
	for _, in := range ins {
		if in.Type == richtext.Plain {
			s += in.Text
		} else {
			s += plainOf(in.Children)
		}
	}
	return s
}

// ErrorLine is the 1-based line of a markup error, 0 when unknown.
func ErrorLine(err error) int {
	if e, ok := err.(*richtext.Error); ok {
		return e.Line
	}
	return 0
}

// Package richedit is the rich-text field: an entry for Stacklet's markup,
// a small toolbar that inserts the marks, and the text as learners see it.
package richedit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
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
		out = append(out, block(b)...)
	}
	return out, nil
}

// block renders a heading, paragraph or list. Runs of text are inline; an
// empty segment that is not inline ends the line, as Fyne lays them out.
func block(b richtext.Block) []widget.RichTextSegment {
	switch b.Type {
	case richtext.Heading:
		style := widget.RichTextStyleSubHeading
		if b.Level == 1 {
			style = widget.RichTextStyleHeading
		}
		return endLine(inlines(b.Inlines, style), style)
	case richtext.BulletList, richtext.NumberList:
		list := &widget.ListSegment{Ordered: b.Type == richtext.NumberList}
		for _, item := range b.Items {
			list.Items = append(list.Items, &widget.ParagraphSegment{Texts: endLine(inlines(item, widget.RichTextStyleInline), widget.RichTextStyleInline)})
		}
		return []widget.RichTextSegment{list}
	}
	return endLine(inlines(b.Inlines, widget.RichTextStyleParagraph), widget.RichTextStyleParagraph)
}

func endLine(segs []widget.RichTextSegment, style widget.RichTextStyle) []widget.RichTextSegment {
	style.Inline = false
	return append(segs, &widget.TextSegment{Style: style})
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
		// Link coloured text rather than a hyperlink segment: Fyne does not
		// wrap a long hyperlink, and the preview is for reading, not browsing.
		style.ColorName = theme.ColorNameHyperlink
		return []widget.RichTextSegment{&widget.TextSegment{Text: plainOf(in.Children), Style: style}}
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

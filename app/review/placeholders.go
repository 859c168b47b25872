package review

import (
	"regexp"
	"strings"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Segment text marks inline markup with placeholders ({1}bold{/1}, {2/})
// and escapes a literal brace as "{{". Translators see and type them as
// ⟨1⟩bold⟨/1⟩ and ⟨2/⟩: unlike braces, angle brackets of that shape never
// occur in ordinary prose, so a brace the translator types stays a brace.

var (
	segmentTag = regexp.MustCompile(`\{\{|\{(/?)([0-9]{1,4})(/?)\}`)
	displayTag = regexp.MustCompile(`⟨(/?)([0-9]{1,4})(/?)⟩`)
)

// toDisplay turns segment text into what the translator reads and edits.
func toDisplay(s string) string {
	return segmentTag.ReplaceAllStringFunc(s, func(m string) string {
		if m == "{{" {
			return "{"
		}
		return "⟨" + m[1:len(m)-1] + "⟩"
	})
}

// fromDisplay is the inverse of toDisplay.
func fromDisplay(s string) string {
	s = strings.ReplaceAll(s, "{", "{{")
	return displayTag.ReplaceAllString(s, "{$1$2$3}")
}

// richSegments shows segment text with its placeholders set apart in the
// accent colour, so the translator sees where markup goes.
func richSegments(s string) []widget.RichTextSegment {
	d := toDisplay(s)
	var out []widget.RichTextSegment
	plain := func(text string) {
		if text != "" {
			out = append(out, &widget.TextSegment{Text: text, Style: widget.RichTextStyleInline})
		}
	}
	at := 0
	for _, m := range displayTag.FindAllStringIndex(d, -1) {
		plain(d[at:m[0]])
		out = append(out, &widget.TextSegment{Text: d[m[0]:m[1]], Style: widget.RichTextStyle{
			Inline: true, ColorName: theme.ColorNamePrimary, TextStyle: tagStyle}})
		at = m[1]
	}
	plain(d[at:])
	return out
}

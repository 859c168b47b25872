package xliff

import (
	"strconv"
	"strings"

	"github.com/stacklet/stacklet/authoring/l10n"
)

// inlineKind is how a placeholder is written: pairs that nest become
// <g>...</g>, standalone ones <x/>, and halves of a broken pair (a person may
// have typed one) <bx/> or <ex/>, so nothing is lost either way.
type inlineKind int

const (
	inlineOpenG inlineKind = iota
	inlineCloseG
	inlineX
	inlineBX
	inlineEX
)

// inlineTag is one placeholder of a text with its byte span.
type inlineTag struct {
	id         int
	kind       inlineKind
	start, end int
}

// inlineTags finds the placeholders of text and how to write each.
func inlineTags(text string) []inlineTag {
	tags := l10n.Tags(text)
	out := make([]inlineTag, len(tags))
	var open []int // indexes into out of pairs not yet closed
	for i, t := range tags {
		end := t.Offset + strings.IndexByte(text[t.Offset:], '}') + 1
		out[i] = inlineTag{id: t.ID, start: t.Offset, end: end}
		switch t.Kind {
		case l10n.TagSelf:
			out[i].kind = inlineX
		case l10n.TagOpen:
			out[i].kind = inlineBX // until its close is found
			open = append(open, i)
		case l10n.TagClose:
			out[i].kind = inlineEX
			if n := len(open); n > 0 && out[open[n-1]].id == t.ID {
				out[open[n-1]].kind, out[i].kind = inlineOpenG, inlineCloseG
				open = open[:n-1]
			}
		}
	}
	return out
}

// writeInline writes segment text as XLIFF content.
func writeInline(w *strings.Builder, text string, ctypes map[int]string) {
	last := 0
	for _, t := range inlineTags(text) {
		escapeText(w, l10n.UnescapeText(text[last:t.start]))
		last = t.end
		id := strconv.Itoa(t.id)
		switch t.kind {
		case inlineCloseG:
			w.WriteString("</g>")
			continue
		case inlineOpenG:
			w.WriteString(`<g id="` + id + `"`)
		case inlineX:
			w.WriteString(`<x id="` + id + `"`)
		case inlineBX:
			w.WriteString(`<bx id="` + id + `"`)
		case inlineEX:
			w.WriteString(`<ex id="` + id + `"`)
		}
		if c := ctypes[t.id]; c != "" && t.kind != inlineEX {
			w.WriteString(` ctype="`)
			escapeAttr(w, c)
			w.WriteString(`"`)
		}
		if t.kind == inlineOpenG {
			w.WriteString(">")
		} else {
			w.WriteString("/>")
		}
	}
	escapeText(w, l10n.UnescapeText(text[last:]))
}

// escapeText escapes character data. Newlines stay as they are, for
// translators reading the file; a carriage return is escaped so parsers do
// not fold it away.
func escapeText(w *strings.Builder, s string) {
	for _, r := range s {
		switch r {
		case '&':
			w.WriteString("&amp;")
		case '<':
			w.WriteString("&lt;")
		case '>':
			w.WriteString("&gt;")
		case '\r':
			w.WriteString("&#xD;")
		default:
			w.WriteRune(xmlSafe(r))
		}
	}
}

// escapeAttr escapes an attribute value in double quotes; whitespace other
// than a space is escaped because parsers normalise it in attributes.
func escapeAttr(w *strings.Builder, s string) {
	for _, r := range s {
		switch r {
		case '&':
			w.WriteString("&amp;")
		case '<':
			w.WriteString("&lt;")
		case '"':
			w.WriteString("&quot;")
		case '\n':
			w.WriteString("&#xA;")
		case '\r':
			w.WriteString("&#xD;")
		case '\t':
			w.WriteString("&#x9;")
		default:
			w.WriteRune(xmlSafe(r))
		}
	}
}

// xmlSafe replaces characters XML 1.0 cannot hold.
func xmlSafe(r rune) rune {
	if r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF) {
		return r
	}
	return '\uFFFD'
}

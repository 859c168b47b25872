package richedit

import "strings"

// Edit is a change the toolbar makes: the new text and where the cursor
// goes, as rune offsets.
type Edit struct {
	Text   string
	Cursor int
}

// Wrap puts mark around the runes [start, end) of text ("**" for bold).
// With nothing selected it inserts an empty pair with the cursor inside.
func Wrap(text string, start, end int, mark string) Edit {
	r := []rune(text)
	start, end = clamp(start, len(r)), clamp(end, len(r))
	if start > end {
		start, end = end, start
	}
	sel := string(r[start:end])
	out := string(r[:start]) + mark + sel + mark + string(r[end:])
	cursor := start + len([]rune(mark+sel+mark)) // after the closing mark
	if sel == "" {
		cursor = start + len([]rune(mark)) // between the marks, ready to type
	}
	return Edit{Text: out, Cursor: cursor}
}

// Link turns [start, end) into a link whose address the designer types next.
func Link(text string, start, end int) Edit {
	r := []rune(text)
	start, end = clamp(start, len(r)), clamp(end, len(r))
	if start > end {
		start, end = end, start
	}
	label := string(r[start:end])
	head := string(r[:start]) + "[" + label + "](https://"
	return Edit{Text: head + ")" + string(r[end:]), Cursor: len([]rune(head))}
}

// Prefix starts the line holding the cursor with prefix ("## ", "- ",
// "1. "), replacing any heading or list mark it had.
func Prefix(text string, cursor int, prefix string) Edit {
	r := []rune(text)
	cursor = clamp(cursor, len(r))
	lineStart := strings.LastIndex(string(r[:cursor]), "\n") + 1 // byte offset
	head := string(r[:cursor])[:lineStart]
	rest := string(r[:cursor])[lineStart:] + string(r[cursor:])
	lineEnd := strings.IndexByte(rest, '\n')
	if lineEnd < 0 {
		lineEnd = len(rest)
	}
	line, tail := rest[:lineEnd], rest[lineEnd:]
	bare := stripMark(line)
	out := head + prefix + bare + tail
	return Edit{Text: out, Cursor: len([]rune(head + prefix + bare))}
}

// stripMark removes a heading or list mark from the start of a line.
func stripMark(line string) string {
	t := strings.TrimLeft(line, " ")
	for _, m := range []string{"### ", "## ", "# ", "- ", "* "} {
		if strings.HasPrefix(t, m) {
			return t[len(m):]
		}
	}
	digits := 0
	for digits < len(t) && t[digits] >= '0' && t[digits] <= '9' {
		digits++
	}
	if digits > 0 && strings.HasPrefix(t[digits:], ". ") {
		return t[digits+2:]
	}
	return line
}

func clamp(i, n int) int { return min(max(i, 0), n) }

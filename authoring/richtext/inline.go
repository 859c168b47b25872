package richtext

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

var errRawHTML = errors.New("raw HTML is not allowed: use **bold**, *italic*, [text](https://…) and lists instead")

// parseInline reads marks in s. Unmatched marks stay literal text.
func parseInline(s string) ([]Inline, error) {
	var out []Inline
	var text strings.Builder
	emit := func(in Inline) {
		if text.Len() > 0 {
			out = append(out, Inline{Type: Plain, Text: text.String()})
			text.Reset()
		}
		out = append(out, in)
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && strings.IndexByte(`\*_[]()<#-`, s[i+1]) >= 0:
			text.WriteByte(s[i+1])
			i += 2
			continue
		case c == '<' && i+1 < len(s) && (s[i+1] == '/' || s[i+1] == '!' || isLetter(s[i+1])):
			return nil, errRawHTML
		case strings.HasPrefix(s[i:], "**"):
			if end := strings.Index(s[i+2:], "**"); end > 0 {
				kids, err := parseInline(s[i+2 : i+2+end])
				if err != nil {
					return nil, err
				}
				emit(Inline{Type: Bold, Children: kids})
				i += end + 4
				continue
			}
		case (c == '*' || c == '_') && opensItalic(s, i):
			if end := closeItalic(s, i); end > 0 {
				kids, err := parseInline(s[i+1 : end])
				if err != nil {
					return nil, err
				}
				emit(Inline{Type: Italic, Children: kids})
				i = end + 1
				continue
			}
		case c == '[':
			if label, target, n, ok := link(s[i:]); ok {
				if err := checkURL(target); err != nil {
					return nil, err
				}
				kids, err := parseInline(label)
				if err != nil {
					return nil, err
				}
				emit(Inline{Type: Link, URL: target, Children: kids})
				i += n
				continue
			}
		}
		text.WriteByte(c)
		i++
	}
	if text.Len() > 0 {
		out = append(out, Inline{Type: Plain, Text: text.String()})
	}
	return out, nil
}

func isLetter(b byte) bool { return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') }

// opensItalic: a mark opens italic when text follows it directly and, for
// "_", it does not sit inside a word (snake_case stays literal).
func opensItalic(s string, i int) bool {
	if i+1 >= len(s) || s[i+1] == ' ' || s[i+1] == s[i] {
		return false
	}
	if s[i] == '_' && i > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}
	return true
}

func closeItalic(s string, i int) int {
	for j := i + 1; j < len(s); j++ {
		if s[j] == s[i] && s[j-1] != ' ' && s[j-1] != '\\' {
			if s[i] == '*' && j+1 < len(s) && s[j+1] == '*' {
				j++
				continue
			}
			return j
		}
	}
	return -1
}

// link reads "[label](target)" at the start of s and returns its length.
func link(s string) (label, target string, n int, ok bool) {
	mid := strings.Index(s, "](")
	if mid < 0 {
		return "", "", 0, false
	}
	end := strings.IndexByte(s[mid+2:], ')')
	if end < 0 {
		return "", "", 0, false
	}
	label, target = s[1:mid], strings.TrimSpace(s[mid+2:mid+2+end])
	if label == "" || target == "" || strings.Contains(label, "[") {
		return "", "", 0, false
	}
	return label, target, mid + 3 + end, true
}

// PlainText returns the text of inlines without marks, for summaries,
// accessible names and length checks.
func PlainText(in []Inline) string {
	var b strings.Builder
	for _, x := range in {
		if x.Type == Plain {
			b.WriteString(x.Text)
		} else {
			b.WriteString(PlainText(x.Children))
		}
	}
	return b.String()
}

// Summary returns a one-line plain-text summary of src, marks removed; it is
// best-effort and never fails.
func Summary(src string) string {
	blocks, err := Parse(src)
	if err != nil {
		return strings.Join(strings.Fields(src), " ")
	}
	var parts []string
	for _, b := range blocks {
		if b.Type == Paragraph || b.Type == Heading {
			parts = append(parts, PlainText(b.Inlines))
		}
		for _, it := range b.Items {
			parts = append(parts, PlainText(it))
		}
	}
	return strings.Join(parts, " ")
}

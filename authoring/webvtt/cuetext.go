package webvtt

import (
	"html"
	"strings"
)

// PlainText returns the text a cue payload shows, for a translator: a
// leading voice tag (<v Name>) gives speaker; every other tag (<b>, <i>,
// <u>, <c.x>, <lang x>, <ruby>, timestamps, closing tags) is dropped, as is
// ruby annotation text (<rt>), and character references are decoded.
func PlainText(payload string) (speaker, text string) {
	rest := strings.TrimLeft(payload, " \t\n")
	if tag, after, ok := leadingTag(rest); ok && tagName(tag) == "v" {
		speaker = annotation(tag)
		rest = after
	}
	return speaker, strings.TrimSpace(html.UnescapeString(stripTags(rest)))
}

// leadingTag splits s = "<tag>rest" into tag and rest.
func leadingTag(s string) (tag, rest string, ok bool) {
	if !strings.HasPrefix(s, "<") {
		return "", "", false
	}
	end := strings.IndexByte(s, '>')
	if end < 0 {
		return "", "", false
	}
	return s[1:end], s[end+1:], true
}

// tagName is a start tag's name without its classes: "v" for "v.loud Ann".
func tagName(tag string) string {
	name, _, _ := strings.Cut(strings.Join(strings.Fields(tag), " "), " ")
	name, _, _ = strings.Cut(name, ".")
	return name
}

// annotation is the text after a start tag's name: the voice's name.
func annotation(tag string) string {
	fields := strings.Fields(tag)
	if len(fields) < 2 {
		return ""
	}
	return html.UnescapeString(strings.Join(fields[1:], " "))
}

// stripTags removes every tag, and ruby annotations with their tags. An
// unclosed tag runs to the end of the text, as in browsers.
func stripTags(s string) string {
	var b strings.Builder
	inRT := false
	for s != "" {
		lt := strings.IndexByte(s, '<')
		if lt < 0 {
			if !inRT {
				b.WriteString(s)
			}
			break
		}
		if !inRT {
			b.WriteString(s[:lt])
		}
		tag, rest, ok := leadingTag(s[lt:])
		if !ok {
			break
		}
		switch tag {
		case "rt":
			inRT = true
		case "/rt", "/ruby":
			inRT = false
		}
		s = rest
	}
	return b.String()
}

// CueText is the payload of a cue showing text, spoken by speaker when not
// empty. Text is escaped, so it can never become a tag, and empty lines,
// which would end the cue, are dropped.
func CueText(speaker, text string) string {
	var lines []string
	for _, line := range splitLines(text) {
		if strings.TrimSpace(line) != "" {
			lines = append(lines, escape(line))
		}
	}
	out := strings.Join(lines, "\n")
	if speaker = strings.Join(strings.Fields(speaker), " "); speaker != "" {
		out = "<v " + escape(speaker) + ">" + out
	}
	return out
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

func escape(s string) string { return escaper.Replace(s) }

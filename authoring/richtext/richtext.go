// Package richtext parses Stacklet's safe rich-text markup: a small,
// Markdown-like language with paragraphs, headings ("## "), bulleted ("- ")
// and numbered ("1. ") lists, **bold**, *italic* and [links](https://…).
// Raw HTML is refused so that what designers type is what learners see, and
// so that translators and models never handle markup other than these marks.
package richtext

import (
	"fmt"
	"net/url"
	"strings"
)

// BlockType is the kind of a top-level element.
type BlockType int

const (
	Paragraph BlockType = iota
	Heading
	BulletList
	NumberList
)

// Block is a paragraph, a heading or a list.
type Block struct {
	Type    BlockType
	Level   int        // headings: 1 to 3
	Inlines []Inline   // paragraphs and headings
	Items   [][]Inline // lists
}

// InlineType is the kind of a run of text.
type InlineType int

const (
	Plain InlineType = iota
	Bold
	Italic
	Link
)

// Inline is plain text, or a mark around child inlines.
type Inline struct {
	Type     InlineType
	Text     string // Plain only
	URL      string // Link only
	Children []Inline
}

// Error is a markup problem, with the 1-based line it is on.
type Error struct {
	Line   int
	Reason string
}

func (e *Error) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Reason) }

// Parse reads src into blocks. It fails on raw HTML and on links that are not
// http, https or mailto.
func Parse(src string) ([]Block, error) {
	var p parser
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	for i, line := range lines {
		if err := p.line(strings.TrimRight(line, " \t")); err != nil {
			return nil, &Error{Line: i + 1, Reason: err.Error()}
		}
	}
	if err := p.flush(); err != nil {
		return nil, &Error{Line: len(lines), Reason: err.Error()}
	}
	return p.out, nil
}

type parser struct {
	out   []Block
	para  []string // lines of the open paragraph
	list  BlockType
	items [][]Inline
}

func (p *parser) line(s string) error {
	trimmed := strings.TrimSpace(s)
	if level, text, ok := heading(trimmed); ok {
		if err := p.flush(); err != nil {
			return err
		}
		in, err := parseInline(text)
		p.out = append(p.out, Block{Type: Heading, Level: level, Inlines: in})
		return err
	}
	if typ, text, ok := listItem(trimmed); ok {
		if len(p.para) > 0 || (len(p.items) > 0 && p.list != typ) {
			if err := p.flush(); err != nil {
				return err
			}
		}
		in, err := parseInline(text)
		p.list, p.items = typ, append(p.items, in)
		return err
	}
	if trimmed == "" {
		return p.flush()
	}
	if len(p.items) > 0 {
		if err := p.flush(); err != nil {
			return err
		}
	}
	p.para = append(p.para, trimmed)
	return nil
}

func (p *parser) flush() error {
	if len(p.items) > 0 {
		p.out = append(p.out, Block{Type: p.list, Items: p.items})
		p.items = nil
	}
	if len(p.para) > 0 {
		in, err := parseInline(strings.Join(p.para, " "))
		p.para = nil
		if err != nil {
			return err
		}
		p.out = append(p.out, Block{Type: Paragraph, Inlines: in})
	}
	return nil
}

func heading(s string) (int, string, bool) {
	level := 0
	for level < len(s) && s[level] == '#' {
		level++
	}
	if level == 0 || level > 3 || !strings.HasPrefix(s[level:], " ") {
		return 0, "", false
	}
	return level, strings.TrimSpace(s[level:]), true
}

func listItem(s string) (BlockType, string, bool) {
	if strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "* ") {
		return BulletList, strings.TrimSpace(s[2:]), true
	}
	digits := 0
	for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	if digits > 0 && strings.HasPrefix(s[digits:], ". ") {
		return NumberList, strings.TrimSpace(s[digits+2:]), true
	}
	return 0, "", false
}

// allowedSchemes are the link targets a learner can follow safely.
var allowedSchemes = map[string]bool{"http": true, "https": true, "mailto": true}

func checkURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || !allowedSchemes[strings.ToLower(u.Scheme)] {
		return fmt.Errorf("link %q must start with https://, http:// or mailto:", raw)
	}
	return nil
}

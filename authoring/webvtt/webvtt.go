// Package webvtt reads and writes WebVTT caption files just far enough to
// translate them: cues keep their identifiers and timing lines as written,
// comments, styles and regions pass through untouched, and only cue text is
// meant to change.
package webvtt

import (
	"bytes"
	"strings"

	"github.com/stacklet/stacklet/authoring"
)

// Kind is what a block of a WebVTT file holds.
type Kind string

const (
	KindCue    Kind = "cue"
	KindNote   Kind = "note"   // a comment
	KindStyle  Kind = "style"  // a CSS style sheet
	KindRegion Kind = "region" // a region definition
)

// File is a parsed WebVTT file.
type File struct {
	// Header is the header block as written: the "WEBVTT" line (without a
	// byte order mark) and any header lines below it, joined by "\n".
	Header string
	Blocks []Block // in file order
}

// Block is one block after the header: a cue, or a NOTE, STYLE or REGION
// block kept verbatim in Raw.
type Block struct {
	Kind   Kind
	Raw    string // not a cue: its lines as written, joined by "\n"
	ID     string // cue identifier; "" when the cue has none
	Timing string // cue timing line as written: "start --> end settings"
	Start  string // the start timestamp as written
	Text   string // cue payload lines joined by "\n"; may hold cue tags and entities
}

const bom = "\ufeff"

// Parse reads a WebVTT file. CRLF and CR line endings are accepted.
func Parse(data []byte) (*File, error) {
	lines := splitLines(string(bytes.TrimPrefix(data, []byte(bom))))
	if len(lines) == 0 || !isHeaderLine(lines[0]) {
		return nil, authoring.Errorf(authoring.EINVALID, "line 1: a WebVTT file must start with WEBVTT")
	}
	p := parser{lines: lines}
	f := &File{Header: strings.Join(p.block(), "\n")}
	for {
		p.skipBlank()
		if p.next >= len(p.lines) {
			return f, nil
		}
		b, err := p.parseBlock()
		if err != nil {
			return nil, err
		}
		f.Blocks = append(f.Blocks, b)
	}
}

func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

// isHeaderLine: "WEBVTT" alone or followed by a space or tab and any text.
func isHeaderLine(line string) bool {
	rest, ok := strings.CutPrefix(line, "WEBVTT")
	return ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t')
}

type parser struct {
	lines []string
	next  int // index of the next unread line
}

// block returns the lines up to the next empty line.
func (p *parser) block() []string {
	start := p.next
	for p.next < len(p.lines) && p.lines[p.next] != "" {
		p.next++
	}
	return p.lines[start:p.next]
}

func (p *parser) skipBlank() {
	for p.next < len(p.lines) && p.lines[p.next] == "" {
		p.next++
	}
}

// parseBlock reads the block starting at the next line, which is not empty.
func (p *parser) parseBlock() (Block, error) {
	first := p.lines[p.next]
	if kind, ok := keywordKind(first); ok {
		return Block{Kind: kind, Raw: strings.Join(p.block(), "\n")}, nil
	}
	startLine := p.next + 1 // 1-based, for messages
	var b Block
	if !strings.Contains(first, arrow) {
		b.ID = first
		p.next++
		if p.next >= len(p.lines) || !strings.Contains(p.lines[p.next], arrow) {
			return Block{}, authoring.Errorf(authoring.EINVALID,
				"line %d: cue %q has no timing line (start --> end) below it", startLine, first)
		}
	}
	b.Kind, b.Timing = KindCue, p.lines[p.next]
	start, err := checkTiming(b.Timing)
	if err != nil {
		return Block{}, authoring.Errorf(authoring.EINVALID, "line %d: %v", p.next+1, err)
	}
	b.Start = start
	p.next++
	b.Text = strings.Join(p.payload(), "\n")
	return b, nil
}

// payload returns a cue's text lines: up to an empty line, or up to a line
// holding "-->", which starts the next cue as in browsers.
func (p *parser) payload() []string {
	start := p.next
	for p.next < len(p.lines) && p.lines[p.next] != "" && !strings.Contains(p.lines[p.next], arrow) {
		p.next++
	}
	return p.lines[start:p.next]
}

const arrow = "-->"

// keywordKind recognises the first line of a NOTE, STYLE or REGION block:
// the keyword alone or followed by a space or tab.
func keywordKind(line string) (Kind, bool) {
	for kw, kind := range map[string]Kind{"NOTE": KindNote, "STYLE": KindStyle, "REGION": KindRegion} {
		if rest, ok := strings.CutPrefix(line, kw); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
			return kind, true
		}
	}
	return "", false
}

// Bytes writes f with LF line endings and one empty line between blocks.
func (f *File) Bytes() []byte {
	var b strings.Builder
	b.WriteString(f.Header)
	b.WriteString("\n")
	for _, blk := range f.Blocks {
		b.WriteString("\n")
		if blk.Kind != KindCue {
			b.WriteString(blk.Raw + "\n")
			continue
		}
		if blk.ID != "" {
			b.WriteString(blk.ID + "\n")
		}
		b.WriteString(blk.Timing + "\n")
		if blk.Text != "" {
			b.WriteString(blk.Text + "\n")
		}
	}
	return []byte(b.String())
}

// Clone returns a copy of f whose blocks can be changed without touching f.
func (f *File) Clone() *File {
	out := *f
	out.Blocks = append([]Block(nil), f.Blocks...)
	return &out
}

// Cues returns pointers to f's cue blocks, in order.
func (f *File) Cues() []*Block {
	var out []*Block
	for i := range f.Blocks {
		if f.Blocks[i].Kind == KindCue {
			out = append(out, &f.Blocks[i])
		}
	}
	return out
}

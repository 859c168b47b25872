package xliff

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
)

// maxDepth bounds nested inline elements, so a hostile file cannot make
// reading recurse without end.
const maxDepth = 64

// Read parses an XLIFF 1.2 document. A file that is not well-formed XML, or
// not XLIFF 1.2 as Stacklet writes and tools edit it, is refused with an
// ECORRUPT error naming the line and the reason. Elements Stacklet has no
// use for (headers, alt-trans, context groups) are skipped.
func Read(r io.Reader) (*Document, error) {
	rd := newReader(r)
	doc, err := rd.document()
	if err != nil {
		return nil, rd.wrap(err)
	}
	return doc, nil
}

func (rd *reader) document() (*Document, error) {
	root, err := rd.root()
	if err != nil {
		return nil, err
	}
	if err := checkRoot(root); err != nil {
		return nil, err
	}
	doc := &Document{}
	ids := map[string]int{}
	err = rd.children(root, func(el start) error {
		if !el.is("file") {
			return rd.skip()
		}
		f, err := rd.file(el, ids)
		if err == nil {
			doc.Files = append(doc.Files, *f)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return doc, rd.end()
}

func checkRoot(el start) error {
	if !el.is("xliff") {
		return el.errorf("the root element is <%s>, not <xliff>: this is not an XLIFF file", el.Name.Local)
	}
	if v := el.attr("", "version"); v != "1.2" {
		return el.errorf("XLIFF version %q is not supported: export XLIFF 1.2", v)
	}
	return nil
}

func (rd *reader) file(el start, ids map[string]int) (*File, error) {
	f := &File{Original: el.attr("", "original")}
	var err error
	if f.SourceLanguage, err = el.locale("source-language"); err != nil {
		return nil, err
	}
	if f.TargetLanguage, err = el.locale("target-language"); err != nil {
		return nil, err
	}
	err = rd.children(el, func(c start) error {
		if !c.is("body") {
			return rd.skip()
		}
		return rd.body(c, f, ids)
	})
	return f, err
}

// body reads trans-units, also inside <group>s.
func (rd *reader) body(el start, f *File, ids map[string]int) error {
	return rd.children(el, func(c start) error {
		switch {
		case c.is("group"):
			return rd.body(c, f, ids)
		case !c.is("trans-unit"):
			return rd.skip()
		}
		u, err := rd.unit(c)
		if err != nil {
			return err
		}
		if line, dup := ids[u.ID]; dup {
			return c.errorf("trans-unit id %q appears twice (first on line %d)", u.ID, line)
		}
		ids[u.ID] = c.line
		f.Units = append(f.Units, *u)
		return nil
	})
}

func (rd *reader) unit(el start) (*Unit, error) {
	u := &Unit{ID: el.attr("", "id"), SourceHash: el.attr(StkNS, "source-hash"), Line: el.line, CTypes: map[int]string{}}
	if u.ID == "" {
		return nil, el.errorf("a trans-unit has no id")
	}
	if w := el.attr("", "maxwidth"); w != "" {
		n, err := strconv.Atoi(w)
		if err != nil || n < 0 {
			return nil, el.errorf("trans-unit %s: maxwidth %q is not a whole number", u.ID, w)
		}
		u.MaxLen = n
	}
	var haveSource bool
	var target *start
	err := rd.children(el, func(c start) error {
		switch {
		case c.is("source"):
			haveSource = true
			return rd.inline(c, &u.Source, u.CTypes)
		case c.is("target"):
			target = &c
			return rd.inline(c, &u.Target, u.CTypes)
		case c.is("note"):
			return rd.note(c, u)
		}
		return rd.skip()
	})
	if err != nil {
		return nil, err
	}
	if !haveSource {
		return nil, el.errorf("trans-unit %s has no <source>", u.ID)
	}
	if len(u.CTypes) == 0 {
		u.CTypes = nil
	}
	return u, targetState(target, u)
}

// targetState sets u's state from its target's attributes.
func targetState(t *start, u *Unit) error {
	if t == nil {
		u.State = l10n.Untranslated
		return nil
	}
	state, qualifier := t.attr("", "state"), t.attr("", "state-qualifier")
	if state != "" && !knownStates[state] && !strings.HasPrefix(state, "x-") {
		return t.errorf("trans-unit %s: target state %q is not an XLIFF 1.2 state", u.ID, state)
	}
	u.State = ourState(state, qualifier, u.Target)
	if stale := t.attr(StkNS, "stale"); stale != "" && u.Target != "" {
		st, err := l10n.ParseState(stale)
		if err != nil {
			return t.errorf("trans-unit %s: %s", u.ID, authoring.ErrorMessage(err))
		}
		u.State, u.Stale = st, true
	}
	return nil
}

// note reads a <note>: plain text; several notes are joined by newlines.
func (rd *reader) note(el start, u *Unit) error {
	var text strings.Builder
	err := rd.content(el, func(s string) { text.WriteString(s) }, func(c start) error {
		return c.errorf("a <note> holds element <%s>: notes are plain text", c.Name.Local)
	})
	if err != nil {
		return err
	}
	if u.Note != "" {
		u.Note += "\n"
	}
	u.Note += text.String()
	return nil
}

// inline reads the content of a <source> or <target> into segment text.
func (rd *reader) inline(el start, out *string, ctypes map[int]string) error {
	var b strings.Builder
	if err := rd.inlineContent(el, &b, ctypes, 0); err != nil {
		return err
	}
	*out = b.String()
	return nil
}

func (rd *reader) inlineContent(el start, b *strings.Builder, ctypes map[int]string, depth int) error {
	if depth > maxDepth {
		return el.errorf("inline elements are nested more than %d deep", maxDepth)
	}
	return rd.content(el, func(s string) { b.WriteString(l10n.EscapeText(s)) }, func(c start) error {
		return rd.inlineElement(c, b, ctypes, depth)
	})
}

func (rd *reader) inlineElement(c start, b *strings.Builder, ctypes map[int]string, depth int) error {
	if c.is("mrk") { // a tool's annotation: keep its text
		return rd.inlineContent(c, b, ctypes, depth+1)
	}
	if !c.is("g") && !c.is("x") && !c.is("bx") && !c.is("ex") {
		return c.errorf("inline element <%s> is not supported: use <g> and <x/>", c.Name.Local)
	}
	id, err := c.inlineID()
	if err != nil {
		return err
	}
	if ct := c.attr("", "ctype"); ct != "" && ctypes[id] == "" {
		ctypes[id] = ct
	}
	switch c.Name.Local {
	case "g":
		fmt.Fprintf(b, "{%d}", id)
		if err := rd.inlineContent(c, b, ctypes, depth+1); err != nil {
			return err
		}
		fmt.Fprintf(b, "{/%d}", id)
		return nil
	case "x":
		fmt.Fprintf(b, "{%d/}", id)
	case "bx":
		fmt.Fprintf(b, "{%d}", id)
	case "ex":
		fmt.Fprintf(b, "{/%d}", id)
	}
	return rd.empty(c)
}

// inlineID reads the id of an inline element: Stacklet numbers placeholders.
func (el start) inlineID() (int, error) {
	v := el.attr("", "id")
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > 9999 || strconv.Itoa(n) != v {
		return 0, el.errorf("<%s> id %q is not a placeholder number (0-9999)", el.Name.Local, v)
	}
	return n, nil
}

var errNoRoot = errors.New("the file is empty: no <xliff> element")

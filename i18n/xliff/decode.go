package xliff

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/stacklet/stacklet/authoring"
)

// reader walks the token stream, remembering where each token starts so
// errors can name the line.
type reader struct {
	d    *xml.Decoder
	line int // line where the last token started
}

func newReader(r io.Reader) *reader {
	d := xml.NewDecoder(r)
	d.Strict = true
	return &reader{d: d, line: 1}
}

// start is a start element with the line it began on.
type start struct {
	xml.StartElement
	line int
}

// is reports whether el is the XLIFF element local. Tools sometimes drop the
// namespace, so no namespace is accepted too.
func (el start) is(local string) bool {
	return el.Name.Local == local && (el.Name.Space == NS || el.Name.Space == "")
}

func (el start) attr(space, local string) string {
	for _, a := range el.Attr {
		if a.Name.Local == local && (a.Name.Space == space || (space == "" && a.Name.Space == NS)) {
			return a.Value
		}
	}
	return ""
}

func (el start) locale(name string) (authoring.Locale, error) {
	v := el.attr("", name)
	if v == "" {
		return "", el.errorf("<file> has no %s", name)
	}
	l, err := authoring.ParseLocale(v)
	if err != nil {
		return "", el.errorf("<file> %s: %s", name, authoring.ErrorMessage(err))
	}
	return l, nil
}

// lineError is an error at a known line.
type lineError struct {
	line int
	msg  string
}

func (e *lineError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

func (el start) errorf(format string, args ...any) error {
	return &lineError{el.line, fmt.Sprintf(format, args...)}
}

// wrap turns any reading error into an ECORRUPT error with a line number.
func (rd *reader) wrap(err error) error {
	var le *lineError
	var se *xml.SyntaxError
	switch {
	case errors.As(err, &le):
	case errors.As(err, &se):
		le = &lineError{se.Line, "the XML is malformed: " + se.Msg}
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		le = &lineError{rd.line, "the file ends before the XLIFF document does"}
	case errors.Is(err, errNoRoot):
		le = &lineError{rd.line, err.Error()}
	default:
		le = &lineError{rd.line, "the file could not be read: " + err.Error()}
	}
	return authoring.Errorf(authoring.ECORRUPT, "%s", le.Error())
}

func (rd *reader) token() (xml.Token, error) {
	rd.line, _ = rd.d.InputPos()
	tok, err := rd.d.Token()
	if err != nil {
		return nil, err
	}
	return xml.CopyToken(tok), nil
}

// root returns the document element, refusing text before it.
func (rd *reader) root() (start, error) {
	for {
		tok, err := rd.token()
		if err == io.EOF {
			return start{}, errNoRoot
		}
		if err != nil {
			return start{}, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return start{t, rd.line}, nil
		case xml.CharData:
			if strings.TrimSpace(string(t)) != "" {
				return start{}, &lineError{rd.line, "text before the <xliff> element"}
			}
		}
	}
}

// end requires nothing but whitespace, comments and processing instructions
// after the document element.
func (rd *reader) end() error {
	for {
		tok, err := rd.token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return &lineError{rd.line, "a second element <" + t.Name.Local + "> after the <xliff> element"}
		case xml.CharData:
			if strings.TrimSpace(string(t)) != "" {
				return &lineError{rd.line, "text after the <xliff> element"}
			}
		}
	}
}

// content walks el's content up to its end tag, handing text to text and
// each child element to child, which must consume it up to its end tag.
func (rd *reader) content(el start, text func(string), child func(start) error) error {
	for {
		tok, err := rd.token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := child(start{t, rd.line}); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		case xml.CharData:
			text(string(t))
		}
	}
}

// children walks el's child elements; text between them must be blank.
func (rd *reader) children(el start, child func(start) error) error {
	var textErr error
	err := rd.content(el, func(s string) {
		if textErr == nil && strings.TrimSpace(s) != "" {
			blank := s[:len(s)-len(strings.TrimLeft(s, " \t\r\n"))]
			line := rd.line + strings.Count(blank, "\n")
			textErr = &lineError{line, fmt.Sprintf("text %q directly inside <%s>", shorten(s), el.Name.Local)}
		}
	}, child)
	if err != nil {
		return err
	}
	return textErr
}

// skip consumes the element just started, whatever it holds.
func (rd *reader) skip() error { return rd.d.Skip() }

// empty requires the element just started to hold nothing.
func (rd *reader) empty(el start) error {
	var textErr error
	err := rd.content(el, func(s string) {
		if textErr == nil {
			textErr = el.errorf("<%s> must be empty but holds text %q", el.Name.Local, shorten(s))
		}
	}, func(c start) error {
		return c.errorf("<%s> must be empty but holds <%s>", el.Name.Local, c.Name.Local)
	})
	if err != nil {
		return err
	}
	return textErr
}

func shorten(s string) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "..."
	}
	return s
}

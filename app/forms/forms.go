// Package forms has the settings forms of a module and of the project.
// Each field saves through the editing session as the designer types.
package forms

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/mediapick"
	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/app/uikit"
	"github.com/stacklet/stacklet/authoring/edit"
)

// Context is what a form needs from the app.
type Context struct {
	T       *tr.T
	Session *edit.Session
	Window  fyne.Window
	History uikit.History
	OnError func(error)
}

// Form is a settings form whose fields can be focused by validation name.
type Form struct {
	obj    fyne.CanvasObject
	fields map[string]fyne.Focusable
}

// Object is the form's canvas object.
func (f *Form) Object() fyne.CanvasObject { return f.obj }

// Field returns the widget of a field, for focusing and for tests.
func (f *Form) Field(name string) fyne.Focusable { return f.fields[name] }

// Focus puts the keyboard focus on a field, if the form has it.
func (f *Form) Focus(name string) {
	if w, ok := f.fields[name]; ok {
		if c := fyne.CurrentApp().Driver().CanvasForObject(w.(fyne.CanvasObject)); c != nil {
			c.Focus(w)
		}
	}
}

func (c Context) media() mediapick.Context {
	return mediapick.Context{T: c.T, Session: c.Session, Window: c.Window, OnError: c.OnError}
}

// builder collects labelled fields into a form.
type builder struct {
	c    Context
	form *Form
	rows []fyne.CanvasObject
}

func newBuilder(c Context) *builder {
	return &builder{c: c, form: &Form{fields: map[string]fyne.Focusable{}}}
}

func (b *builder) add(label, field string, w fyne.CanvasObject, hint string) {
	l := widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	b.rows = append(b.rows, l, w)
	if hint != "" {
		h := widget.NewLabel(hint)
		h.Wrapping = fyne.TextWrapWord
		h.SizeName = theme.SizeNameCaptionText
		b.rows = append(b.rows, h)
	}
	if f, ok := w.(fyne.Focusable); ok && field != "" {
		b.form.fields[field] = f
	}
}

func (b *builder) done(title string) *Form {
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	body := container.NewVBox(append([]fyne.CanvasObject{head, widget.NewSeparator()}, b.rows...)...)
	b.form.obj = container.NewVScroll(container.NewPadded(uikit.MaxWidth(body, uikit.FormWidth)))
	return b.form
}

// text is an entry bound to a string: get reads the model, set saves.
func (b *builder) text(multi bool, get func() string, set func(string)) *uikit.Entry {
	var e *uikit.Entry
	if multi {
		e = uikit.NewMultiLineEntry(b.c.History, 3)
	} else {
		e = uikit.NewEntry(b.c.History)
	}
	e.SetText(get())
	e.OnChanged = func(s string) {
		if s != get() {
			set(s)
		}
	}
	return e
}

// number is an entry bound to a whole number from lo to hi.
func (b *builder) number(lo, hi int, get func() int, set func(int)) *uikit.Entry {
	e := uikit.NewEntry(b.c.History)
	e.SetText(strconv.Itoa(get()))
	parse := func(s string) (int, bool) {
		v, err := strconv.Atoi(strings.TrimSpace(s))
		return v, err == nil && v >= lo && v <= hi
	}
	e.Validator = func(s string) error {
		if _, ok := parse(s); !ok {
			return errors.New(b.c.T.F("FieldNumberRange", map[string]any{"Min": lo, "Max": hi}))
		}
		return nil
	}
	e.OnChanged = func(s string) {
		if v, ok := parse(s); ok && v != get() {
			set(v)
		}
	}
	return e
}

// lines splits text into non-empty trimmed lines (or comma-separated parts).
func lines(s string, sep string) []string {
	var out []string
	for _, part := range strings.Split(s, sep) {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// addNarrow adds a short entry (a number) that needs no full width.
func (b *builder) addNarrow(label, field string, e *uikit.Entry, hint string) {
	b.add(label, field, container.NewGridWithColumns(3, e), hint)
	b.form.fields[field] = e
}

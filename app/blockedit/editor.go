// Package blockedit has the editor of every block kind: a form of the
// fields the domain defines, each edit saved through the editing session.
package blockedit

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/mediapick"
	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/app/uikit"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/edit"
)

// Context is what an editor needs from the app.
type Context struct {
	T        *tr.T
	Session  *edit.Session
	Window   fyne.Window
	History  uikit.History
	OnError  func(error)
	ModuleID string
	BlockID  string
}

// Editor edits one block. It redraws itself after changes it makes to the
// block's shape (a choice added); the app calls Refresh after undo and redo.
type Editor struct {
	c       Context
	fields  map[string]fyne.Focusable // by validation field name, for Focus
	stack   *fyne.Container
	scroll  *container.Scroll
	shape   string   // of the content the form was built for
	reloads []func() // put the model's values back into the widgets
}

// New returns the editor of the block c.BlockID.
func New(c Context) *Editor {
	e := &Editor{c: c, stack: container.NewStack()}
	e.rebuild()
	return e
}

// Object is the editor's canvas object.
func (e *Editor) Object() fyne.CanvasObject { return e.stack }

// BlockID is the block being edited.
func (e *Editor) BlockID() string { return e.c.BlockID }

// Refresh shows the model's values after undo or redo. While the block has
// the same shape (as many choices, the same files) the widgets are updated
// in place, so focus and scroll position stay; otherwise the form is rebuilt.
func (e *Editor) Refresh() {
	if c := e.content(); c != nil && shape(c) == e.shape {
		for _, reload := range e.reloads {
			reload()
		}
		return
	}
	e.rebuild()
}

// rebuild makes the form anew, keeping the focused field and the scroll.
func (e *Editor) rebuild() {
	focused := e.focusedField()
	var offset fyne.Position
	if e.scroll != nil {
		offset = e.scroll.Offset
	}
	e.fields, e.reloads = map[string]fyne.Focusable{}, nil
	e.stack.Objects = []fyne.CanvasObject{e.form()}
	e.stack.Refresh()
	if e.scroll != nil {
		e.scroll.ScrollToOffset(offset)
	}
	if focused != "" {
		e.Focus(focused)
	}
}

// shape is what decides the form's layout: list lengths and chosen files.
func shape(c authoring.Content) string {
	data, _ := json.Marshal(c)
	var fields map[string]any
	json.Unmarshal(data, &fields)
	var sb strings.Builder
	for _, k := range slices.Sorted(maps.Keys(fields)) {
		switch v := fields[k].(type) {
		case []any:
			fmt.Fprintf(&sb, "%s:%d;", k, len(v))
		case string:
			if k == "media" || k == "captions" {
				fmt.Fprintf(&sb, "%s:%s;", k, v)
			}
		}
	}
	return sb.String()
}

// Focus puts the keyboard focus on a field ("choices[2].text"); a field
// without its own widget focuses the nearest one it belongs to.
func (e *Editor) Focus(field string) bool {
	for f := field; f != ""; f = parent(f) {
		if w, ok := e.fields[f]; ok {
			e.c.Window.Canvas().Focus(w)
			return true
		}
	}
	return false
}

// Field returns the widget of a field, for tests.
func (e *Editor) Field(name string) fyne.Focusable { return e.fields[name] }

func (e *Editor) focusedField() string {
	focused := e.c.Window.Canvas().Focused()
	for name, w := range e.fields {
		if focused != nil && w == focused {
			return name
		}
	}
	return ""
}

// parent drops the last part of a field name: "choices[2].text" gives
// "choices[2]", which gives "choices".
func parent(f string) string {
	for i := len(f) - 1; i >= 0; i-- {
		switch f[i] {
		case '.':
			return f[:i]
		case '[':
			return f[:i]
		}
	}
	return ""
}

func (e *Editor) content() authoring.Content {
	m, err := e.c.Session.Project().Module(e.c.ModuleID)
	if err != nil {
		return nil
	}
	b, _, err := m.Block(e.c.BlockID)
	if err != nil {
		return nil
	}
	return b.Content
}

// set edits the block; reshape also redraws the form.
func (e *Editor) set(t edit.Target, fn func(authoring.Content)) {
	if err := e.c.Session.EditBlock(e.c.ModuleID, e.c.BlockID, t, fn); err != nil {
		e.c.OnError(err)
	}
}

func (e *Editor) reshape(t edit.Target, fn func(authoring.Content)) {
	e.set(t, fn)
	e.rebuild()
}

func (e *Editor) form() fyne.CanvasObject {
	c := e.content()
	if c == nil {
		return widget.NewLabel("")
	}
	header := widget.NewLabelWithStyle(uikit.KindLabel(e.c.T, c.Kind()), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head := container.NewBorder(nil, nil, widget.NewIcon(uikit.KindIcon(c.Kind())), nil, header)
	body := container.NewVBox(e.kindForm(c)...)
	e.shape = shape(c)
	e.scroll = container.NewVScroll(container.NewPadded(uikit.MaxWidth(container.NewBorder(head, nil, nil, nil, body), uikit.FormWidth)))
	return e.scroll
}

func (e *Editor) media() mediapick.Context {
	return mediapick.Context{T: e.c.T, Session: e.c.Session, Window: e.c.Window, OnError: e.c.OnError}
}

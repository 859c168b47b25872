package blockedit

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/mediapick"
	"github.com/stacklet/stacklet/app/richedit"
	"github.com/stacklet/stacklet/app/uikit"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/edit"
)

// The field helpers bind one widget to one field of the content. ptr picks
// the field out of the live content each time, because undo swaps the
// content for a copy. C is the content's pointer type.

func labeled(label string, obj fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewVBox(l, obj)
}

// hint is help text under a field.
func hint(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	return l
}

func textEntry[C authoring.Content](e *Editor, field string, ptr func(C) *string, entry *uikit.Entry) *uikit.Entry {
	entry.SetText(*ptr(e.content().(C)))
	entry.OnChanged = func(s string) {
		c, ok := e.content().(C)
		if !ok || *ptr(c) == s {
			return // the model already holds it (a redraw after undo)
		}
		e.set(edit.Typing(field), func(c authoring.Content) { *ptr(c.(C)) = s })
	}
	e.fields[field] = entry
	e.reload(func() {
		if c, ok := e.content().(C); ok && entry.Text != *ptr(c) {
			entry.SetText(*ptr(c))
		}
	})
	return entry
}

// reload registers how a widget shows the model again after undo.
func (e *Editor) reload(fn func()) { e.reloads = append(e.reloads, fn) }

// line is a one-line text field.
func line[C authoring.Content](e *Editor, field, label string, ptr func(C) *string) fyne.CanvasObject {
	return labeled(label, textEntry(e, field, ptr, uikit.NewEntry(e.c.History)))
}

// area is a plain multi-line text field.
func area[C authoring.Content](e *Editor, field, label string, rows int, ptr func(C) *string) fyne.CanvasObject {
	return labeled(label, textEntry(e, field, ptr, uikit.NewMultiLineEntry(e.c.History, rows)))
}

// rich is a rich-text field with toolbar and preview.
func rich[C authoring.Content](e *Editor, field, label string, ptr func(C) *string) fyne.CanvasObject {
	ed := richedit.New(e.c.T, e.c.History, *ptr(e.content().(C)), func(s string) {
		if c, ok := e.content().(C); ok && *ptr(c) != s {
			e.set(edit.Typing(field), func(c authoring.Content) { *ptr(c.(C)) = s })
		}
	})
	e.fields[field] = ed.Entry
	e.reload(func() {
		if c, ok := e.content().(C); ok && ed.Entry.Text != *ptr(c) {
			ed.Entry.SetText(*ptr(c))
		}
	})
	return labeled(label, ed.Object())
}

// check is a tick box.
func check[C authoring.Content](e *Editor, field, label string, ptr func(C) *bool) fyne.CanvasObject {
	c := widget.NewCheck(label, nil)
	c.SetChecked(*ptr(e.content().(C)))
	c.OnChanged = func(v bool) {
		if cur, ok := e.content().(C); ok && *ptr(cur) != v {
			e.set(edit.Field(field), func(c authoring.Content) { *ptr(c.(C)) = v })
		}
	}
	e.fields[field] = c
	e.reload(func() {
		if cur, ok := e.content().(C); ok {
			c.SetChecked(*ptr(cur))
		}
	})
	return c
}

// number is a whole-number field from lo to hi; other input is flagged and
// not saved.
func number[C authoring.Content](e *Editor, field, label string, lo, hi int, ptr func(C) *int) fyne.CanvasObject {
	en := uikit.NewEntry(e.c.History)
	en.SetText(strconv.Itoa(*ptr(e.content().(C))))
	en.Validator = func(s string) error {
		if _, ok := wholeNumber(s, lo, hi); !ok {
			return errors.New(e.c.T.F("FieldNumberRange", map[string]any{"Min": lo, "Max": hi}))
		}
		return nil
	}
	en.OnChanged = func(s string) {
		v, valid := wholeNumber(s, lo, hi)
		if c, ok := e.content().(C); !valid || !ok || *ptr(c) == v {
			return
		}
		e.set(edit.Typing(field), func(c authoring.Content) { *ptr(c.(C)) = v })
	}
	e.fields[field] = en
	e.reload(func() {
		if c, ok := e.content().(C); ok {
			if v, valid := wholeNumber(en.Text, lo, hi); !valid || v != *ptr(c) {
				en.SetText(strconv.Itoa(*ptr(c)))
			}
		}
	})
	return labeled(label, container.NewGridWithColumns(3, en))
}

func wholeNumber(s string, lo, hi int) (int, bool) {
	v, err := strconv.Atoi(strings.TrimSpace(s))
	return v, err == nil && v >= lo && v <= hi
}

// option is one value of a select and its catalog label.
type option[V ~string] struct {
	value V
	label string
}

// pick is a drop-down of fixed values.
func pick[C authoring.Content, V ~string](e *Editor, field, label string, opts []option[V], ptr func(C) *V) fyne.CanvasObject {
	labels := make([]string, len(opts))
	for i, o := range opts {
		labels[i] = e.c.T.S(o.label)
	}
	sel := widget.NewSelect(labels, nil)
	for i, o := range opts {
		if o.value == *ptr(e.content().(C)) {
			sel.SetSelectedIndex(i)
		}
	}
	sel.OnChanged = func(string) {
		v := opts[sel.SelectedIndex()].value
		if c, ok := e.content().(C); ok && *ptr(c) != v {
			e.set(edit.Field(field), func(c authoring.Content) { *ptr(c.(C)) = v })
		}
	}
	e.fields[field] = sel
	e.reload(func() {
		if c, ok := e.content().(C); ok {
			if i := slices.IndexFunc(opts, func(o option[V]) bool { return o.value == *ptr(c) }); i != sel.SelectedIndex() {
				sel.SetSelectedIndex(i)
			}
		}
	})
	return labeled(label, sel)
}

// mediaField picks a library file of kind want.
func mediaField[C authoring.Content](e *Editor, field, label, want string, optional bool, ptr func(C) *string) fyne.CanvasObject {
	p := mediapick.New(e.media(), want, *ptr(e.content().(C)), optional, func(h string) {
		e.reshape(edit.Field(field), func(c authoring.Content) { *ptr(c.(C)) = h })
	})
	e.fields[field] = p.Choose
	return labeled(label, p.Object())
}

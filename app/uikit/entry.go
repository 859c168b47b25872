// Package uikit holds small widgets the app's screens share.
package uikit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// History is where undo and redo go: the project's, not the entry's own,
// so that Ctrl+Z takes back the last action wherever the focus is.
type History interface {
	Undo()
	Redo()
}

// Entry is a text entry whose undo and redo shortcuts go to a History.
type Entry struct {
	widget.Entry
	History History
}

// NewEntry returns a one-line entry.
func NewEntry(h History) *Entry {
	e := &Entry{History: h}
	e.ExtendBaseWidget(e)
	return e
}

// NewMultiLineEntry returns an entry that wraps words and grows to rows lines.
func NewMultiLineEntry(h History, rows int) *Entry {
	e := &Entry{History: h}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut sends undo and redo to the History.
func (e *Entry) TypedShortcut(s fyne.Shortcut) {
	if !toHistory(e.History, s) {
		e.Entry.TypedShortcut(s)
	}
}

// SelectEntry is an entry with a drop-down of choices whose undo and redo
// shortcuts go to a History.
type SelectEntry struct {
	widget.SelectEntry
	History History
}

// NewSelectEntry returns a one-line entry offering options.
func NewSelectEntry(h History, options []string) *SelectEntry {
	e := &SelectEntry{History: h}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip) // as widget.NewSelectEntry does
	e.SetOptions(options)
	return e
}

// TypedShortcut sends undo and redo to the History.
func (e *SelectEntry) TypedShortcut(s fyne.Shortcut) {
	if !toHistory(e.History, s) {
		e.SelectEntry.TypedShortcut(s)
	}
}

// toHistory runs undo and redo shortcuts on h and reports whether s was one.
func toHistory(h History, s fyne.Shortcut) bool {
	switch {
	case h == nil:
		return false
	case IsUndo(s):
		h.Undo()
	case IsRedo(s):
		h.Redo()
	default:
		return false
	}
	return true
}

// IsUndo reports Ctrl+Z (Cmd+Z on macOS).
func IsUndo(s fyne.Shortcut) bool {
	_, ok := s.(*fyne.ShortcutUndo)
	return ok
}

// IsRedo reports Ctrl+Y and Ctrl+Shift+Z (Cmd+Shift+Z on macOS).
func IsRedo(s fyne.Shortcut) bool {
	if _, ok := s.(*fyne.ShortcutRedo); ok {
		return true
	}
	return s.ShortcutName() == RedoShiftZ.ShortcutName()
}

// RedoShiftZ is the second redo shortcut.
var RedoShiftZ = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}

package richedit

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/app/uikit"
)

// Editor is a rich-text field with its toolbar and live preview.
type Editor struct {
	Entry   *uikit.Entry
	Preview *widget.RichText
	status  *widget.Label
	t       *tr.T
	obj     fyne.CanvasObject
}

// New returns an editor holding text; onChange hears every edit.
func New(t *tr.T, h uikit.History, text string, onChange func(string)) *Editor {
	e := &Editor{Entry: uikit.NewMultiLineEntry(h, 8), Preview: widget.NewRichText(), t: t}
	e.Preview.Wrapping = fyne.TextWrapWord
	e.status = widget.NewLabel("")
	e.status.Importance = widget.DangerImportance
	e.status.Wrapping = fyne.TextWrapWord
	e.Entry.SetText(text)
	e.render(text)
	e.Entry.OnChanged = func(s string) {
		e.render(s)
		onChange(s)
	}
	e.Entry.SetPlaceHolder(t.S("RichPlaceholder"))
	preview := widget.NewCard("", t.S("RichPreview"), e.Preview)
	e.obj = container.NewVBox(e.toolbar(), e.Entry, e.status, preview)
	return e
}

// Object is the editor's canvas object.
func (e *Editor) Object() fyne.CanvasObject { return e.obj }

func (e *Editor) render(src string) {
	segs, err := Segments(src)
	if err != nil {
		e.status.SetText(e.t.F("RichMarkupError", map[string]any{"Error": err.Error()}))
		e.status.Show()
		return
	}
	e.status.Hide()
	e.Preview.Segments = segs
	e.Preview.Refresh()
}

func (e *Editor) toolbar() fyne.CanvasObject {
	button := func(label string, apply func(text string, start, end int) Edit) *widget.Button {
		b := widget.NewButton(label, func() { e.apply(apply) })
		b.Importance = widget.LowImportance
		return b
	}
	wrap := func(mark string) func(string, int, int) Edit {
		return func(text string, start, end int) Edit { return Wrap(text, start, end, mark) }
	}
	prefix := func(p string) func(string, int, int) Edit {
		return func(text string, _, end int) Edit { return Prefix(text, end, p) }
	}
	return container.NewHBox(
		button(e.t.S("RichBold"), wrap("**")),
		button(e.t.S("RichItalic"), wrap("*")),
		button(e.t.S("RichLink"), Link),
		widget.NewSeparator(),
		button(e.t.S("RichHeading"), prefix("## ")),
		button(e.t.S("RichBullets"), prefix("- ")),
		button(e.t.S("RichNumbers"), prefix("1. ")),
	)
}

// apply runs a toolbar edit on the selection (or the cursor) and puts the
// cursor where the edit says, then gives the focus back to the entry.
func (e *Editor) apply(fn func(text string, start, end int) Edit) {
	start, end := e.selection()
	ed := fn(e.Entry.Text, start, end)
	e.Entry.SetText(ed.Text) // OnChanged saves it
	e.Entry.CursorRow, e.Entry.CursorColumn = rowCol(ed.Text, ed.Cursor)
	e.Entry.Refresh()
	if c := fyne.CurrentApp().Driver().CanvasForObject(e.Entry); c != nil {
		c.Focus(e.Entry)
	}
}

// selection returns the selected runes [start, end), or the cursor twice.
// Fyne exposes the selected text and the cursor, which sits at one end of it.
func (e *Editor) selection() (int, int) {
	cursor := offset(e.Entry.Text, e.Entry.CursorRow, e.Entry.CursorColumn)
	sel := []rune(e.Entry.SelectedText())
	if len(sel) == 0 {
		return cursor, cursor
	}
	r := []rune(e.Entry.Text)
	if cursor >= len(sel) && string(r[cursor-len(sel):cursor]) == string(sel) {
		return cursor - len(sel), cursor
	}
	return cursor, min(cursor+len(sel), len(r))
}

// offset turns a row and column into a rune offset.
func offset(text string, row, col int) int {
	lines := strings.Split(text, "\n")
	n := 0
	for i := 0; i < row && i < len(lines); i++ {
		n += len([]rune(lines[i])) + 1
	}
	return min(n+col, len([]rune(text)))
}

func rowCol(text string, off int) (int, int) {
	r := []rune(text)
	off = clamp(off, len(r))
	before := string(r[:off])
	row := strings.Count(before, "\n")
	col := len([]rune(before[strings.LastIndex(before, "\n")+1:]))
	return row, col
}

package review

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// targetEntry is the translation field of a segment. Ctrl+Enter approves
// and moves on; leaving the field saves what was typed.
type targetEntry struct {
	widget.Entry
	onApproveNext func()
	onLeave       func()
}

func newTargetEntry() *targetEntry {
	e := &targetEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut takes Ctrl+Enter (Cmd+Enter on macOS); everything else is
// the entry's.
func (e *targetEntry) TypedShortcut(s fyne.Shortcut) {
	if isApproveNext(s) && e.onApproveNext != nil {
		e.onApproveNext()
		return
	}
	e.Entry.TypedShortcut(s)
}

// FocusLost saves the edit.
func (e *targetEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onLeave != nil {
		e.onLeave()
	}
}

// ApproveNext is the keyboard shortcut that approves a segment and moves
// to the next one.
var ApproveNext = &desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault}

func isApproveNext(s fyne.Shortcut) bool {
	c, ok := s.(*desktop.CustomShortcut)
	return ok && (c.KeyName == fyne.KeyReturn || c.KeyName == fyne.KeyEnter) &&
		c.Modifier == fyne.KeyModifierShortcutDefault
}

// chip is a small coloured label: a state or the stale mark.
type chip struct {
	bg   *canvas.Rectangle
	text *canvas.Text
	view *fyne.Container
}

func newChip() *chip {
	c := &chip{bg: canvas.NewRectangle(color.Transparent), text: canvas.NewText("", color.White)}
	c.bg.CornerRadius = 4
	c.text.TextStyle = fyne.TextStyle{Bold: true}
	c.text.TextSize = theme.CaptionTextSize() + 1
	c.view = container.NewStack(c.bg, container.New(layout.NewCustomPaddedLayout(2, 2, 8, 8), c.text))
	return c
}

func (c *chip) set(text string, bg color.Color) {
	c.text.Text = text
	c.bg.FillColor = bg
	c.text.Refresh()
	c.bg.Refresh()
}

// note is a line of small text under a field: a warning, a glossary hit.
func note(text string, icon fyne.Resource, importance widget.Importance) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = importance
	l.SizeName = theme.SizeNameCaptionText
	if icon == nil {
		return l
	}
	return container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(icon)), nil, l)
}

// stackedBar shows counts as one bar of coloured parts.
type stackedBar struct {
	widget.BaseWidget
	parts  []barPart
	height float32
}

type barPart struct {
	n int
	c color.Color
}

func newStackedBar(parts []barPart) *stackedBar {
	b := &stackedBar{parts: parts, height: 14}
	b.ExtendBaseWidget(b)
	return b
}

func (b *stackedBar) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = 4
	objs := []fyne.CanvasObject{bg}
	for _, p := range b.parts {
		objs = append(objs, canvas.NewRectangle(p.c))
	}
	return &barRenderer{b: b, objs: objs}
}

type barRenderer struct {
	b    *stackedBar
	objs []fyne.CanvasObject
}

func (r *barRenderer) Layout(size fyne.Size) {
	r.objs[0].Resize(size)
	total := 0
	for _, p := range r.b.parts {
		total += p.n
	}
	x := float32(0)
	for i, p := range r.b.parts {
		w := float32(0)
		if total > 0 {
			w = size.Width * float32(p.n) / float32(total)
		}
		r.objs[i+1].Move(fyne.NewPos(x, 0))
		r.objs[i+1].Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}

func (r *barRenderer) MinSize() fyne.Size           { return fyne.NewSize(120, r.b.height) }
func (r *barRenderer) Refresh()                     { r.Layout(r.b.Size()) }
func (r *barRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *barRenderer) Destroy()                     {}

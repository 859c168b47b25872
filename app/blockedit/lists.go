package blockedit

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/edit"
)

// listSpec describes a list field of a block: choices, panels, cards...
type listSpec[C authoring.Content, I any] struct {
	field     string // validation name: "choices"
	itemLabel string // catalog id of a row heading, with {{.N}}
	addLabel  string // catalog id of the Add button
	items     func(C) *[]I
	newItem   func(existing []I) I
	row       func(i int) []fyne.CanvasObject // the item's fields
}

// list edits a list field: a card per item with its fields and buttons to
// move it or remove it, then an Add button.
func list[C authoring.Content, I any](e *Editor, l listSpec[C, I]) fyne.CanvasObject {
	box := container.NewVBox()
	change := func(fn func(items *[]I)) {
		e.reshape(edit.Field(l.field), func(c authoring.Content) { fn(l.items(c.(C))) })
	}
	n := len(*l.items(e.content().(C)))
	for i := range n {
		heading := e.c.T.F(l.itemLabel, map[string]any{"N": i + 1})
		box.Add(listRow(e, heading, i, n, change, l.row(i)))
	}
	add := widget.NewButtonWithIcon(e.c.T.S(l.addLabel), theme.ContentAddIcon(), func() {
		change(func(items *[]I) { *items = append(*items, l.newItem(*items)) })
	})
	e.fields[l.field] = add
	box.Add(container.NewHBox(add))
	return box
}

// listRow is one item: a heading with move and remove buttons over its fields.
func listRow[I any](e *Editor, heading string, i, n int, change func(func(*[]I)), fields []fyne.CanvasObject) fyne.CanvasObject {
	move := func(to int) func() {
		return func() {
			change(func(items *[]I) {
				it := (*items)[i]
				*items = slices.Insert(slices.Delete(*items, i, i+1), to, it)
			})
		}
	}
	up := iconButton(theme.MoveUpIcon(), move(i-1))
	down := iconButton(theme.MoveDownIcon(), move(i+1))
	remove := iconButton(theme.DeleteIcon(), func() {
		change(func(items *[]I) { *items = slices.Delete(*items, i, i+1) })
	})
	if i == 0 {
		up.Disable()
	}
	if i == n-1 {
		down.Disable()
	}
	title := widget.NewLabelWithStyle(heading, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head := container.NewBorder(nil, nil, nil, container.NewHBox(up, down, remove), title)
	return widget.NewCard("", "", container.NewVBox(append([]fyne.CanvasObject{head}, fields...)...))
}

func iconButton(icon fyne.Resource, tapped func()) *widget.Button {
	b := widget.NewButtonWithIcon("", icon, tapped)
	b.Importance = widget.LowImportance
	return b
}

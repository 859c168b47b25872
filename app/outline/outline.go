// Package outline is a module's block outline: one row per block with its
// number, kind icon and name, a one-line summary and its problem count.
package outline

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/app/uikit"
	"github.com/stacklet/stacklet/authoring/edit"
)

// Outline lists the blocks of one module.
type Outline struct {
	List     *widget.List
	OnSelect func(blockID string)
	OnMove   func(blockID string, to int) // a row was dragged to position to

	t        *tr.T
	rows     []edit.Row
	problems map[string]int // errors per block id
	selected string
}

// New returns an empty outline.
func New(t *tr.T) *Outline {
	o := &Outline{t: t}
	o.List = widget.NewList(func() int { return len(o.rows) }, o.newRow, o.updateRow)
	o.List.OnSelected = func(i widget.ListItemID) {
		if i < len(o.rows) && o.rows[i].BlockID != o.selected {
			o.selected = o.rows[i].BlockID
			if o.OnSelect != nil {
				o.OnSelect(o.selected)
			}
		}
	}
	return o
}

// Set shows rows, with errors counted per block id.
func (o *Outline) Set(rows []edit.Row, problems map[string]int) {
	o.rows, o.problems = rows, problems
	o.List.Refresh()
	o.Select(o.selected)
}

// Rows are the rows on show.
func (o *Outline) Rows() []edit.Row { return o.rows }

// Select highlights a block ("" for none) without calling OnSelect.
func (o *Outline) Select(blockID string) {
	o.selected = blockID
	for i, r := range o.rows {
		if r.BlockID == blockID {
			o.List.Select(i)
			o.List.ScrollTo(i)
			return
		}
	}
	o.List.UnselectAll()
}

// row template: number, icon, kind | summary | problem badge.
type row struct {
	num, kind, summary, badge *widget.Label
	icon, warn                *widget.Icon
}

func (o *Outline) newRow() fyne.CanvasObject {
	r := &row{num: widget.NewLabel("00"), kind: widget.NewLabel(""), summary: widget.NewLabel(""),
		badge: widget.NewLabel(""), icon: widget.NewIcon(nil), warn: widget.NewIcon(theme.ErrorIcon())}
	r.num.Importance = widget.LowImportance
	r.kind.TextStyle = fyne.TextStyle{Bold: true}
	r.summary.Truncation = fyne.TextTruncateEllipsis
	r.badge.Importance = widget.DangerImportance
	left := container.NewHBox(uikit.MinWidth(r.num, 36), r.icon, uikit.MinWidth(r.kind, 180))
	right := container.NewHBox(r.warn, r.badge)
	return newDragRow(o, r, container.NewBorder(nil, nil, left, right, r.summary))
}

func (o *Outline) updateRow(i widget.ListItemID, obj fyne.CanvasObject) {
	dr := obj.(*dragRow)
	dr.index = i
	r := dr.parts
	if i >= len(o.rows) {
		return
	}
	data := o.rows[i]
	r.num.SetText(strconv.Itoa(i+1) + ".")
	r.icon.SetResource(uikit.KindIcon(data.Kind))
	r.kind.SetText(uikit.KindLabel(o.t, data.Kind))
	if data.Summary == "" {
		r.summary.Importance = widget.LowImportance
		r.summary.SetText(o.t.S("OutlineEmpty"))
	} else {
		r.summary.Importance = widget.MediumImportance
		r.summary.SetText(data.Summary)
	}
	if n := o.problems[data.BlockID]; n > 0 {
		r.badge.SetText(strconv.Itoa(n))
		r.badge.Show()
		r.warn.Show()
	} else {
		r.badge.Hide()
		r.warn.Hide()
	}
	obj.Refresh() // lay the row out again for the new texts
}

package outline

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// dragRow is an outline row that can be dragged up or down to move its
// block; Fyne's list has no reordering of its own.
type dragRow struct {
	widget.BaseWidget
	o       *Outline
	parts   *row
	content fyne.CanvasObject
	index   int
	dy      float32 // distance dragged so far
}

func newDragRow(o *Outline, parts *row, content fyne.CanvasObject) *dragRow {
	r := &dragRow{o: o, parts: parts, content: content}
	r.ExtendBaseWidget(r)
	return r
}

func (r *dragRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.content) }

// Dragged adds up the vertical movement.
func (r *dragRow) Dragged(e *fyne.DragEvent) { r.dy += e.Dragged.DY }

// DragEnd moves the block by as many rows as it was dragged.
func (r *dragRow) DragEnd() {
	step := r.Size().Height + theme.SeparatorThicknessSize()
	by := int(math.Round(float64(r.dy / step)))
	r.dy = 0
	if by == 0 || r.o.OnMove == nil || r.index >= len(r.o.rows) {
		return
	}
	to := min(max(r.index+by, 0), len(r.o.rows)-1)
	r.o.OnMove(r.o.rows[r.index].BlockID, to)
}

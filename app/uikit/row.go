package uikit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Row is a list row: a layout of widgets that a list template hands back to
// its update function, which reaches them through Parts.
type Row[P any] struct {
	widget.BaseWidget
	Parts   P
	content fyne.CanvasObject
}

// NewRow wraps content, keeping parts for updates.
func NewRow[P any](parts P, content fyne.CanvasObject) *Row[P] {
	r := &Row[P]{Parts: parts, content: content}
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer draws the content.
func (r *Row[P]) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.content) }

// MinWidth keeps obj at least w wide, so that list columns line up.
func MinWidth(obj fyne.CanvasObject, w float32) fyne.CanvasObject {
	spacer := canvas.NewRectangle(color.Transparent)
	spacer.SetMinSize(fyne.NewSize(w, 0))
	return container.NewStack(spacer, obj)
}

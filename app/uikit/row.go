package uikit

import (
	"fyne.io/fyne/v2"
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

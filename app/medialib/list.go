package medialib

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// rowThumb is the list's thumbnail size in device-independent pixels.
const rowThumb = 48

func (l *Library) buildList() {
	l.List = widget.NewList(
		func() int { return len(l.items) },
		newRow,
		func(id widget.ListItemID, o fyne.CanvasObject) { l.fillRow(id, o) },
	)
	l.List.OnSelected = func(id widget.ListItemID) {
		l.selected = l.items[id].Hash
		l.detail.fill(l.opts.Session.Project(), &l.items[id])
	}
	l.List.OnUnselected = func(widget.ListItemID) {
		l.selected = ""
		l.detail.fill(l.opts.Session.Project(), nil)
	}
}

func newRow() fyne.CanvasObject {
	img := canvas.NewImageFromResource(nil)
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSquareSize(rowThumb))
	name := widget.NewLabel("")
	name.Truncation = fyne.TextTruncateEllipsis
	name.TextStyle.Bold = true
	info := widget.NewLabel("")
	info.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, img, nil, container.NewVBox(name, info))
}

func (l *Library) fillRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(l.items) {
		return
	}
	it := l.items[id]
	row := o.(*fyne.Container)
	texts := row.Objects[0].(*fyne.Container).Objects
	texts[0].(*widget.Label).SetText(it.Name)
	texts[1].(*widget.Label).SetText(l.rowInfo(it))
	l.thumbs.show(row.Objects[1].(*canvas.Image), it.Media)
}

// rowInfo is the line under the name: kind, size and how often it is used.
func (l *Library) rowInfo(it item) string {
	t := l.opts.T
	use := t.S("MediaUnused")
	if n := len(it.Uses); n > 0 {
		use = t.N("MediaUsedTimes", n, nil)
	}
	return t.F("MediaRowInfo", map[string]any{
		"Kind": t.S(kindLabels[it.MediaKind()]), "Size": sizeText(t, it.Size), "Use": use})
}

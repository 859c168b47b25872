package credential

import "fyne.io/fyne/v2"

// shrink reports at most w as its object's minimum width: a select is as
// wide as its longest option ("South Georgia and the South Sandwich
// Islands"), which would widen the whole form; given less, it truncates.
type shrink struct{ w float32 }

func (s shrink) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

func (s shrink) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	m.Width = min(m.Width, s.w)
	return m
}

// narrow lets obj be as narrow as w.
func narrow(obj fyne.CanvasObject, w float32) fyne.CanvasObject {
	return &fyne.Container{Layout: shrink{w}, Objects: []fyne.CanvasObject{obj}}
}

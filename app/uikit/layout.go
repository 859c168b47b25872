package uikit

import "fyne.io/fyne/v2"

// maxWidth lays its objects out at most w wide, at the leading edge: long
// form fields read badly across a wide window.
type maxWidth struct{ w float32 }

func (m maxWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := min(size.Width, m.w)
	for _, o := range objs {
		o.Resize(fyne.NewSize(w, size.Height))
		o.Move(fyne.NewPos(0, 0))
	}
}

func (m maxWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}

// MaxWidth keeps obj at most w wide.
func MaxWidth(obj fyne.CanvasObject, w float32) fyne.CanvasObject {
	return &fyne.Container{Layout: maxWidth{w}, Objects: []fyne.CanvasObject{obj}}
}

// FormWidth is the widest a form or block editor gets.
const FormWidth = 760

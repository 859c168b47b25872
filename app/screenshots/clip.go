package screenshots

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// hideClippedEntries hides every entry (any widget with a scroller of its
// own) that is not wholly inside the scroll area around it, and returns a
// function that shows them again. Fyne's software painter clips what is in
// a scroller to that scroller only, not to the scroll area around it, so a
// scrolled-away entry's text would be drawn over whatever is below the
// area; the OpenGL painter clips to both.
func hideClippedEntries(c fyne.Canvas) (restore func()) {
	var hidden []fyne.CanvasObject
	var walk func(o fyne.CanvasObject, at fyne.Position, view *rect)
	walk = func(o fyne.CanvasObject, at fyne.Position, view *rect) {
		if !o.Visible() {
			return
		}
		at = at.Add(o.Position())
		if w, ok := o.(fyne.Widget); ok && view != nil && !view.contains(rect{at, o.Size()}) && hasScroller(w) {
			w.Hide()
			hidden = append(hidden, w)
			return
		}
		if s, ok := o.(*container.Scroll); ok {
			inner := rect{at, s.Size()}
			if view != nil {
				inner = view.intersect(inner)
			}
			view = &inner
		}
		for _, child := range children(o) {
			walk(child, at, view)
		}
	}
	walk(c.Content(), fyne.Position{}, nil)
	return func() {
		for _, o := range hidden {
			o.Show()
		}
	}
}

// hasScroller reports whether w draws part of itself through a scroller,
// as entries do.
func hasScroller(w fyne.Widget) bool {
	if _, ok := w.(*container.Scroll); ok {
		return false // a scroll area itself is handled by walk
	}
	for _, o := range test.WidgetRenderer(w).Objects() {
		if _, ok := o.(*container.Scroll); ok {
			return true
		}
	}
	return false
}

func children(o fyne.CanvasObject) []fyne.CanvasObject {
	switch v := o.(type) {
	case *fyne.Container:
		return v.Objects
	case fyne.Widget:
		return test.WidgetRenderer(v).Objects()
	}
	return nil
}

type rect struct {
	pos  fyne.Position
	size fyne.Size
}

func (r rect) contains(o rect) bool {
	const slack = 1 // layout rounding
	return o.pos.X >= r.pos.X-slack && o.pos.Y >= r.pos.Y-slack &&
		o.pos.X+o.size.Width <= r.pos.X+r.size.Width+slack &&
		o.pos.Y+o.size.Height <= r.pos.Y+r.size.Height+slack
}

func (r rect) intersect(o rect) rect {
	x0, y0 := max(r.pos.X, o.pos.X), max(r.pos.Y, o.pos.Y)
	x1 := min(r.pos.X+r.size.Width, o.pos.X+o.size.Width)
	y1 := min(r.pos.Y+r.size.Height, o.pos.Y+o.size.Height)
	return rect{fyne.NewPos(x0, y0), fyne.NewSize(max(x1-x0, 0), max(y1-y0, 0))}
}

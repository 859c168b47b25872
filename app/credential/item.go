package credential

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// CheckItem is one entry of the checks panel: an icon and a text that
// wraps (element names run long in German), tapped to go to its field.
type CheckItem struct {
	widget.BaseWidget
	Text     string
	OnTapped func()

	icon  fyne.Resource
	hover bool
	bg    *canvas.Rectangle
}

func newCheckItem(text string, icon fyne.Resource, tapped func()) *CheckItem {
	c := &CheckItem{Text: text, OnTapped: tapped, icon: icon}
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer lays the icon beside the wrapping text on a hover tint.
func (c *CheckItem) CreateRenderer() fyne.WidgetRenderer {
	c.bg = canvas.NewRectangle(color.Transparent)
	c.bg.CornerRadius = theme.InputRadiusSize()
	label := widget.NewLabel(c.Text)
	label.Wrapping = fyne.TextWrapWord
	icon := container.NewCenter(widget.NewIcon(c.icon))
	return widget.NewSimpleRenderer(container.NewStack(c.bg, container.NewBorder(nil, nil, icon, nil, label)))
}

// Tapped goes to the field.
func (c *CheckItem) Tapped(*fyne.PointEvent) {
	if c.OnTapped != nil {
		c.OnTapped()
	}
}

// Cursor shows the pointing hand: the item is a link.
func (c *CheckItem) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MouseIn tints the item under the pointer.
func (c *CheckItem) MouseIn(*desktop.MouseEvent) { c.setHover(true) }

// MouseMoved is part of desktop.Hoverable.
func (c *CheckItem) MouseMoved(*desktop.MouseEvent) {}

// MouseOut clears the tint.
func (c *CheckItem) MouseOut() { c.setHover(false) }

func (c *CheckItem) setHover(on bool) {
	c.hover = on
	if c.bg == nil {
		return
	}
	c.bg.FillColor = color.Transparent
	if on {
		c.bg.FillColor = theme.Color(theme.ColorNameHover)
	}
	c.bg.Refresh()
}

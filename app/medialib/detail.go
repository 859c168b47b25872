package medialib

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/edit"
)

// previewSize is the detail panel's picture size.
const previewSize = 220

// detail shows the selected file: a larger picture, facts, its uses and
// what can be done with it.
type detail struct {
	Preview *canvas.Image
	Name    *widget.Label
	Facts   *widget.Label
	Uses    *fyne.Container
	Replace *widget.Button
	Remove  *widget.Button

	t       *tr.T
	thumbs  *thumbs
	current *item
	openUse func(edit.Use)
	empty   *widget.Label
	body    *fyne.Container
	view    fyne.CanvasObject
}

func newDetail(t *tr.T, th *thumbs, onReplace, onRemove func(), openUse func(edit.Use)) *detail {
	d := &detail{t: t, thumbs: th, openUse: openUse}
	d.Preview = canvas.NewImageFromResource(nil)
	d.Preview.FillMode = canvas.ImageFillContain
	d.Preview.SetMinSize(fyne.NewSquareSize(previewSize))
	d.Name = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.Name.Wrapping = fyne.TextWrapBreak
	d.Facts = widget.NewLabel("")
	d.Uses = container.NewVBox()
	d.Replace = widget.NewButtonWithIcon(t.S("MediaReplace"), theme.ViewRefreshIcon(), onReplace)
	d.Remove = widget.NewButtonWithIcon(t.S("MediaRemove"), theme.DeleteIcon(), onRemove)
	d.Remove.Importance = widget.DangerImportance
	d.empty = widget.NewLabel(t.S("MediaSelectHint"))
	d.empty.Alignment = fyne.TextAlignCenter
	d.empty.Wrapping = fyne.TextWrapWord
	usesTitle := widget.NewLabelWithStyle(t.S("MediaUsedIn"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.body = container.NewVBox(d.Preview, d.Name, d.Facts, usesTitle, d.Uses,
		container.NewHBox(d.Replace, d.Remove))
	d.view = container.NewStack(container.NewVBox(layout.NewSpacer(), d.empty, layout.NewSpacer()),
		container.NewPadded(container.NewVScroll(d.body)))
	return d
}

// fill shows it, or the hint to pick a file when it is nil.
func (d *detail) fill(p *authoring.Project, it *item) {
	d.current = it
	if it == nil {
		d.body.Hide()
		d.empty.Show()
		return
	}
	d.empty.Hide()
	d.body.Show()
	d.thumbs.show(d.Preview, it.Media)
	d.Name.SetText(it.Name)
	d.Facts.SetText(d.t.F("MediaFacts", map[string]any{"Kind": d.t.S(kindLabels[it.MediaKind()]),
		"Type": it.Type, "Size": sizeText(d.t, it.Size)}))
	d.fillUses(p, it.Uses)
	if len(it.Uses) == 0 {
		d.Remove.Enable()
	} else {
		d.Remove.Disable()
	}
	d.body.Refresh() // the uses changed its height: lay the panel out again
}

func (d *detail) fillUses(p *authoring.Project, uses []edit.Use) {
	d.Uses.RemoveAll()
	if len(uses) == 0 {
		d.Uses.Add(widget.NewLabel(d.t.S("MediaNotUsed")))
	}
	for _, u := range uses {
		u := u
		d.Uses.Add(widget.NewButtonWithIcon(useText(d.t, p, u), theme.NavigateNextIcon(), func() { d.openUse(u) }))
	}
	d.Uses.Refresh()
}

package credential

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/app/uikit"
	"github.com/stacklet/stacklet/authoring"
)

// SkillPicker searches the bundled ESCO skills; its widgets are exported
// for tests.
type SkillPicker struct {
	Search  *widget.Entry
	List    *widget.List
	Count   *widget.Label
	matches []authoring.Skill
	pick    func(authoring.Skill)
}

// NewSkillPicker lists the skills matching what is typed in Search; pick
// hears the chosen one.
func NewSkillPicker(t *tr.T, pick func(authoring.Skill)) *SkillPicker {
	sp := &SkillPicker{Search: widget.NewEntry(), Count: widget.NewLabel(""), pick: pick}
	sp.Search.SetPlaceHolder(t.S("CredSkillSearch"))
	sp.Count.SizeName = theme.SizeNameCaptionText
	sp.List = widget.NewList(
		func() int { return len(sp.matches) },
		func() fyne.CanvasObject {
			label := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			uri := widget.NewLabel("")
			uri.SizeName = theme.SizeNameCaptionText
			uri.Truncation = fyne.TextTruncateEllipsis
			return uikit.NewRow([2]*widget.Label{label, uri}, container.NewVBox(label, uri))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			parts := o.(*uikit.Row[[2]*widget.Label]).Parts
			parts[0].SetText(sp.matches[i].Label)
			parts[1].SetText(sp.matches[i].URI)
		})
	sp.List.OnSelected = func(i widget.ListItemID) {
		if i < len(sp.matches) {
			sp.pick(sp.matches[i])
		}
	}
	sp.Search.OnChanged = func(q string) {
		sp.matches = authoring.SearchESCOSkills(q)
		sp.Count.SetText(t.N("CredSkillMatches", len(sp.matches), nil))
		sp.List.UnselectAll()
		sp.List.Refresh()
	}
	sp.Search.OnChanged("")
	return sp
}

// Matches are the skills listed now.
func (sp *SkillPicker) Matches() []authoring.Skill { return sp.matches }

// view is the search field above the list.
func (sp *SkillPicker) view() fyne.CanvasObject {
	return container.NewBorder(container.NewVBox(sp.Search, sp.Count), nil, nil, nil, sp.List)
}

// showSkillPicker opens the picker in a dialog that closes on a choice.
func showSkillPicker(t *tr.T, w fyne.Window, pick func(authoring.Skill)) *SkillPicker {
	var d dialog.Dialog
	sp := NewSkillPicker(t, func(s authoring.Skill) {
		d.Hide()
		pick(s)
	})
	hint := widget.NewLabel(t.S("CredSkillPickerHint"))
	hint.Wrapping = fyne.TextWrapWord
	hint.SizeName = theme.SizeNameCaptionText
	d = dialog.NewCustom(t.S("CredSkillPickerTitle"), t.S("CredCancel"),
		container.NewBorder(nil, hint, nil, nil, sp.view()), w)
	d.Resize(fyne.NewSize(560, 520))
	d.Show()
	w.Canvas().Focus(sp.Search)
	return sp
}

package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/uikit"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/edit"
)

// showModule shows the current module: outline and editor side by side,
// problems below.
func (pv *projectView) showModule() {
	pv.form = nil
	m := pv.module()
	if m == nil {
		pv.editor = nil
		pv.showMain(moduleMode, emptyState(pv.a.t.S("ProjectNoModules")))
		pv.refreshSidebar()
		return
	}
	t := pv.a.t
	settings := widget.NewButtonWithIcon(t.S("ModuleSettings"), theme.SettingsIcon(), func() { pv.showModuleSettings("") })
	add := widget.NewButtonWithIcon(t.S("BlockAdd"), theme.ContentAddIcon(), pv.showPalette)
	add.Importance = widget.HighImportance
	top := container.NewBorder(nil, nil, nil, container.NewHBox(settings, add), pv.header)
	left := container.NewBorder(pv.blockToolbar(), nil, nil, nil, pv.outline.List)
	work := container.NewHSplit(left, pv.detail)
	work.Offset = 0.42
	below := container.NewVSplit(work, pv.problems.Object())
	below.Offset = 0.8
	pv.showMain(moduleMode, container.NewBorder(container.NewVBox(top, widget.NewSeparator()), nil, nil, nil, below))
	pv.refreshModule()
	pv.refreshSidebar()
	pv.selectBlock(pv.moduleID, pv.blockID, "")
}

// refreshModule redraws the header, outline and problems from the model.
func (pv *projectView) refreshModule() {
	m := pv.module()
	if m == nil {
		return
	}
	pv.header.SetText(pv.a.t.N("ModuleHeader", m.Minutes, map[string]any{"Title": m.Title}))
	probs := pv.s.Project().Validate(m)
	perBlock := map[string]int{}
	for _, p := range probs {
		if p.BlockID != "" && p.Severity == authoring.SeverityError {
			perBlock[p.BlockID]++
		}
	}
	pv.outline.Set(edit.Outline(pv.s.Project(), m), perBlock)
	pv.problems.Set(probs)
}

// blockToolbar moves, duplicates and deletes the selected block.
func (pv *projectView) blockToolbar() fyne.CanvasObject {
	t := pv.a.t
	btn := func(icon fyne.Resource, tip string, fn func()) *widget.Button {
		b := widget.NewButtonWithIcon(tip, icon, fn)
		b.Importance = widget.LowImportance
		return b
	}
	return container.NewHBox(
		btn(theme.MoveUpIcon(), t.S("BlockUp"), func() { pv.moveBlock(-1) }),
		btn(theme.MoveDownIcon(), t.S("BlockDown"), func() { pv.moveBlock(+1) }),
		btn(theme.ContentCopyIcon(), t.S("BlockDuplicate"), pv.duplicateBlock),
		btn(theme.DeleteIcon(), t.S("BlockDelete"), pv.deleteBlock),
	)
}

func (pv *projectView) blockIndex() int {
	m := pv.module()
	if m == nil || pv.blockID == "" {
		return -1
	}
	_, i, err := m.Block(pv.blockID)
	if err != nil {
		return -1
	}
	return i
}

func (pv *projectView) moveBlock(by int) {
	if i := pv.blockIndex(); i >= 0 {
		pv.report(pv.s.MoveBlock(pv.moduleID, pv.blockID, i+by))
		pv.outline.Select(pv.blockID)
	}
}

func (pv *projectView) duplicateBlock() {
	if pv.blockIndex() < 0 {
		return
	}
	b, err := pv.s.DuplicateBlock(pv.moduleID, pv.blockID)
	if pv.report(err) {
		pv.selectBlock(pv.moduleID, b.ID, "")
	}
}

func (pv *projectView) deleteBlock() {
	i := pv.blockIndex()
	if i < 0 {
		return
	}
	if !pv.report(pv.s.DeleteBlock(pv.moduleID, pv.blockID)) {
		return
	}
	// Select the block that took its place, so Delete can be pressed again.
	if m := pv.module(); m != nil && len(m.Blocks) > 0 {
		pv.selectBlock(pv.moduleID, m.Blocks[min(i, len(m.Blocks)-1)].ID, "")
	}
}

// insertBlock adds a block of kind after the selected one (or at the end)
// and opens it in the editor.
func (pv *projectView) insertBlock(kind authoring.BlockKind) {
	m := pv.module()
	if m == nil {
		return
	}
	c, err := edit.Starter(kind)
	if !pv.report(err) {
		return
	}
	at := len(m.Blocks)
	if i := pv.blockIndex(); i >= 0 {
		at = i + 1
	}
	if pv.mode != moduleMode {
		pv.showModule()
	}
	b, err := pv.s.InsertBlock(pv.moduleID, at, c)
	if pv.report(err) {
		pv.selectBlock(pv.moduleID, b.ID, firstField(kind))
	}
}

// firstField is where the cursor goes in a new block.
func firstField(kind authoring.BlockKind) string {
	switch {
	case kind.IsQuestion():
		return "prompt"
	case kind == authoring.KindText, kind == authoring.KindCallout:
		return "body"
	case kind == authoring.KindStatement, kind == authoring.KindQuote:
		return "text"
	}
	return ""
}

// showPalette offers every block kind, grouped.
func (pv *projectView) showPalette() {
	t := pv.a.t
	var d dialog.Dialog
	groups := container.NewGridWithColumns(2)
	for _, g := range uikit.KindGroups() {
		box := container.NewVBox()
		for _, k := range g.Kinds {
			b := widget.NewButtonWithIcon(uikit.KindLabel(t, k), uikit.KindIcon(k), func() {
				d.Hide()
				pv.insertBlock(k)
			})
			b.Alignment = widget.ButtonAlignLeading
			box.Add(b)
		}
		groups.Add(widget.NewCard(t.S(g.Label), "", box))
	}
	d = dialog.NewCustom(t.S("PaletteTitle"), t.S("CommonCancel"), groups, pv.a.win)
	d.Show()
}

// withBack puts a "back to the module" bar above a settings form.
func (pv *projectView) withBack(obj fyne.CanvasObject) fyne.CanvasObject {
	if pv.module() == nil {
		return obj
	}
	back := widget.NewButtonWithIcon(pv.a.t.S("BackToModule"), theme.NavigateBackIcon(), pv.showModule)
	back.Importance = widget.LowImportance
	return container.NewBorder(container.NewHBox(back), nil, nil, nil, obj)
}

// report shows err and says whether there was none.
func (pv *projectView) report(err error) bool {
	if err != nil {
		pv.a.ShowError(err)
		return false
	}
	return true
}

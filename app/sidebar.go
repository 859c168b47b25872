package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/edit"
)

// sidebar lists the modules with their actions, then the project's own
// entries: settings and the extensions that want a place here.
func (pv *projectView) sidebar() fyne.CanvasObject {
	t := pv.a.t
	pv.modules = widget.NewList(
		func() int { return len(pv.s.Project().Modules) },
		func() fyne.CanvasObject {
			title := widget.NewLabel("")
			title.Truncation = fyne.TextTruncateEllipsis
			count := widget.NewLabel("")
			count.Importance = widget.LowImportance
			return container.NewBorder(nil, nil, nil, count, title)
		},
		func(i widget.ListItemID, obj fyne.CanvasObject) {
			mods := pv.s.Project().Modules
			if i >= len(mods) {
				return
			}
			c := obj.(*fyne.Container)
			title, count := c.Objects[0].(*widget.Label), c.Objects[1].(*widget.Label)
			title.SetText(untitled(t.S("ModuleUntitled"), mods[i].Title))
			count.SetText(t.N("ModuleBlockCount", len(mods[i].Blocks), nil))
			c.Refresh() // lay out again for the new texts
		})
	pv.modules.OnSelected = func(i widget.ListItemID) {
		if mods := pv.s.Project().Modules; i < len(mods) && !pv.syncing {
			pv.selectModule(mods[i].ID)
		}
	}
	heading := widget.NewLabelWithStyle(t.S("SidebarModules"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(pv.projectButton(), widget.NewSeparator(), heading)
	bottom := container.NewVBox(pv.moduleToolbar(), widget.NewSeparator(), pv.extensionEntries())
	return container.NewBorder(top, bottom, nil, nil, pv.modules)
}

func untitled(placeholder, title string) string {
	if title == "" {
		return placeholder
	}
	return title
}

func (pv *projectView) projectButton() fyne.CanvasObject {
	b := widget.NewButtonWithIcon(pv.a.t.S("ProjectSettings"), theme.SettingsIcon(), func() { pv.showProjectSettings("") })
	b.Alignment = widget.ButtonAlignLeading
	b.Importance = widget.LowImportance
	return b
}

func (pv *projectView) extensionEntries() fyne.CanvasObject {
	box := container.NewVBox()
	for _, x := range pv.a.exts {
		if !x.Sidebar {
			continue
		}
		b := widget.NewButtonWithIcon(pv.a.t.S(x.Label), x.Icon, func() { pv.a.run(x) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		box.Add(b)
	}
	return box
}

func (pv *projectView) moduleToolbar() fyne.CanvasObject {
	btn := func(icon fyne.Resource, fn func()) *widget.Button {
		b := widget.NewButtonWithIcon("", icon, fn)
		b.Importance = widget.LowImportance
		return b
	}
	add := widget.NewButtonWithIcon(pv.a.t.S("ModuleAdd"), theme.ContentAddIcon(), pv.addModule)
	return container.NewVBox(add, container.NewHBox(
		btn(theme.DocumentCreateIcon(), pv.renameModule),
		btn(theme.ContentCopyIcon(), pv.duplicateModule),
		btn(theme.MoveUpIcon(), func() { pv.moveModule(-1) }),
		btn(theme.MoveDownIcon(), func() { pv.moveModule(+1) }),
		btn(theme.DeleteIcon(), pv.deleteModule),
	))
}

// refreshSidebar redraws the module list and selects the current module.
func (pv *projectView) refreshSidebar() {
	if pv.modules == nil {
		return
	}
	pv.syncing = true // selecting here mirrors the state; it is no request to navigate
	defer func() { pv.syncing = false }()
	pv.modules.Refresh()
	for i, m := range pv.s.Project().Modules {
		if m.ID == pv.moduleID && pv.mode != projectSettingsMode {
			pv.modules.Select(i)
			return
		}
	}
	pv.modules.UnselectAll()
}

func (pv *projectView) moduleIndex() int {
	for i, m := range pv.s.Project().Modules {
		if m.ID == pv.moduleID {
			return i
		}
	}
	return -1
}

// addModule adds an empty module after the current one and opens its
// settings, title first.
func (pv *projectView) addModule() {
	m := newModule(pv.s.Project(), pv.a.t.S("NewModuleTitle"))
	added, err := pv.s.InsertModule(pv.moduleIndex()+1, m)
	if pv.report(err) {
		pv.moduleID = added.ID
		pv.showModuleSettings("title")
	}
}

func (pv *projectView) renameModule() {
	m := pv.module()
	if m == nil {
		return
	}
	id := m.ID
	entry := widget.NewEntry()
	entry.SetText(m.Title)
	items := []*widget.FormItem{{Text: pv.a.t.S("FieldTitle"), Widget: entry}}
	d := dialog.NewForm(pv.a.t.S("ModuleRenameTitle"), pv.a.t.S("ModuleRename"), pv.a.t.S("CommonCancel"), items, func(ok bool) {
		if ok {
			pv.report(pv.s.EditModule(id, edit.Field("title"), func(m *authoring.Module) { m.Title = entry.Text }))
		}
	}, pv.a.win)
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
	pv.a.win.Canvas().Focus(entry)
}

func (pv *projectView) duplicateModule() {
	m := pv.module()
	if m == nil {
		return
	}
	copied, err := pv.s.DuplicateModule(m.ID, pv.a.t.F("ModuleCopyTitle", map[string]any{"Title": m.Title}))
	if pv.report(err) {
		pv.selectModule(copied.ID)
	}
}

func (pv *projectView) moveModule(by int) {
	if i := pv.moduleIndex(); i >= 0 {
		pv.report(pv.s.MoveModule(pv.moduleID, i+by))
	}
}

// deleteModule asks first: a module can hold hours of work. Undo brings it
// back, which the question says.
func (pv *projectView) deleteModule() {
	m := pv.module()
	if m == nil {
		return
	}
	id := m.ID
	msg := pv.a.t.N("ModuleDeleteQuestion", len(m.Blocks), map[string]any{"Title": m.Title})
	d := dialog.NewConfirm(pv.a.t.S("ModuleDeleteTitle"), msg, func(ok bool) {
		if ok {
			pv.report(pv.s.DeleteModule(id))
		}
	}, pv.a.win)
	d.SetConfirmText(pv.a.t.S("ModuleDelete"))
	d.SetDismissText(pv.a.t.S("CommonCancel"))
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/host"
	"github.com/stacklet/stacklet/app/uikit"
)

// Undo takes back the project's last action.
func (a *App) Undo() {
	if s := a.Session(); s != nil && s.CanUndo() {
		if err := s.Undo(); err != nil {
			a.ShowError(err)
		}
	}
}

// Redo does the last undone action again.
func (a *App) Redo() {
	if s := a.Session(); s != nil && s.CanRedo() {
		if err := s.Redo(); err != nil {
			a.ShowError(err)
		}
	}
}

// menuUndo is Edit ▸ Undo, which the desktop driver runs for Ctrl+Z before
// the focused widget sees it. While a dialog is up and one of its text
// fields has the focus, the keys are meant for that field: it takes back
// its own typing (Fyne's entries keep a history) and the project behind the
// dialog is left alone. Otherwise the project's last action is undone, also
// under a dialog that edits the project and follows undo (the glossary).
func (a *App) menuUndo() { a.undoWhereEditing(&fyne.ShortcutUndo{}, a.Undo) }

// menuRedo is Edit ▸ Redo, the same way; Fyne's entries know only Ctrl+Y
// for redo, so Ctrl+Shift+Z reaches them as that.
func (a *App) menuRedo() { a.undoWhereEditing(&fyne.ShortcutRedo{}, a.Redo) }

func (a *App) undoWhereEditing(sc fyne.Shortcut, project func()) {
	c := a.win.Canvas()
	// With an overlay up, Focused is the overlay's own focus.
	if f, ok := c.Focused().(fyne.Shortcutable); ok && c.Overlays().Top() != nil {
		f.TypedShortcut(sc)
		return
	}
	project()
}

func key(k fyne.KeyName, mods ...fyne.KeyModifier) fyne.Shortcut {
	m := fyne.KeyModifierShortcutDefault
	for _, x := range mods {
		m |= x
	}
	return &desktop.CustomShortcut{KeyName: k, Modifier: m}
}

func altKey(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierAlt}
}

// item is a menu item; with no project open, needsProject items are off.
func (a *App) item(label string, sc fyne.Shortcut, needsProject bool, fn func()) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, fn)
	it.Shortcut = sc
	it.Disabled = needsProject && a.project == nil
	return it
}

// mainMenu builds the menu bar, also registering the shortcuts on the
// canvas, which needs them when no menu bar is shown (tests, some desktops).
func (a *App) mainMenu() *fyne.MainMenu {
	menus := a.menus()
	a.registerShortcuts(menus)
	return fyne.NewMainMenu(menus...)
}

// menus are the menus of the menu bar, extensions' items included.
func (a *App) menus() []*fyne.Menu {
	t := a.t
	pv := func(fn func(*projectView)) func() {
		return func() {
			if a.project != nil {
				fn(a.project)
			}
		}
	}
	file := fyne.NewMenu(t.S("MenuFile"),
		a.item(t.S("MenuNewProject"), key(fyne.KeyN), false, a.newProjectDialog),
		a.item(t.S("MenuOpenProject"), key(fyne.KeyO), false, a.openProjectDialog),
		a.item(t.S("MenuOpenSample"), nil, false, a.OpenSample),
		a.item(t.S("MenuCloseProject"), key(fyne.KeyW), true, func() { a.closeProject() }),
	)
	editMenu := fyne.NewMenu(t.S("MenuEdit"),
		a.item(t.S("MenuUndo"), &fyne.ShortcutUndo{}, true, a.menuUndo),
		a.item(t.S("MenuRedo"), uikit.RedoShiftZ, true, a.menuRedo),
		fyne.NewMenuItemSeparator(),
		a.item(t.S("MenuProjectSettings"), key(fyne.KeyComma, fyne.KeyModifierShift), true, pv(func(p *projectView) { p.showProjectSettings("") })),
	)
	module := fyne.NewMenu(t.S("MenuModule"),
		a.item(t.S("MenuNewModule"), key(fyne.KeyN, fyne.KeyModifierShift), true, pv((*projectView).addModule)),
		a.item(t.S("MenuRenameModule"), key(fyne.KeyR, fyne.KeyModifierShift), true, pv((*projectView).renameModule)),
		a.item(t.S("MenuDuplicateModule"), nil, true, pv((*projectView).duplicateModule)),
		a.item(t.S("MenuDeleteModule"), nil, true, pv((*projectView).deleteModule)),
		a.item(t.S("MenuModuleUp"), altKey(fyne.KeyPageUp), true, pv(func(p *projectView) { p.moveModule(-1) })),
		a.item(t.S("MenuModuleDown"), altKey(fyne.KeyPageDown), true, pv(func(p *projectView) { p.moveModule(+1) })),
		a.item(t.S("MenuModuleSettings"), key(fyne.KeyI, fyne.KeyModifierShift), true, pv(func(p *projectView) { p.showModuleSettings("") })),
		fyne.NewMenuItemSeparator(),
		a.item(t.S("MenuBlockUp"), altKey(fyne.KeyUp), true, pv(func(p *projectView) { p.moveBlock(-1) })),
		a.item(t.S("MenuBlockDown"), altKey(fyne.KeyDown), true, pv(func(p *projectView) { p.moveBlock(+1) })),
		a.item(t.S("MenuDuplicateBlock"), key(fyne.KeyD), true, pv((*projectView).duplicateBlock)),
		a.item(t.S("MenuDeleteBlock"), key(fyne.KeyDelete, fyne.KeyModifierShift), true, pv((*projectView).deleteBlock)),
	)
	menus := []*fyne.Menu{file, editMenu, module, a.insertMenu(), fyne.NewMenu(t.S("MenuTools")), a.helpMenu()}
	a.addExtensionItems(menus)
	return menus
}

// insertMenu lists every block kind, in the palette's groups as submenus
// so that the menu fits a small window.
func (a *App) insertMenu() *fyne.Menu {
	t := a.t
	m := fyne.NewMenu(t.S("MenuInsert"),
		a.item(t.S("MenuInsertBlock"), key(fyne.KeyB, fyne.KeyModifierShift), true, func() {
			if a.project != nil {
				a.project.showPalette()
			}
		}), fyne.NewMenuItemSeparator())
	for _, g := range uikit.KindGroups() {
		group := fyne.NewMenuItem(t.S(g.Label), nil)
		group.Disabled = a.project == nil
		group.ChildMenu = fyne.NewMenu("")
		for _, k := range g.Kinds {
			it := a.item(uikit.KindLabel(t, k), nil, true, func() {
				if a.project != nil {
					a.project.insertBlock(k)
				}
			})
			it.Icon = uikit.KindIcon(k)
			group.ChildMenu.Items = append(group.ChildMenu.Items, it)
		}
		m.Items = append(m.Items, group)
	}
	return m
}

func (a *App) helpMenu() *fyne.Menu {
	return fyne.NewMenu(a.t.S("MenuHelp"),
		a.item(a.t.S("MenuShortcuts"), &desktop.CustomShortcut{KeyName: fyne.KeyF1}, false, a.showShortcuts),
		a.item(a.t.S("MenuAbout"), nil, false, a.showAbout),
	)
}

// menuIndex maps host.Menu to the position in mainMenu's list.
var menuIndex = map[host.Menu]int{host.MenuFile: 0, host.MenuEdit: 1, host.MenuModule: 2,
	host.MenuInsert: 3, host.MenuTools: 4, host.MenuHelp: 5}

func (a *App) addExtensionItems(menus []*fyne.Menu) {
	for _, x := range a.exts {
		i, ok := menuIndex[x.Menu]
		if !ok {
			continue
		}
		it := a.item(a.t.S(x.Label), x.Shortcut, x.NeedsProject, func() { a.run(x) })
		it.Icon = x.Icon
		menus[i].Items = append(menus[i].Items, it)
	}
}

// registerShortcuts adds every menu shortcut to the canvas too, plus its
// aliases (Ctrl+Y for redo), so they work wherever the focus is not in a
// text field.
func (a *App) registerShortcuts(menus []*fyne.Menu) {
	c := a.win.Canvas()
	for _, m := range menus {
		for _, it := range m.Items {
			if it.Shortcut == nil || it.Action == nil {
				continue
			}
			action := it.Action
			for _, sc := range append([]fyne.Shortcut{it.Shortcut}, shortcutAliases[it.Shortcut.ShortcutName()]...) {
				c.RemoveShortcut(sc)
				c.AddShortcut(sc, func(fyne.Shortcut) { action() })
			}
		}
	}
}

func (a *App) showAbout() {
	meta := a.fyne.Metadata()
	text := a.t.F("AboutText", map[string]any{"Version": meta.Version})
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(a.t.S("MenuAbout"), a.t.S("CommonOK"), l, a.win)
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
}

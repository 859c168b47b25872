package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/blockedit"
	"github.com/stacklet/stacklet/app/forms"
	"github.com/stacklet/stacklet/app/host"
	"github.com/stacklet/stacklet/app/outline"
	"github.com/stacklet/stacklet/app/problems"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/edit"
)

// mode is what the main area shows.
type mode int

const (
	moduleMode mode = iota
	moduleSettingsMode
	projectSettingsMode
	extensionMode
)

// projectView is the window while a project is open: the module sidebar
// on the left, and the module (outline, block editor, problems), a
// settings form or an extension's screen in the main area.
type projectView struct {
	a        *App
	s        *edit.Session
	path     string
	moduleID string
	blockID  string
	mode     mode
	cancel   func() // stops observing the session

	modules  *widget.List
	outline  *outline.Outline
	problems *problems.Panel
	editor   *blockedit.Editor // nil when no block is selected
	form     *forms.Form       // the settings form on show, if any
	detail   *fyne.Container   // the block editor's place
	main     *fyne.Container   // the main area
	header   *widget.Label     // module title over the outline
	leaveExt func()            // the extension screen's leave, if one is on show
	syncing  bool              // the sidebar is being redrawn from the model
}

func newProjectView(a *App, s *edit.Session, path string) *projectView {
	pv := &projectView{a: a, s: s, path: path}
	pv.cancel = s.Observe(pv.onChange)
	if mods := s.Project().Modules; len(mods) > 0 {
		pv.moduleID = mods[0].ID
	}
	return pv
}

// leave is called before the project closes.
func (pv *projectView) leave() {
	pv.cancel()
	pv.leaveScreen()
}

func (pv *projectView) leaveScreen() {
	if pv.leaveExt != nil {
		pv.leaveExt()
		pv.leaveExt = nil
	}
}

// rebuild makes every widget anew: at open and after a language change.
func (pv *projectView) rebuild() {
	t := pv.a.t
	pv.outline = outline.New(t)
	pv.outline.OnSelect = func(id string) { pv.selectBlock(pv.moduleID, id, "") }
	pv.outline.OnMove = func(id string, to int) {
		if pv.report(pv.s.MoveBlock(pv.moduleID, id, to)) {
			pv.selectBlock(pv.moduleID, id, "")
		}
	}
	pv.problems = problems.New(t)
	pv.problems.OnSelect = func(p authoring.Problem) { pv.selectBlock(p.ModuleID, p.BlockID, p.Field) }
	pv.detail = container.NewStack()
	pv.main = container.NewStack()
	pv.header = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	pv.header.Truncation = fyne.TextTruncateEllipsis
	split := container.NewHSplit(pv.sidebar(), pv.main)
	split.Offset = 0.2
	pv.a.win.SetContent(split)
	pv.a.win.SetMainMenu(pv.a.mainMenu())
	pv.showModule()
}

// onChange keeps every part of the view in step with the model. Edits the
// designer makes redraw only what shows them elsewhere (outline, problems);
// undo and redo also redraw the form being edited and go to what changed.
func (pv *projectView) onChange(c edit.Change) {
	undo := c.Origin != edit.ByEdit
	switch c.Kind {
	case edit.ProjectChanged:
		pv.a.win.SetTitle(pv.a.title())
		pv.refreshSidebar()
		if undo && pv.mode == projectSettingsMode {
			pv.showProjectSettings("")
		}
	case edit.ModuleAdded, edit.ModuleRemoved, edit.ModulesReordered, edit.ModuleChanged:
		pv.moduleChanged(c, undo)
	case edit.MediaChanged:
		if undo && pv.editor != nil {
			pv.editor.Refresh()
		}
	default:
		pv.blockChanged(c, undo)
	}
}

func (pv *projectView) moduleChanged(c edit.Change, undo bool) {
	pv.refreshSidebar()
	if _, err := pv.s.Project().Module(pv.moduleID); err != nil {
		pv.moduleID = ""
		if mods := pv.s.Project().Modules; len(mods) > 0 {
			pv.moduleID = mods[0].ID
		}
		pv.showModule()
		return
	}
	switch {
	case undo && c.Kind == edit.ModuleAdded:
		pv.selectModule(c.ModuleID)
	case c.Kind == edit.ModuleChanged && c.ModuleID == pv.moduleID:
		pv.refreshModule()
		if undo && pv.mode == moduleSettingsMode {
			pv.showModuleSettings("")
		}
	}
}

func (pv *projectView) blockChanged(c edit.Change, undo bool) {
	if c.Kind == edit.BlockAdded || c.Kind == edit.BlockRemoved {
		pv.refreshSidebar() // block counts
	}
	if c.ModuleID != pv.moduleID || pv.mode != moduleMode {
		if !undo {
			return
		}
		pv.moduleID, pv.blockID = c.ModuleID, ""
		pv.showModule()
	}
	pv.refreshModule()
	switch {
	case c.Kind == edit.BlockRemoved && c.BlockID == pv.blockID:
		pv.selectBlock(pv.moduleID, "", "")
	case undo && c.Kind != edit.BlockRemoved && c.BlockID != pv.blockID:
		pv.selectBlock(pv.moduleID, c.BlockID, c.Field)
	case undo && c.Kind == edit.BlockChanged && pv.editor != nil:
		pv.editor.Refresh()
	}
}

// module is the module on show, nil when the project has none.
func (pv *projectView) module() *authoring.Module {
	m, err := pv.s.Project().Module(pv.moduleID)
	if err != nil {
		return nil
	}
	return m
}

func (pv *projectView) selectModule(id string) {
	if id == pv.moduleID && pv.mode == moduleMode {
		return
	}
	pv.moduleID, pv.blockID = id, ""
	pv.showModule()
}

// selectBlock shows a module's block in the editor and focuses field. An
// empty blockID with a field means the module's own settings.
func (pv *projectView) selectBlock(moduleID, blockID, field string) {
	if moduleID == "" && blockID == "" && field != "" {
		pv.openProjectField(field)
		return
	}
	if moduleID != pv.moduleID || pv.mode != moduleMode {
		if blockID == "" && field != "" {
			pv.moduleID = moduleID
			pv.showModuleSettings(field)
			return
		}
		pv.moduleID, pv.blockID = moduleID, ""
		pv.showModule()
	}
	if blockID == "" && field != "" {
		pv.showModuleSettings(field)
		return
	}
	pv.blockID = blockID
	pv.outline.Select(blockID)
	pv.showEditor()
	if field != "" && pv.editor != nil {
		pv.editor.Focus(field)
	}
}

// openProjectField goes to a field outside the modules, such as the logo
// or a credential's badge: the screen that owns it, or else the project
// settings. The module on show stays the current one.
func (pv *projectView) openProjectField(field string) {
	for _, x := range pv.a.exts {
		if x.OpenField != nil && x.OpenField(pv.a, field) {
			return
		}
	}
	pv.showProjectSettings(field)
}

func (pv *projectView) showEditor() {
	pv.editor = nil
	if pv.blockID == "" || pv.module() == nil {
		pv.detail.Objects = []fyne.CanvasObject{emptyState(pv.a.t.S("EditorNoBlock"))}
		pv.detail.Refresh()
		return
	}
	pv.editor = blockedit.New(blockedit.Context{
		T: pv.a.t, Session: pv.s, Window: pv.a.win, History: pv.a, OnError: pv.a.ShowError,
		ModuleID: pv.moduleID, BlockID: pv.blockID,
	})
	pv.detail.Objects = []fyne.CanvasObject{pv.editor.Object()}
	pv.detail.Refresh()
}

// showMain puts obj in the main area, telling an extension screen it left.
func (pv *projectView) showMain(m mode, obj fyne.CanvasObject) {
	pv.leaveScreen()
	pv.mode = m
	pv.main.Objects = []fyne.CanvasObject{obj}
	pv.main.Refresh()
}

func (pv *projectView) showExtension(x host.Extension) {
	view, leave := x.Screen(pv.a)
	pv.showMain(extensionMode, view)
	pv.leaveExt = leave
	pv.form, pv.editor = nil, nil
}

func (pv *projectView) formContext() forms.Context {
	return forms.Context{T: pv.a.t, Session: pv.s, Window: pv.a.win, History: pv.a, OnError: pv.a.ShowError}
}

// showProjectSettings shows the project settings, focusing field if set.
func (pv *projectView) showProjectSettings(field string) {
	pv.form = forms.Project(pv.formContext(), commonLocales())
	pv.editor = nil
	pv.showMain(projectSettingsMode, pv.withBack(pv.form.Object()))
	pv.form.Focus(field)
}

// showModuleSettings shows the current module's settings.
func (pv *projectView) showModuleSettings(field string) {
	if pv.module() == nil {
		return
	}
	pv.form = forms.Module(pv.formContext(), pv.moduleID)
	pv.editor = nil
	pv.showMain(moduleSettingsMode, pv.withBack(pv.form.Object()))
	pv.refreshSidebar()
	pv.form.Focus(field)
}

func emptyState(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Alignment = fyne.TextAlignCenter
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.LowImportance
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(360, 120), l))
}

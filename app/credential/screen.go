// Package credential is the micro-credential editor: the project's
// credentials in a list, one credential's fields in groups (basics, how it
// is earned, awarding body, learning, assessment, recognition) and, beside
// them, the EU mandatory elements still missing, which update as the
// designer types and take the focus to their field when chosen.
//
// Every change is an edit.Session.EditProject call whose target names the
// field ("credentials[0].awardingBody.name"), so typing coalesces into one
// undo step per field, and undo, redo and saving work as everywhere else.
package credential

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/app/uikit"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/edit"
)

// Options are what the screen works on.
type Options struct {
	Window  fyne.Window
	T       *tr.T
	Session *edit.Session
	// History receives Ctrl+Z and Ctrl+Y typed in an entry (the app); nil
	// leaves them to the entry.
	History uikit.History
	// ShowError reports a failed action; nil shows Fyne's error dialog.
	ShowError func(error)
	// Confirm asks before deleting; nil shows a confirm dialog.
	Confirm func(title, message string, yes func())
	// CurrentModule earns a new credential ("" picks the first module).
	CurrentModule string
}

// Screen is the credential editor; its widgets are exported for tests.
type Screen struct {
	List      *widget.List
	Add       *widget.Button
	Duplicate *widget.Button
	Delete    *widget.Button
	// Checks lists the missing EU elements and other problems of the
	// credential being edited.
	Checks *Checks
	// Picker is the ESCO skill picker last opened.
	Picker *SkillPicker

	opts     Options
	ids      []string // credential ids in list order
	selected string
	editor   *editor
	main     *fyne.Container // holds the editor or the empty state
	stop     func()
	view     fyne.CanvasObject
	selfEdit bool // an edit of ours is being announced: widgets already show it
}

// New builds the screen and starts following the session; call Close when
// the screen goes away.
func New(o Options) *Screen {
	s := &Screen{opts: o}
	s.buildToolbar()
	s.buildList()
	s.Checks = newChecks(o.T, s.focus)
	s.main = container.NewStack()
	s.view = s.layout()
	s.stop = o.Session.Observe(s.onChange)
	s.reloadList()
	if len(s.ids) > 0 {
		s.Select(s.ids[0])
	} else {
		s.showEditor()
	}
	return s
}

// View is the screen's content.
func (s *Screen) View() fyne.CanvasObject { return s.view }

// Close stops following the session.
func (s *Screen) Close() { s.stop() }

func (s *Screen) project() *authoring.Project { return s.opts.Session.Project() }

func (s *Screen) buildToolbar() {
	t := s.opts.T
	s.Add = widget.NewButtonWithIcon(t.S("CredAdd"), theme.ContentAddIcon(), s.onAdd)
	s.Add.Importance = widget.HighImportance
	s.Duplicate = widget.NewButtonWithIcon(t.S("CredDuplicate"), theme.ContentCopyIcon(), s.onDuplicate)
	s.Delete = widget.NewButtonWithIcon(t.S("CredDelete"), theme.DeleteIcon(), s.onDelete)
}

func (s *Screen) layout() fyne.CanvasObject {
	t := s.opts.T
	head := heading(t.S("CredListHeading"))
	tools := container.NewGridWithColumns(1, s.Add, container.NewGridWithColumns(2, s.Duplicate, s.Delete))
	left := container.NewBorder(container.NewVBox(head, tools), nil, nil, nil, s.List)
	right := uikit.MinWidth(s.Checks.view, 280)
	body := container.NewBorder(nil, nil, nil, right, s.main)
	split := container.NewHSplit(left, body)
	split.Offset = 0.22
	return split
}

// onChange follows edits made elsewhere, undo and redo.
func (s *Screen) onChange(c edit.Change) {
	switch c.Kind {
	case edit.ProjectChanged, edit.ModuleAdded, edit.ModuleRemoved, edit.ModuleChanged, edit.ModulesReordered, edit.MediaChanged:
	default:
		return
	}
	s.reloadList()
	if s.selfEdit {
		s.refreshChecks()
		return
	}
	if c.Kind != edit.ProjectChanged || !s.has(s.selected) {
		s.showEditor() // modules or the credential itself came or went
		return
	}
	if s.editor != nil && s.editor.reload() {
		s.refreshChecks()
		return
	}
	s.showEditor()
}

func (s *Screen) has(id string) bool {
	_, err := s.project().Credential(id)
	return id != "" && err == nil
}

// Select shows the credential with id in the editor.
func (s *Screen) Select(id string) {
	for i, x := range s.ids {
		if x == id {
			s.List.Select(i)
			return
		}
	}
}

// Editing is the id of the credential shown, "" for none.
func (s *Screen) Editing() string { return s.selected }

// Field returns the widget of a field of the credential shown ("title",
// "awardingBody.country", "skills[1].uri"), for focusing and tests.
func (s *Screen) Field(name string) fyne.Focusable {
	if s.editor == nil {
		return nil
	}
	return s.editor.field(name)
}

// showEditor builds the editor for the selected credential, or the empty
// state, keeping the scroll position when it is the same credential.
func (s *Screen) showEditor() {
	if !s.has(s.selected) {
		s.selected = ""
		if len(s.ids) > 0 {
			s.selected = s.ids[0]
		}
	}
	var offset fyne.Position
	if s.editor != nil && s.editor.id == s.selected {
		offset = s.editor.scroll.Offset
	}
	s.editor = nil
	if s.selected == "" {
		s.main.Objects = []fyne.CanvasObject{s.emptyState()}
	} else {
		s.editor = newEditor(s, s.selected)
		s.editor.scroll.Offset = offset
		s.main.Objects = []fyne.CanvasObject{s.editor.scroll}
	}
	s.main.Refresh()
	s.Select(s.selected) // the list follows when a deletion moved the selection
	s.refreshChecks()
	s.updateButtons()
}

func (s *Screen) emptyState() fyne.CanvasObject {
	t := s.opts.T
	msg := widget.NewLabel(t.S("CredEmpty"))
	msg.Wrapping = fyne.TextWrapWord
	add := widget.NewButtonWithIcon(t.S("CredAdd"), theme.ContentAddIcon(), s.onAdd)
	add.Importance = widget.HighImportance
	return container.NewPadded(uikit.MaxWidth(container.NewVBox(heading(t.S("CredEmptyHeading")), msg,
		container.NewHBox(add)), uikit.FormWidth))
}

func (s *Screen) updateButtons() {
	if s.selected == "" {
		s.Duplicate.Disable()
		s.Delete.Disable()
	} else {
		s.Duplicate.Enable()
		s.Delete.Enable()
	}
}

func (s *Screen) refreshChecks() {
	c, err := s.project().Credential(s.selected)
	if err != nil {
		s.Checks.show(s.project(), nil)
		return
	}
	s.Checks.show(s.project(), c)
}

// focus takes the designer to a field of the credential shown.
func (s *Screen) focus(field string) {
	if s.editor != nil {
		s.editor.focus(field)
	}
}

// edit changes the credential at index i; widgets already show the change.
func (s *Screen) edit(t edit.Target, fn func(p *authoring.Project)) {
	s.selfEdit = true
	err := s.opts.Session.EditProject(t, fn)
	s.selfEdit = false
	if err != nil {
		s.showError(err)
	}
}

func (s *Screen) showError(err error) {
	if s.opts.ShowError != nil {
		s.opts.ShowError(err)
		return
	}
	dialog.ShowError(err, s.opts.Window)
}

func (s *Screen) confirm(title, message, yes string, do func()) {
	if s.opts.Confirm != nil {
		s.opts.Confirm(title, message, do)
		return
	}
	d := dialog.NewConfirm(title, message, func(ok bool) {
		if ok {
			do()
		}
	}, s.opts.Window)
	d.SetConfirmText(yes)
	d.SetDismissText(s.opts.T.S("CredCancel"))
	d.Show()
}

// target names a field of credential i the way observers and undo see it.
func target(i int, field string, typing bool) edit.Target {
	path := fmt.Sprintf("credentials[%d].%s", i, field)
	if typing {
		return edit.Typing(path)
	}
	return edit.Field(path)
}

func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// Package medialib is the media library screen: every image, sound, video
// and caption file of the project with a thumbnail and where it is used;
// import (file dialog or drop on the window), replace and remove unused.
//
// All changes go through the editing session, so each is one undo step:
// Replace is edit.Session.ReplaceMedia, which adds the new bytes (stored
// by their own hash), points every block field, the theme logo and every
// credential image that used the old hash at the new one, and removes the
// old file.
package medialib

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/authoring/edit"
)

// Options are what the screen works on.
type Options struct {
	Window  fyne.Window
	T       *tr.T
	Session *edit.Session
	// ShowError reports a failed action; nil shows Fyne's error dialog.
	ShowError func(error)
	// OpenUse shows where a file is used (host.SelectBlock); nil leaves
	// the uses as plain text.
	OpenUse func(moduleID, blockID, field string)
	// Confirm asks before removing files; nil shows a confirm dialog.
	Confirm func(title, message string, yes func())
}

// Library is the screen; its widgets are exported for tests.
type Library struct {
	List         *widget.List
	Import       *widget.Button
	RemoveUnused *widget.Button
	Progress     *widget.ProgressBar
	Status       *widget.Label
	*detail

	opts     Options
	items    []item
	selected string // hash of the selected file, "" for none
	thumbs   *thumbs
	stop     func()
	view     fyne.CanvasObject
	imported chan importResult // every finished import, for tests
}

// New builds the screen and starts following the session's changes; call
// Close when the screen goes away.
func New(o Options) *Library {
	l := &Library{opts: o, imported: make(chan importResult, 1)}
	l.thumbs = newThumbs(o.Session.Media(), l.thumbReady)
	l.buildToolbar()
	l.buildList()
	l.detail = newDetail(o.T, l.thumbs, l.onReplace, l.onRemove, l.onOpenUse)
	l.view = l.layout()
	l.stop = o.Session.Observe(l.onChange)
	l.Refresh()
	return l
}

// View is the screen's content.
func (l *Library) View() fyne.CanvasObject { return l.view }

// Close stops following the session.
func (l *Library) Close() { l.stop() }

func (l *Library) buildToolbar() {
	l.Import = widget.NewButtonWithIcon(l.opts.T.S("MediaImport"), theme.ContentAddIcon(), l.onImport)
	l.Import.Importance = widget.HighImportance
	l.RemoveUnused = widget.NewButtonWithIcon("", theme.DeleteIcon(), l.onRemoveUnused)
	l.Progress = widget.NewProgressBar()
	l.Progress.Hide()
	l.Status = widget.NewLabel("")
	l.Status.Wrapping = fyne.TextWrapWord
	l.Status.Hide()
}

func (l *Library) layout() fyne.CanvasObject {
	hint := widget.NewLabelWithStyle(l.opts.T.S("MediaDropHint"), fyne.TextAlignTrailing, fyne.TextStyle{Italic: true})
	toolbar := container.NewHBox(l.Import, l.RemoveUnused, layout.NewSpacer(), hint)
	top := container.NewVBox(toolbar, l.Progress, l.Status)
	split := container.NewHSplit(l.List, l.detail.view)
	split.Offset = 0.45
	return container.NewBorder(top, nil, nil, nil, split)
}

func (l *Library) onChange(c edit.Change) {
	switch c.Kind {
	case edit.MediaChanged, edit.BlockChanged, edit.BlockAdded, edit.BlockRemoved,
		edit.ModuleAdded, edit.ModuleRemoved, edit.ModuleChanged, edit.ProjectChanged:
		l.Refresh()
	}
}

// Refresh redraws the list and the detail from the session's project.
func (l *Library) Refresh() {
	p := l.opts.Session.Project()
	l.items = items(p)
	if n := len(unused(l.items)); n == 0 {
		l.RemoveUnused.SetText(l.opts.T.S("MediaNoUnused"))
		l.RemoveUnused.Disable()
	} else {
		l.RemoveUnused.SetText(l.opts.T.N("MediaRemoveUnused", n, nil))
		l.RemoveUnused.Enable()
	}
	l.List.Refresh()
	l.detail.fill(p, l.find(l.selected))
}

func (l *Library) find(hash string) *item {
	for i := range l.items {
		if l.items[i].Hash == hash {
			return &l.items[i]
		}
	}
	return nil
}

// Select shows the file with hash in the detail panel.
func (l *Library) Select(hash string) {
	for i, it := range l.items {
		if it.Hash == hash {
			l.List.Select(i)
			return
		}
	}
}

func (l *Library) thumbReady(hash string) {
	for i, it := range l.items {
		if it.Hash == hash {
			l.List.RefreshItem(i)
		}
	}
	if hash == l.selected {
		l.detail.fill(l.opts.Session.Project(), l.find(hash))
	}
}

func (l *Library) showError(err error) {
	if l.opts.ShowError != nil {
		l.opts.ShowError(err)
		return
	}
	dialog.ShowError(err, l.opts.Window)
}

func (l *Library) confirm(title, message string, yes func()) {
	if l.opts.Confirm != nil {
		l.opts.Confirm(title, message, yes)
		return
	}
	d := dialog.NewConfirm(title, message, func(ok bool) {
		if ok {
			yes()
		}
	}, l.opts.Window)
	d.SetConfirmText(l.opts.T.S("MediaRemoveConfirm"))
	d.SetDismissText(l.opts.T.S("MediaCancel"))
	d.Show()
}

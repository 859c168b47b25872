// Package exportdialog is the desktop app's export dialog: choose formats,
// modules, locales and a folder, watch a progress bar (with Cancel), then
// read a summary of the packages written and the modules refused, with a
// button that opens the folder.
package exportdialog

import (
	"github.com/stacklet/stacklet/authoring/l10n"
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/export"
)

// Options are what the dialog exports.
type Options struct {
	Window fyne.Window
	T      *tr.T
	// Project must not change while the export runs: pass a snapshot
	// (edit.Session.Snapshot), since the export reads it off the UI goroutine.
	Project *authoring.Project
	Media   authoring.MediaSource
	// Translations per target locale (edit.Session.L10n); packages in a
	// locale without any carry the source text and say so in the summary.
	Translations map[authoring.Locale]l10n.Translations
	// Prefs remembers the chosen folder; optional.
	Prefs fyne.Preferences
	// OpenURL opens the destination folder; nil uses the current app's.
	OpenURL func(*url.URL) error
	// Module preselects one module; "" selects all.
	Module string
}

// Dialog is the export dialog; its widgets are exported for tests.
type Dialog struct {
	*form
	*progress
	*summary

	opts    Options
	dlg     dialog.Dialog
	views   *fyne.Container
	results chan []export.Result // the latest finished run, for tests
}

// New builds the dialog without showing it.
func New(o Options) *Dialog {
	d := &Dialog{opts: o, results: make(chan []export.Result, 1)}
	d.form = newForm(o, d.onExport, d.close)
	d.progress = newProgress(o.T, d.onCancel)
	d.summary = newSummary(o.T, d.onOpenFolder, d.onBack, d.close)
	d.views = container.NewStack(d.form.view, d.progress.view, d.summary.view)
	d.show(d.form.view)
	d.dlg = dialog.NewCustomWithoutButtons(o.T.S("ExportTitle"), d.views, o.Window)
	d.dlg.Resize(fyne.NewSize(720, 0))
	return d
}

// Show builds the dialog and shows it over o.Window.
func Show(o Options) *Dialog {
	d := New(o)
	d.dlg.Show()
	return d
}

// Content is the dialog's body, for a screenshot or a test window.
func (d *Dialog) Content() fyne.CanvasObject { return d.views }

// show makes one of the three views visible.
func (d *Dialog) show(view fyne.CanvasObject) {
	for _, v := range d.views.Objects {
		if v == view {
			v.Show()
		} else {
			v.Hide()
		}
	}
	d.views.Refresh()
}

func (d *Dialog) close() { d.dlg.Hide() }

func (d *Dialog) onBack() { d.show(d.form.view) }

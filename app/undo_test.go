package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/edit"
)

// typeShortcut focuses w and sends sc where the test driver sends a key
// press: to the focused widget.
func typeShortcut(t *testing.T, a *App, w fyne.Focusable, sc fyne.Shortcut) {
	t.Helper()
	c := a.Window().Canvas()
	c.Focus(w)
	f, ok := c.Focused().(fyne.Shortcutable)
	if !ok || c.Focused() != w {
		t.Fatalf("focus is on %T, not the field", c.Focused())
	}
	f.TypedShortcut(sc)
}

// TestCtrlZInTheLocaleFieldsUndoesTheProject: the source and target
// language fields send Ctrl+Z and Ctrl+Y to the project's history, as every
// other field does, instead of keeping a history of their own.
func TestCtrlZInTheLocaleFieldsUndoesTheProject(t *testing.T) {
	a, _ := newTestApp(t)
	pv := a.project
	s := a.Session()

	pv.showProjectSettings("")
	targets := pv.form.Field("targetLocales")
	a.Window().Canvas().Focus(targets)
	test.Type(targets, "fr")
	if got := s.Project().TargetLocales; !slices.Equal(got, []authoring.Locale{"fr"}) {
		t.Fatalf("typing set target locales %v", got)
	}
	typeShortcut(t, a, pv.form.Field("targetLocales"), &fyne.ShortcutUndo{})
	if got := s.Project().TargetLocales; len(got) != 0 || !s.CanRedo() {
		t.Errorf("Ctrl+Z in target languages: locales %v, can redo %v; want the project edit undone", got, s.CanRedo())
	}
	typeShortcut(t, a, pv.form.Field("targetLocales"), &fyne.ShortcutRedo{})
	if got := s.Project().TargetLocales; !slices.Equal(got, []authoring.Locale{"fr"}) {
		t.Errorf("Ctrl+Y in target languages: locales %v, want [fr] again", got)
	}

	source := pv.form.Field("sourceLocale")
	source.(interface{ SetText(string) }).SetText("de")
	if got := s.Project().SourceLocale; got != "de" {
		t.Fatalf("source locale set to %q", got)
	}
	typeShortcut(t, a, pv.form.Field("sourceLocale"), &fyne.ShortcutUndo{})
	if got := s.Project().SourceLocale; got != "en" || !s.CanRedo() {
		t.Errorf("Ctrl+Z in source language: locale %q, can redo %v; want the project edit undone", got, s.CanRedo())
	}
}

// TestMenuUndoLeavesTheProjectAloneUnderADialog: the desktop driver runs
// Edit ▸ Undo for Ctrl+Z wherever the focus is. With the rename dialog up,
// Ctrl+Z must take back the typing in the dialog, not a project edit behind
// it; once the dialog is gone it undoes the project again.
func TestMenuUndoLeavesTheProjectAloneUnderADialog(t *testing.T) {
	a, _ := newTestApp(t)
	s := a.Session()
	if err := s.EditProject(edit.Field("title"), func(p *authoring.Project) { p.Title = "Working at height" }); err != nil {
		t.Fatal(err)
	}
	a.project.renameModule()
	c := a.Window().Canvas()
	name, ok := c.Focused().(*widget.Entry)
	if c.Overlays().Top() == nil || !ok {
		t.Fatalf("no rename dialog with its entry focused (focus %T)", c.Focused())
	}
	before := name.Text
	test.Type(name, " 2")
	typed := name.Text
	if typed == before {
		t.Fatal("typing did not reach the dialog's entry")
	}

	undo, redo := menuItem(t, a, a.t.S("MenuUndo")), menuItem(t, a, a.t.S("MenuRedo"))
	undo.Action()
	if got := s.Project().Title; got != "Working at height" || s.CanRedo() {
		t.Errorf("menu Undo under the dialog undid the project (title %q)", got)
	}
	if name.Text != before {
		t.Errorf("menu Undo left the dialog's entry at %q, want %q", name.Text, before)
	}
	redo.Action()
	if name.Text != typed {
		t.Errorf("menu Redo left the dialog's entry at %q, want %q", name.Text, typed)
	}

	test.Tap(buttonIn(t, c.Overlays().Top(), a.t.S("CommonCancel")))
	if c.Overlays().Top() != nil {
		t.Fatal("the dialog is still up")
	}
	undo.Action()
	if got := s.Project().Title; got != "Ladder safety" {
		t.Errorf("menu Undo with no dialog: title %q, want the edit undone", got)
	}
}

// buttonIn finds the button labelled text under o.
func buttonIn(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var find func(o fyne.CanvasObject) *widget.Button
	find = func(o fyne.CanvasObject) *widget.Button {
		switch o := o.(type) {
		case *widget.Button:
			if o.Text == text {
				return o
			}
			return nil
		case *fyne.Container:
			for _, c := range o.Objects {
				if b := find(c); b != nil {
					return b
				}
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(o).Objects() {
				if b := find(c); b != nil {
					return b
				}
			}
		}
		return nil
	}
	if b := find(o); b != nil {
		return b
	}
	t.Fatalf("no button %q", text)
	return nil
}

// TestMenuUndoUnderADialogThatEditsTheProject: with no text field focused,
// Edit ▸ Undo still takes back the project's last action while a dialog is
// up, as the glossary dialog (its edits are project edits) promises.
func TestMenuUndoUnderADialogThatEditsTheProject(t *testing.T) {
	a, _ := newTestApp(t)
	s := a.Session()
	rename := widget.NewButton("Rename", func() {
		if err := s.EditProject(edit.Field("title"), func(p *authoring.Project) { p.Title = "Working at height" }); err != nil {
			t.Error(err)
		}
	})
	dialog.NewCustom("Glossary", "Close", rename, a.Window()).Show()
	test.Tap(rename)
	if a.Window().Canvas().Focused() != nil {
		t.Fatalf("focus is on %T", a.Window().Canvas().Focused())
	}
	menuItem(t, a, a.t.S("MenuUndo")).Action()
	if got := s.Project().Title; got != "Ladder safety" {
		t.Errorf("menu Undo under the dialog left the title %q", got)
	}
	menuItem(t, a, a.t.S("MenuRedo")).Action()
	if got := s.Project().Title; got != "Working at height" {
		t.Errorf("menu Redo under the dialog left the title %q", got)
	}
}

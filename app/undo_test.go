package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/stacklet/stacklet/authoring"
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

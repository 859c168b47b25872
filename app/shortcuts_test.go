package app

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/host"
	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/i18n"
)

// fakeExtensions plug in where the real screens do, with their shortcuts
// (main.go wires the real ones; this package cannot import them all).
func fakeExtensions() []host.Extension {
	sc := func(k fyne.KeyName, shift bool) fyne.Shortcut {
		m := fyne.KeyModifierShortcutDefault
		if shift {
			m |= fyne.KeyModifierShift
		}
		return &desktop.CustomShortcut{KeyName: k, Modifier: m}
	}
	noop := func(host.Host) {}
	return []host.Extension{
		{ID: "export", Label: "ExportTitle", Menu: host.MenuFile, Shortcut: sc(fyne.KeyE, false), NeedsProject: true, Action: noop},
		{ID: "preview", Label: "PreviewTitle", Menu: host.MenuModule, Shortcut: sc(fyne.KeyP, true), NeedsProject: true, Action: noop},
		{ID: "media", Label: "MediaTitle", Menu: host.MenuTools, Shortcut: sc(fyne.KeyM, true), NeedsProject: true, Action: noop},
		{ID: "credentials", Label: "CredTitle", Menu: host.MenuTools, Shortcut: sc(fyne.KeyC, true), NeedsProject: true, Action: noop},
		{ID: "review", Label: "ReviewTitle", Menu: host.MenuTools, Shortcut: sc(fyne.KeyL, true), NeedsProject: true, Action: noop},
		{ID: "glossary", Label: "ReviewGlossaryMenu", Menu: host.MenuTools, Shortcut: sc(fyne.KeyG, true), NeedsProject: true, Action: noop},
		{ID: "prefs", Label: "PrefsTitle", Menu: host.MenuTools, Shortcut: sc(fyne.KeyComma, false), Action: noop},
	}
}

// newAppIn starts the app in language l with the fake extensions and a
// new project.
func newAppIn(t *testing.T, l authoring.Locale) *App {
	t.Helper()
	a := New(test.NewTempApp(t), Options{Language: l, Extensions: fakeExtensions()})
	a.Window().Resize(fyne.NewSize(1280, 820))
	a.CreateProject(filepath.Join(t.TempDir(), "keys.stacklet"), "Keys", "en")
	if a.project == nil {
		t.Fatal("the new project did not open")
	}
	t.Cleanup(func() { a.closeProject() })
	return a
}

// texts lists the texts of labels and rich texts under o, in reading order.
func texts(o fyne.CanvasObject) []string {
	switch o := o.(type) {
	case *widget.Label:
		return []string{o.Text}
	case *widget.RichText:
		return []string{o.String()}
	case *fyne.Container:
		var out []string
		for _, c := range o.Objects {
			out = append(out, texts(c)...)
		}
		return out
	case fyne.Widget:
		var out []string
		for _, c := range test.WidgetRenderer(o).Objects() {
			out = append(out, texts(c)...)
		}
		return out
	}
	return nil
}

// openShortcutsHelp chooses Help ▸ Keyboard shortcuts and returns the
// dialog's texts.
func openShortcutsHelp(t *testing.T, a *App) []string {
	t.Helper()
	menuItem(t, a, a.t.S("MenuShortcuts")).Action()
	top := a.Window().Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no shortcuts dialog")
	}
	return texts(top)
}

// keysAfter is the text right after label in the help ("" if none).
func keysAfter(help []string, label string) string {
	if i := slices.Index(help, label); i >= 0 && i+1 < len(help) {
		return help[i+1]
	}
	return ""
}

// TestShortcutsHelpListsEveryMenuShortcut: each menu item with a shortcut,
// the extensions' included, has a row in the help, in the app language's
// key names (Strg, Umschalt and Entf in German, never Ctrl).
func TestShortcutsHelpListsEveryMenuShortcut(t *testing.T) {
	a := newAppIn(t, "de")
	help := openShortcutsHelp(t, a)
	shot(t, a, "shortcuts-de")

	n := 0
	var check func(items []*fyne.MenuItem)
	check = func(items []*fyne.MenuItem) {
		for _, it := range items {
			if it.ChildMenu != nil {
				check(it.ChildMenu.Items)
			}
			if it.Shortcut == nil {
				continue
			}
			n++
			want := keysText(shortcutKeys(a.t, it.Shortcut, false))
			if got := keysAfter(help, plainLabel(it.Label)); got != want {
				t.Errorf("menu item %q (%s): help shows %q, want %q", it.Label, it.Shortcut.ShortcutName(), got, want)
			}
		}
	}
	for _, m := range a.menus() {
		check(m.Items)
	}
	if n < 20 {
		t.Errorf("only %d menu items have shortcuts", n)
	}

	// Spelled out by hand, so that a wrong key name cannot hide behind the
	// shared formatter.
	for label, want := range map[string]string{
		a.t.S("MenuUndo"):           "Strg+Z",
		a.t.S("MenuRedo"):           "Strg+Umschalt+Z / Strg+Y",
		a.t.S("ExportTitle"):        "Strg+E",
		a.t.S("PrefsTitle"):         "Strg+,",
		a.t.S("MediaTitle"):         "Strg+Umschalt+M",
		a.t.S("PreviewTitle"):       "Strg+Umschalt+P",
		a.t.S("CredTitle"):          "Strg+Umschalt+C",
		a.t.S("ReviewTitle"):        "Strg+Umschalt+L",
		a.t.S("ReviewGlossaryMenu"): "Strg+Umschalt+G",
		a.t.S("MenuDeleteBlock"):    "Strg+Umschalt+Entf",
		a.t.S("MenuModuleUp"):       "Alt+Bild↑",
		a.t.S("MenuBlockDown"):      "Alt+↓",
		a.t.S("MenuShortcuts"):      "F1",
	} {
		if got := keysAfter(help, plainLabel(label)); got != want {
			t.Errorf("%q: help shows %q, want %q", label, got, want)
		}
	}
	for _, s := range help {
		if strings.Contains(s, "Ctrl") || strings.Contains(s, "Shift") || strings.Contains(s, "⟦") {
			t.Errorf("German help shows %q", s)
		}
	}
}

// TestShortcutKeysInEveryLanguage: every catalog names the keys, and macOS
// gets its symbols in Apple's order (⌃⌥⇧⌘) with no plus signs.
func TestShortcutKeysInEveryLanguage(t *testing.T) {
	for _, l := range i18n.UILocales() {
		tt := tr.New(l)
		for _, sc := range []fyne.Shortcut{
			&desktop.CustomShortcut{KeyName: fyne.KeyDelete, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift | fyne.KeyModifierAlt | fyne.KeyModifierSuper},
			&desktop.CustomShortcut{KeyName: fyne.KeyPageUp, Modifier: fyne.KeyModifierAlt},
			&desktop.CustomShortcut{KeyName: fyne.KeyPageDown, Modifier: fyne.KeyModifierAlt},
		} {
			if got := keysText(shortcutKeys(tt, sc, false)); strings.Contains(got, "⟦") {
				t.Errorf("%s: %s spelled %q", l, sc.ShortcutName(), got)
			}
		}
	}
	en := tr.New("en")
	mac := []struct {
		sc   fyne.Shortcut
		want string
	}{
		{&desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierSuper | fyne.KeyModifierShift}, "⇧⌘Z"},
		{&desktop.CustomShortcut{KeyName: fyne.KeyPageUp, Modifier: fyne.KeyModifierAlt}, "⌥⇞"},
		{&desktop.CustomShortcut{KeyName: fyne.KeyDelete, Modifier: fyne.KeyModifierSuper | fyne.KeyModifierControl}, "⌃⌘⌦"},
		{&desktop.CustomShortcut{KeyName: fyne.KeyComma, Modifier: fyne.KeyModifierSuper}, "⌘,"},
	}
	for _, c := range mac {
		if got := keysText(shortcutKeys(en, c.sc, true)); got != c.want {
			t.Errorf("macOS %s = %q, want %q", c.sc.ShortcutName(), got, c.want)
		}
	}
	if got := keysText(shortcutKeys(tr.New("fr"), &desktop.CustomShortcut{KeyName: fyne.KeyDelete, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift}, false)); got != "Ctrl+Maj+Suppr" {
		t.Errorf("French Ctrl+Shift+Delete = %q", got)
	}
}

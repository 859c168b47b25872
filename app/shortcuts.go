package app

import (
	"runtime"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/app/uikit"
)

// shortcutAliases are shortcuts registered on the canvas besides a menu
// item's own, keyed by the item's shortcut name: the help lists them on the
// item's row.
var shortcutAliases = map[string][]fyne.Shortcut{
	uikit.RedoShiftZ.ShortcutName(): {&fyne.ShortcutRedo{}},
}

// shortcutRow is one line of the shortcuts help.
type shortcutRow struct {
	label string // the menu item's label, without a trailing ellipsis
	keys  []keyPart
}

// shortcutSection is the shortcuts of one menu.
type shortcutSection struct {
	menu string
	rows []shortcutRow
}

// keyPart is a piece of a shortcut's text; symbol pieces (⌘, ↑) need
// Fyne's symbol font.
type keyPart struct {
	text   string
	symbol bool
}

// shortcutSections lists every menu item that has a shortcut, menu by menu,
// so the help cannot drift from the menus (extensions' items included).
func shortcutSections(t *tr.T, menus []*fyne.Menu, mac bool) []shortcutSection {
	var out []shortcutSection
	for _, m := range menus {
		sec := shortcutSection{menu: m.Label}
		var walk func(items []*fyne.MenuItem)
		walk = func(items []*fyne.MenuItem) {
			for _, it := range items {
				if it.Shortcut != nil {
					sec.rows = append(sec.rows, shortcutRow{label: plainLabel(it.Label), keys: shortcutKeys(t, it.Shortcut, mac)})
				}
				if it.ChildMenu != nil {
					walk(it.ChildMenu.Items)
				}
			}
		}
		walk(m.Items)
		if len(sec.rows) > 0 {
			out = append(out, sec)
		}
	}
	return out
}

func plainLabel(s string) string {
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(s, "…"), "..."))
}

// shortcutKeys spells a shortcut and its aliases ("Strg+Umschalt+Z / Strg+Y").
func shortcutKeys(t *tr.T, sc fyne.Shortcut, mac bool) []keyPart {
	parts := keyCombo(t, sc, mac)
	for _, alias := range shortcutAliases[sc.ShortcutName()] {
		parts = append(parts, keyPart{text: " / "})
		parts = append(parts, keyCombo(t, alias, mac)...)
	}
	return parts
}

// keyCombo spells one shortcut the way the platform does: "Ctrl+Shift+Z"
// with the catalog's key names, or "⌃⌥⇧⌘Z" on macOS.
func keyCombo(t *tr.T, sc fyne.Shortcut, mac bool) []keyPart {
	ks, ok := sc.(fyne.KeyboardShortcut)
	if !ok {
		return []keyPart{{text: sc.ShortcutName()}}
	}
	mods := []struct {
		mod       fyne.KeyModifier
		name, sym string
	}{
		{fyne.KeyModifierControl, t.S("KeyCtrl"), "⌃"},
		{fyne.KeyModifierAlt, t.S("KeyAlt"), "⌥"},
		{fyne.KeyModifierShift, t.S("KeyShift"), "⇧"},
		{fyne.KeyModifierSuper, t.S("KeySuper"), "⌘"},
	}
	var parts []keyPart
	for _, m := range mods {
		if ks.Mod()&m.mod == 0 {
			continue
		}
		if mac {
			parts = append(parts, keyPart{text: m.sym, symbol: true})
		} else {
			parts = append(parts, keyPart{text: m.name + "+"})
		}
	}
	name := keyName(t, ks.Key(), mac)
	return append(parts, keyPart{text: name, symbol: isSymbol(name)})
}

func keyName(t *tr.T, k fyne.KeyName, mac bool) string {
	arrows := map[fyne.KeyName]string{fyne.KeyUp: "↑", fyne.KeyDown: "↓", fyne.KeyLeft: "←", fyne.KeyRight: "→"}
	if s, ok := arrows[k]; ok {
		return s
	}
	if mac {
		if s, ok := map[fyne.KeyName]string{fyne.KeyDelete: "⌦", fyne.KeyPageUp: "⇞", fyne.KeyPageDown: "⇟"}[k]; ok {
			return s
		}
	}
	switch k {
	case fyne.KeyDelete:
		return t.S("KeyDelete")
	case fyne.KeyPageUp:
		return t.S("KeyPageUp")
	case fyne.KeyPageDown:
		return t.S("KeyPageDown")
	}
	return string(k)
}

// isSymbol: one rune outside ASCII, such as an arrow.
func isSymbol(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && r >= utf8.RuneSelf
}

// keysText is the shortcut as plain text, for tests and logs.
func keysText(parts []keyPart) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p.text)
	}
	return b.String()
}

func keysWidget(parts []keyPart) *widget.RichText {
	segs := make([]widget.RichTextSegment, len(parts))
	for i, p := range parts {
		style := widget.RichTextStyleInline
		style.TextStyle = fyne.TextStyle{Symbol: p.symbol}
		segs[i] = &widget.TextSegment{Text: p.text, Style: style}
	}
	return widget.NewRichText(segs...)
}

// showShortcuts lists the menus' shortcuts in two columns of menus, each
// menu going to the shorter column so the dialog stays compact. A column is
// one form, so its keys line up.
func (a *App) showShortcuts() {
	cols := [2]*fyne.Container{container.New(layout.NewFormLayout()), container.New(layout.NewFormLayout())}
	var height [2]int
	for _, sec := range shortcutSections(a.t, a.menus(), runtime.GOOS == "darwin") {
		i := 0
		if height[1] < height[0] {
			i = 1
		}
		height[i] += len(sec.rows) + 1
		cols[i].Add(widget.NewLabelWithStyle(sec.menu, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		cols[i].Add(layout.NewSpacer())
		for _, r := range sec.rows {
			cols[i].Add(widget.NewLabel(r.label))
			cols[i].Add(keysWidget(r.keys))
		}
	}
	body := container.NewGridWithColumns(2, cols[0], cols[1])
	dialog.NewCustom(a.t.S("MenuShortcuts"), a.t.S("CommonOK"), body, a.win).Show()
}

package prefs

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// ThemeMode is light, dark or whatever the system uses.
type ThemeMode string

const (
	ThemeSystem ThemeMode = "system"
	ThemeLight  ThemeMode = "light"
	ThemeDark   ThemeMode = "dark"
)

// ThemeModes lists the modes in the order the settings screen shows them.
var ThemeModes = []ThemeMode{ThemeSystem, ThemeLight, ThemeDark}

// ParseThemeMode returns the mode named s, ThemeSystem for anything else.
func ParseThemeMode(s string) ThemeMode {
	for _, m := range ThemeModes {
		if string(m) == s {
			return m
		}
	}
	return ThemeSystem
}

// WithMode wraps base so that it always draws in the mode's variant; the
// system mode returns base itself, which follows the OS.
func WithMode(base fyne.Theme, mode ThemeMode) fyne.Theme {
	switch mode {
	case ThemeLight:
		return forcedVariant{Theme: base, variant: theme.VariantLight}
	case ThemeDark:
		return forcedVariant{Theme: base, variant: theme.VariantDark}
	}
	return base
}

// ApplyTheme sets the default theme in mode on a. An app with a theme of
// its own wraps it with WithMode instead.
func ApplyTheme(a fyne.App, mode ThemeMode) {
	a.Settings().SetTheme(WithMode(theme.DefaultTheme(), mode))
}

// forcedVariant ignores the variant Fyne asks for: Fyne passes the system's.
type forcedVariant struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t forcedVariant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

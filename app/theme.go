package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// variantTheme is Fyne's theme with the light or dark variant forced.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (v variantTheme) Color(name fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return v.Theme.Color(name, v.variant)
}

// applyTheme sets "light", "dark", or anything else for the system's choice.
func (a *App) applyTheme(v string) {
	switch v {
	case "light":
		a.fyne.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	case "dark":
		a.fyne.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	default:
		a.fyne.Settings().SetTheme(theme.DefaultTheme())
	}
}

package prefs

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"github.com/stacklet/stacklet/app/host"
	"github.com/stacklet/stacklet/authoring"
)

// Extension is the settings dialog as the app's menus and start screen
// offer it. The host applies a new language and theme at once.
func Extension() host.Extension {
	keys := NewKeys()
	return host.Extension{
		ID:       "prefs",
		Label:    "PrefsTitle",
		Icon:     theme.SettingsIcon(),
		Menu:     host.MenuTools,
		Shortcut: &desktop.CustomShortcut{KeyName: fyne.KeyComma, Modifier: fyne.KeyModifierShortcutDefault},
		Start:    true,
		Action: func(h host.Host) {
			before := Load(h.App().Preferences())
			Show(h.Window(), Options{Prefs: h.App().Preferences(), Keys: keys, T: h.T(),
				OnSaved: func(s Settings) {
					if s.Theme != before.Theme {
						h.SetThemeVariant(string(s.Theme))
					}
					if s.Language != before.Language {
						h.SetLanguage(authoring.Locale(s.Language))
					}
				}})
		},
	}
}

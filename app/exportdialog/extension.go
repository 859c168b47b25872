package exportdialog

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"github.com/stacklet/stacklet/app/host"
)

// Extension is File ▸ Export. The dialog exports a snapshot taken when it
// opens, with media read through the session (unsaved files included), so
// editing on while it runs is safe.
func Extension() host.Extension {
	return host.Extension{
		ID:           "export",
		Label:        "ExportTitle",
		Icon:         theme.UploadIcon(),
		Menu:         host.MenuFile,
		Shortcut:     &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault},
		NeedsProject: true,
		Action: func(h host.Host) {
			s := h.Session()
			if s == nil {
				return
			}
			bundle, err := s.L10n()
			if err != nil {
				h.ShowError(err)
				return
			}
			Show(Options{Window: h.Window(), T: h.T(), Project: s.Snapshot(), Media: s.Media(),
				Translations: bundle.Translations, Prefs: h.App().Preferences(), OpenURL: h.App().OpenURL})
		},
	}
}

package credential

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"github.com/stacklet/stacklet/app/host"
	"github.com/stacklet/stacklet/app/uikit"
)

// Extension is the credential editor as a screen of the main area, listed
// in the project sidebar and the Tools menu (Ctrl+Shift+C).
func Extension() host.Extension { return ExtensionShowing(nil) }

// ExtensionShowing is Extension calling onShow (if not nil) with each
// screen it builds, so that a screenshot script can select a field.
func ExtensionShowing(onShow func(*Screen)) host.Extension {
	return host.Extension{
		ID:           "credentials",
		Label:        "CredTitle",
		Icon:         theme.ConfirmIcon(),
		Menu:         host.MenuTools,
		Shortcut:     &desktop.CustomShortcut{KeyName: fyne.KeyC, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift},
		Sidebar:      true,
		NeedsProject: true,
		Screen: func(h host.Host) (fyne.CanvasObject, func()) {
			hist, _ := h.(uikit.History)
			s := New(Options{Window: h.Window(), T: h.T(), Session: h.Session(), History: hist,
				ShowError: h.ShowError, CurrentModule: h.CurrentModule()})
			if onShow != nil {
				onShow(s)
			}
			return s.View(), s.Close
		},
	}
}

package medialib

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"github.com/stacklet/stacklet/app/host"
)

// Extension is the media library as a screen of the main area, listed in
// the project sidebar and the Tools menu. Files dropped on the window while
// a project is open are imported, opening the library to show them.
func Extension() host.Extension { return ExtensionShowing(nil) }

// ExtensionShowing is Extension calling onShow (if not nil) with each
// library screen it builds; the screenshots command selects a file so.
func ExtensionShowing(onShow func(*Library)) host.Extension {
	var shown *Library
	return host.Extension{
		ID:           "media",
		Label:        "MediaTitle",
		Icon:         theme.MediaPhotoIcon(),
		Menu:         host.MenuTools,
		Shortcut:     &desktop.CustomShortcut{KeyName: fyne.KeyM, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift},
		Sidebar:      true,
		NeedsProject: true,
		Screen: func(h host.Host) (fyne.CanvasObject, func()) {
			shown = New(Options{Window: h.Window(), T: h.T(), Session: h.Session(),
				ShowError: h.ShowError, OpenUse: h.SelectBlock})
			lib := shown
			if onShow != nil {
				onShow(lib)
			}
			return lib.View(), func() {
				lib.Close()
				if shown == lib {
					shown = nil
				}
			}
		},
		OnDrop: func(h host.Host, uris []fyne.URI) {
			if h.Session() == nil {
				return
			}
			if shown == nil {
				h.ShowScreen("media")
			}
			if shown != nil {
				shown.ImportURIs(uris)
			}
		},
	}
}

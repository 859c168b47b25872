package previewer

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"github.com/stacklet/stacklet/app/host"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/edit"
)

// Extension is Module ▸ Preview in browser. One server runs per open
// project; choosing Preview again shows the current module on it.
func Extension() host.Extension {
	var p *Previewer
	var forSession *edit.Session
	return host.Extension{
		ID:           "preview",
		Label:        "PreviewTitle",
		Icon:         theme.VisibilityIcon(),
		Menu:         host.MenuModule,
		Shortcut:     &desktop.CustomShortcut{KeyName: fyne.KeyP, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift},
		NeedsProject: true,
		Action: func(h host.Host) {
			module := h.CurrentModule()
			if h.Session() == nil || module == "" {
				h.ShowError(&authoring.Error{Code: authoring.EINVALID, Message: h.T().S("PreviewNoModule")})
				return
			}
			if p != nil && forSession != h.Session() {
				p.Close() // the project was closed or another one opened
				p = nil
			}
			if p == nil {
				p = Start(Options{Session: h.Session(), T: h.T(), OpenURL: h.App().OpenURL, OnError: h.ShowError})
				forSession = h.Session()
			}
			p.Show(module)
		},
	}
}

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
// project; choosing Preview again shows the current module on it. The
// server stops when the project closes and speaks the interface language.
func Extension() host.Extension {
	var p *Previewer
	var forSession *edit.Session
	stop := func(host.Host) {
		if p != nil {
			p.Close()
			p, forSession = nil, nil
		}
	}
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
				stop(h) // a host that does not say when a project closes
			}
			if p == nil {
				p = Start(Options{Session: h.Session(), T: h.T(), OpenURL: h.App().OpenURL, OnError: h.ShowError})
				forSession = h.Session()
			}
			p.Show(module)
		},
		OnProjectClosed: stop,
		OnLanguageChanged: func(h host.Host) {
			if p != nil {
				p.SetLanguage(h.T())
			}
		},
	}
}

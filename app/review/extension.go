package review

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"github.com/stacklet/stacklet/app/host"
	"github.com/stacklet/stacklet/app/prefs"
	"github.com/stacklet/stacklet/i18n/aitranslate"
)

// Shortcut opens the review screen: Ctrl+Shift+L (L for languages).
var Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}

// Extension is the translation review as a screen of the main area, in the
// project sidebar and the Tools menu.
func Extension() host.Extension {
	return host.Extension{
		ID:           "review",
		Label:        "ReviewTitle",
		Icon:         theme.DocumentCreateIcon(),
		Menu:         host.MenuTools,
		Shortcut:     Shortcut,
		Sidebar:      true,
		NeedsProject: true,
		Screen: func(h host.Host) (fyne.CanvasObject, func()) {
			lp := &localePreview{app: h.App(), t: h.T(), sess: h.Session(), onError: h.ShowError}
			s := New(Options{Window: h.Window(), T: h.T(), Session: h.Session(), ShowError: h.ShowError,
				Engine:  func() (*aitranslate.Engine, error) { return EngineFromPrefs(h.App()) },
				Current: h.CurrentModule, Preview: lp.show, Saved: lp.update})
			return s.View(), func() {
				s.Close()
				lp.close()
			}
		},
	}
}

// EngineFromPrefs is the AI translator the settings and the environment
// name; pseudo-localisation when they name none.
func EngineFromPrefs(a fyne.App) (*aitranslate.Engine, error) {
	ai := prefs.ResolveAI(prefs.Load(a.Preferences()), prefs.NewKeys())
	cfg := aitranslate.Config{BaseURL: ai.BaseURL, Model: ai.Model, APIKey: ai.Key}.FromEnv(os.Getenv)
	return aitranslate.New(cfg)
}

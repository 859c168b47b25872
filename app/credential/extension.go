package credential

import (
	"strconv"
	"strings"

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
	var shown *Screen
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
			shown = s
			if onShow != nil {
				onShow(s)
			}
			return s.View(), func() {
				s.Close()
				if shown == s {
					shown = nil
				}
			}
		},
		// The media library's "where used" of a badge lands here.
		OpenField: func(h host.Host, field string) bool {
			n, rest, ok := credentialField(field)
			if !ok || h.Session() == nil {
				return false
			}
			h.ShowScreen("credentials")
			creds := h.Session().Project().Credentials
			if shown != nil && n >= 1 && n <= len(creds) {
				shown.Select(creds[n-1].ID)
				shown.focus(rest)
			}
			return true
		},
	}
}

// credentialField splits "credentials[2].image" into 2 and "image".
func credentialField(field string) (n int, rest string, ok bool) {
	after, found := strings.CutPrefix(field, "credentials[")
	if !found {
		return 0, "", false
	}
	num, rest, found := strings.Cut(after, "]")
	if !found {
		return 0, "", false
	}
	n, err := strconv.Atoi(num)
	if err != nil {
		return 0, "", false
	}
	return n, strings.TrimPrefix(rest, "."), true
}

package prefs

import (
	"strings"

	"fyne.io/fyne/v2"

	"github.com/stacklet/stacklet/app/tr"
)

// checkKeyring probes the keyring off the UI goroutine (it may wait on
// D-Bus), then shows where the key comes from.
func (s *Screen) checkKeyring() {
	s.opts.Keys.KeyringAvailable()
	fyne.Do(func() {
		s.refreshKeyStatus()
		close(s.keyChecked)
	})
}

// refreshKeyStatus says which source the key comes from, and disables key
// entry when there is nowhere safe to keep one.
func (s *Screen) refreshKeyStatus() {
	keys := s.opts.Keys
	_, source := keys.Key()
	available := keys.KeyringAvailable()
	s.KeyStatus.SetText(keyStatusText(s.opts.T, available, source))
	if available {
		s.Key.Enable()
	} else {
		s.Key.Disable()
	}
	if source == KeyFromKeyring {
		s.ForgetKey.Enable()
	} else {
		s.ForgetKey.Disable()
	}
}

func keyStatusText(t *tr.T, keyringAvailable bool, source KeySource) string {
	switch {
	case source == KeyFromKeyring:
		return t.S("PrefsAIKeyInKeyring")
	case keyringAvailable && source == KeyFromEnv:
		return t.S("PrefsAIKeyFromEnv")
	case keyringAvailable:
		return t.S("PrefsAIKeyMissing")
	case source == KeyFromEnv:
		return t.S("PrefsAIKeyNoKeyringEnv")
	default:
		return t.S("PrefsAIKeyNoKeyringMissing")
	}
}

func (s *Screen) onForgetKey() {
	if err := s.opts.Keys.SetKey(""); err != nil {
		s.KeyStatus.SetText(s.userError(err).Error())
		return
	}
	s.refreshKeyStatus()
}

func trimmed(v string) string { return strings.TrimSpace(v) }

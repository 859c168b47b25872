package prefs

import (
	"fyne.io/fyne/v2/lang"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/i18n"
)

// Languages returns the interface languages, in catalog order.
func Languages() []authoring.Locale { return i18n.UILocales() }

func knownLanguage(l string) bool {
	if l == "" {
		return true
	}
	for _, have := range Languages() {
		if string(have) == l {
			return true
		}
	}
	return false
}

// Locale is the interface language s asks for: the chosen one, or the
// system's when it follows the system.
func (s Settings) Locale() authoring.Locale {
	if s.Language != "" {
		return authoring.Locale(s.Language)
	}
	return authoring.Locale(lang.SystemLocale().String())
}

// T returns the interface strings in the language s asks for; a system
// language without a catalog gets English.
func (s Settings) T() *tr.T { return tr.New(s.Locale()) }

// languageName is a language's name in that language, from its own
// catalog, so the menu reads right to a user who cannot read the current one.
func languageName(l authoring.Locale) string { return tr.New(l).S("PrefsLanguageSelfName") }

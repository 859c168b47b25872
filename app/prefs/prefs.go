// Package prefs holds the desktop app's settings: interface language, theme
// and the AI provider. Everything but the API key lives in Fyne preferences;
// the key never does, so it cannot leak into project files, exports or a
// copied preferences file (see Keys).
package prefs

import "fyne.io/fyne/v2"

// Preference keys; changing one forgets what users chose. The app reads
// the first two at start (see /work/notes/app-api.md).
const (
	prefLanguage  = "ui.language"
	prefTheme     = "ui.theme"
	prefAIBaseURL = "ai.baseURL"
	prefAIModel   = "ai.model"
)

// Settings is what the user chose in the settings screen.
type Settings struct {
	Language  string    // a UI locale such as "pt-BR"; "" follows the system
	Theme     ThemeMode // system, light or dark
	AIBaseURL string    // "" leaves it to OPENAI_BASE_URL or the provider's default
	AIModel   string    // "" leaves it to OPENAI_MODEL
}

// Load reads the settings from p; unknown values read as their defaults.
func Load(p fyne.Preferences) Settings {
	s := Settings{
		Language:  p.String(prefLanguage),
		Theme:     ParseThemeMode(p.String(prefTheme)),
		AIBaseURL: p.String(prefAIBaseURL),
		AIModel:   p.String(prefAIModel),
	}
	if !knownLanguage(s.Language) {
		s.Language = ""
	}
	return s
}

// Save writes the settings to p.
func (s Settings) Save(p fyne.Preferences) {
	p.SetString(prefLanguage, s.Language)
	p.SetString(prefTheme, string(s.Theme))
	p.SetString(prefAIBaseURL, s.AIBaseURL)
	p.SetString(prefAIModel, s.AIModel)
}

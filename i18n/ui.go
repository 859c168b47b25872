package i18n

import (
	"embed"
	"sync"

	"github.com/stacklet/stacklet/authoring"
)

// The desktop app's strings live under ui/, one file per screen area and
// language ("editor.en.toml", "editor.es.toml"), so that areas of the app
// grow their catalogs without touching each other's files.
//
//go:embed ui/*.toml
var uiFS embed.FS

var loadUI = sync.OnceValues(func() (*catalogs, error) {
	return loadCatalogs(uiFS, "ui/*.toml")
})

// UILocales returns the languages the desktop app has catalogs for, sorted.
func UILocales() []authoring.Locale {
	c, err := loadUI()
	if err != nil {
		return nil
	}
	return append([]authoring.Locale(nil), c.locales...)
}

// UIMessageIDs returns the ids of every desktop app string, sorted.
func UIMessageIDs() []string {
	c, err := loadUI()
	if err != nil {
		return nil
	}
	return append([]string(nil), c.ids...)
}

// UIStrings returns the desktop app's strings for l, falling back as
// PlayerStrings does.
func UIStrings(l authoring.Locale) (Strings, error) {
	return stringsFrom(loadUI, "interface", l)
}

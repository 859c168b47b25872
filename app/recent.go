package app

import (
	"os"
	"path/filepath"
	"slices"
)

const (
	prefRecent = "app.recent"
	maxRecent  = 8
)

// recent lists the projects opened last that still exist, newest first.
func (a *App) recent() []string {
	var out []string
	for _, p := range a.fyne.Preferences().StringList(prefRecent) {
		if _, err := os.Stat(p); err == nil {
			out = append(out, p)
		}
	}
	return out
}

func (a *App) rememberRecent(path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	list := slices.DeleteFunc(a.fyne.Preferences().StringList(prefRecent), func(p string) bool { return p == path })
	list = append([]string{path}, list...)
	a.fyne.Preferences().SetStringList(prefRecent, list[:min(len(list), maxRecent)])
}

func (a *App) forgetRecent(path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	list := slices.DeleteFunc(a.fyne.Preferences().StringList(prefRecent), func(p string) bool { return p == path })
	a.fyne.Preferences().SetStringList(prefRecent, list)
}

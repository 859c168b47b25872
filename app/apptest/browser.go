// Package apptest holds test doubles for the desktop app's packages.
package apptest

import (
	"net/url"
	"sync"

	"fyne.io/fyne/v2"
)

// Browser is a Fyne app whose OpenURL records each address instead of
// starting the system browser, so a test can fetch what the user would see.
type Browser struct {
	fyne.App
	mu     sync.Mutex
	opened []string
}

// NewBrowser wraps a (test) app.
func NewBrowser(a fyne.App) *Browser { return &Browser{App: a} }

// OpenURL records u.
func (b *Browser) OpenURL(u *url.URL) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.opened = append(b.opened, u.String())
	return nil
}

// Last is the latest address opened, "" before the first.
func (b *Browser) Last() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.opened) == 0 {
		return ""
	}
	return b.opened[len(b.opened)-1]
}

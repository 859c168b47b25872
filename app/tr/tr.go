// Package tr translates the desktop app's strings from the catalogs in
// i18n/ui. Message ids are always string literals passed as the first
// argument of S, F or N, so that i18n/ui_test.go can find every id in use.
package tr

import (
	"fmt"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/i18n"
)

// T is the interface language.
type T struct {
	s i18n.Strings
}

// New returns the strings for l ("" or an unknown language: English).
func New(l authoring.Locale) *T {
	if l == "" {
		l = "en"
	}
	s, err := i18n.UIStrings(l)
	if err != nil {
		s, _ = i18n.UIStrings("en")
	}
	return &T{s: s}
}

// Lang is the catalog language in use.
func (t *T) Lang() authoring.Locale { return t.s.Lang() }

// S returns a plain message.
func (t *T) S(id string) string { return t.F(id, nil) }

// F returns a message filled with data.
func (t *T) F(id string, data map[string]any) string {
	msg, err := t.s.Text(id, data)
	if err != nil {
		return missing(id)
	}
	return msg
}

// N returns the plural form of a message for count; data.Count is count.
func (t *T) N(id string, count int, data map[string]any) string {
	msg, err := t.s.Plural(id, count, data)
	if err != nil {
		return missing(id)
	}
	return msg
}

// missing marks an id with no text so that it stands out on screen and in
// screenshots instead of failing silently.
func missing(id string) string { return fmt.Sprintf("⟦%s⟧", id) }

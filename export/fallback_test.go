package export_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/export"
)

// A package in a language the player has no catalog for is written, with its
// lang, and the result names the language its buttons fall back to.
func TestResultNamesThePlayerFallback(t *testing.T) {
	for _, tc := range []struct {
		source authoring.Locale
		want   authoring.Locale
	}{
		{"ja", "en"},
		{"es-MX", ""}, // the Spanish catalog serves it
		{"en", ""},
	} {
		t.Run(string(tc.source), func(t *testing.T) {
			p, media := sample(t)
			p.SourceLocale, p.TargetLocales = tc.source, nil
			results := export.WriteAll(context.Background(), []export.Job{{Project: p, ModuleID: p.Modules[0].ID,
				Format: authoring.FormatWeb, Media: media}}, t.TempDir(), nil)
			r := results[0]
			if r.Err != nil {
				t.Fatal(r.Err)
			}
			if r.PlayerFallback != tc.want {
				t.Errorf("PlayerFallback = %q, want %q", r.PlayerFallback, tc.want)
			}
			files := build(t, p, media, p.Modules[0].ID, authoring.FormatWeb)
			if page := string(file(files, "index.html")); !strings.Contains(page, `lang="`+string(tc.source)+`"`) {
				t.Errorf("the page does not carry lang=%q", tc.source)
			}
		})
	}
}

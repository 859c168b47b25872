package player

import (
	"strings"
	"testing"

	"github.com/stacklet/stacklet/authoring"
)

// TestThemeContrast: whatever accent a designer picks, button text on it and
// accent-coloured text on the page and on tinted panels pass WCAG AA.
func TestThemeContrast(t *testing.T) {
	for _, accent := range []string{"#1f5fbf", "#ffd400", "#00ff00", "#777777", "#7a7a7a", "#000000", "#ffffff", "#e4572e", "#8e44ad", "#17becf"} {
		t.Run(accent, func(t *testing.T) {
			a, err := parseHex(accent)
			if err != nil {
				t.Fatal(err)
			}
			on := onAccent(a)
			if c := contrast(mustHex(t, on.hex()), a); c < aa {
				t.Errorf("button text %s on %s: contrast %.2f", on.hex(), accent, c)
			}
			soft := mustHex(t, mix(a, white, 0.9).hex())
			ink := mustHex(t, accentInk(a, soft).hex())
			for _, bg := range []rgb{white, soft} {
				if c := contrast(ink, bg); c < aa {
					t.Errorf("accent ink %s on %s: contrast %.2f", ink.hex(), bg.hex(), c)
				}
			}
		})
	}
}

func mustHex(t *testing.T, s string) rgb {
	t.Helper()
	c, err := parseHex(s)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestThemeCSS(t *testing.T) {
	tests := []struct {
		theme authoring.Theme
		want  []string
	}{
		{authoring.Theme{Accent: "#1F5FBF", Font: authoring.FontSerif}, []string{"--accent: #1f5fbf;", "--on-accent: #ffffff;", "Georgia"}},
		{authoring.Theme{Accent: "#ffd400"}, []string{"--on-accent: #111827;", "system-ui"}},
		{authoring.Theme{Accent: "#222222", Font: authoring.FontMonospace}, []string{"--accent-ink: #222222;", "ui-monospace"}},
	}
	for _, tt := range tests {
		css, err := themeCSS(tt.theme)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(string(css), w) {
				t.Errorf("%+v: theme.css lacks %q:\n%s", tt.theme, w, css)
			}
		}
	}
	for _, f := range authoring.Fonts {
		if fontStacks[f] == "" {
			t.Errorf("font %s has no stack", f)
		}
	}
}

package player

import (
	"strings"
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/authoringtest"
)

// TestCMI5ScriptOnlyInCMI5Packages: the adapter and the wider connect-src
// its LRS needs are in cmi5 pages and nowhere else.
func TestCMI5ScriptOnlyInCMI5Packages(t *testing.T) {
	p, _ := authoringtest.Project()
	for _, format := range authoring.Formats {
		t.Run(string(format), func(t *testing.T) {
			files := render(t, p, "en", format)
			html := string(files["index.html"])
			want := format == authoring.FormatCMI5
			_, shipped := files[CMI5Script]
			checks := map[string]bool{
				"cmi5.js in the package":     shipped,
				"cmi5.js loaded by the page": strings.Contains(html, `<script src="cmi5.js" defer></script>`),
				"https: in connect-src":      strings.Contains(html, "connect-src 'self' https:;"),
			}
			for what, got := range checks {
				if got != want {
					t.Errorf("%s: %v, want %v", what, got, want)
				}
			}
			if want && strings.Index(html, `src="cmi5.js"`) > strings.Index(html, `src="player.js"`) {
				t.Error("cmi5.js must run before player.js, which calls it")
			}
		})
	}
}

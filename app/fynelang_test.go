package app

import (
	"bytes"
	"log"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestNoLocaleNoiseUnderCUTF8: under LANG=C.UTF-8 starting the app logs no
// "Error parsing user locale C"; a real locale or a LANGUAGE the user set
// is left as it is.
func TestNoLocaleNoiseUnderCUTF8(t *testing.T) {
	cases := []struct {
		lang, language, wantLanguage string
	}{
		{"C.UTF-8", "", "en"},
		{"POSIX.UTF-8", "", "en"},
		{"C", "", ""},
		{"de_DE.UTF-8", "", ""},
		{"C.UTF-8", "fr", "fr"},
	}
	for _, c := range cases {
		t.Run(c.lang+"/"+c.language, func(t *testing.T) {
			t.Setenv("LC_ALL", "")
			t.Setenv("LC_MESSAGES", "")
			t.Setenv("LANG", c.lang)
			t.Setenv("LANGUAGE", c.language)
			var logged bytes.Buffer
			log.SetOutput(&logged)
			defer log.SetOutput(os.Stderr)
			New(test.NewTempApp(t), Options{Language: "de"})
			if strings.Contains(logged.String(), "user locale") {
				t.Errorf("Fyne logged:\n%s", logged.String())
			}
			if got := os.Getenv("LANGUAGE"); got != c.wantLanguage {
				t.Errorf("LANGUAGE = %q, want %q", got, c.wantLanguage)
			}
		})
	}
}

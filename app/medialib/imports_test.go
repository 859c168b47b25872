package medialib

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/authoring"
)

// TestReadRefusalsSpeakTheInterfaceLanguage: what readURI refuses is listed
// in the import failure dialog, so it is in the designer's language.
func TestReadRefusalsSpeakTheInterfaceLanguage(t *testing.T) {
	a := test.NewApp()
	t.Cleanup(a.Quit)
	dir := t.TempDir()
	tests := []struct {
		name, id string
		uri      fyne.URI
		code     string
	}{
		{"Folder", "MediaImportFolder", storage.NewFileURI(dir), authoring.EINVALID},
		{"Missing", "MediaImportCannotOpen", storage.NewFileURI(filepath.Join(dir, "gone.png")), authoring.ENOTFOUND},
	}
	for _, lang := range []authoring.Locale{"de", "es", "fr", "id", "pt-BR"} {
		for _, tt := range tests {
			t.Run(string(lang)+"/"+tt.name, func(t *testing.T) {
				tl := tr.New(lang)
				_, err := readURI(tl, tt.uri)
				if authoring.ErrorCode(err) != tt.code {
					t.Fatalf("error %v, want code %s", err, tt.code)
				}
				// The catalog text up to the system's detail, if it has one.
				want, _, _ := strings.Cut(tl.F(tt.id, map[string]any{"Detail": "\x00"}), "\x00")
				english, _, _ := strings.Cut(tr.New("en").F(tt.id, map[string]any{"Detail": "\x00"}), "\x00")
				if want == english {
					t.Fatalf("%s is not translated in %s", tt.id, lang)
				}
				if got := authoring.ErrorMessage(err); !strings.HasPrefix(got, want) {
					t.Errorf("refusal %q, want it to start with %q", got, want)
				}
			})
		}
	}
}

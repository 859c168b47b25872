package review

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app"
	"github.com/stacklet/stacklet/app/host"
	"github.com/stacklet/stacklet/assets"
	"github.com/stacklet/stacklet/authoring/jsondump"
	"github.com/stacklet/stacklet/authoring/sqlite"
)

// TestExtensionInTheApp opens the sample in the app with the extension and
// shows the screen, in German: the labels come from the catalog.
func TestExtensionInTheApp(t *testing.T) {
	fa := test.NewTempApp(t)
	path := sampleFile(t)
	a := app.New(fa, app.Options{Extensions: []host.Extension{Extension()}, Language: "de"})
	a.Window().Resize(fyne.NewSize(1280, 820))
	a.OpenProject(path)
	a.ShowScreen("review")
	found := false
	for _, o := range test.LaidOutObjects(a.Window().Content()) {
		if lab, ok := o.(*widget.Label); ok && lab.Text == "Übersetzungsprüfung" {
			found = true
		}
	}
	if !found {
		t.Error("the review screen is not on show with its German title")
	}
}

// sampleFile writes the bundled sample to a project file of its own.
func sampleFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sample.stacklet")
	p, media, err := jsondump.ReadFS(assets.SampleFS())
	if err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Create(ctx, path, p)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Replace(ctx, p, media); err != nil {
		t.Fatal(err)
	}
	st.Close()
	return path
}

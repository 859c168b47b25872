package review

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app"
	"github.com/stacklet/stacklet/app/apptest"
	"github.com/stacklet/stacklet/app/host"
	"github.com/stacklet/stacklet/assets"
	"github.com/stacklet/stacklet/authoring/jsondump"
	"github.com/stacklet/stacklet/authoring/sqlite"
	"github.com/stacklet/stacklet/internal/testenv"
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

// TestPreviewInLocaleThroughTheApp presses "Preview in Arabic" on the
// app's review screen: a browser opens on a right-to-left Arabic package of
// the module in the filter, and a translation saved afterwards reaches the
// open preview.
func TestPreviewInLocaleThroughTheApp(t *testing.T) {
	fa := apptest.NewBrowser(test.NewTempApp(t))
	a := app.New(fa, app.Options{Extensions: []host.Extension{Extension()}, Language: "en"})
	a.Window().Resize(fyne.NewSize(1280, 820))
	a.OpenProject(sampleFile(t))
	a.ShowScreen("review")
	reviews := laidOut[*widget.Button](a.Window(), func(b *widget.Button) bool { return b.Text == "Review" })
	if len(reviews) != 2 {
		t.Fatalf("%d Review buttons on the landing, want one per target language", len(reviews))
	}
	test.Tap(reviews[1]) // Arabic, the second target language
	module := a.Session().Project().Modules[1]
	pick := laidOut[*widget.Select](a.Window(), func(s *widget.Select) bool { return slices.Contains(s.Options, module.Title) })
	if len(pick) != 1 {
		t.Fatal("no module filter")
	}
	pick[0].SetSelected(module.Title)
	test.Tap(laidOut[*widget.Button](a.Window(), func(b *widget.Button) bool { return b.Text == "Preview in Arabic" })[0])

	var base string
	testenv.Eventually(t, "a browser opened", func() string { base = fa.Last(); return base }, func(s string) bool { return s != "" })
	page := func() string { return testenv.Body(base + "pkg/index.html") }
	testenv.Eventually(t, "an Arabic page, right to left", page, func(s string) bool {
		return strings.Contains(s, `lang="ar"`) && strings.Contains(s, `dir="rtl"`)
	})

	// The module's title is its first text: translate it, leave the field.
	entry := laidOut[*targetEntry](a.Window(), func(*targetEntry) bool { return true })[0]
	a.Window().Canvas().Focus(entry)
	entry.SetText("عنوان للمعاينة")
	a.Window().Canvas().Unfocus()
	testenv.Eventually(t, "the saved title in the preview", page, func(s string) bool { return strings.Contains(s, "عنوان للمعاينة") })
}

// laidOut finds the widgets of type W on the window that match.
func laidOut[W fyne.CanvasObject](w fyne.Window, match func(W) bool) []W {
	var out []W
	for _, o := range test.LaidOutObjects(w.Content()) {
		if x, ok := o.(W); ok && o.Visible() && match(x) {
			out = append(out, x)
		}
	}
	return out
}

package credential

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/stacklet/stacklet/app"
	"github.com/stacklet/stacklet/app/host"
)

// TestInTheApp opens the screen the way the designer does: the sample in
// the real app window, then the credentials screen from the host; typing
// there and Ctrl+Z reach the project through the app.
func TestInTheApp(t *testing.T) {
	f := newFixture(t, "en") // a real .stacklet file of the sample
	if err := f.sess.Close(); err != nil {
		t.Fatal(err)
	}
	fa := test.NewApp()
	t.Cleanup(fa.Quit)
	var shown *Screen
	a := app.New(fa, app.Options{Language: "en", Extensions: []host.Extension{ExtensionShowing(func(s *Screen) { shown = s })}})
	a.Window().Resize(fyne.NewSize(1280, 800))
	a.OpenProject(f.path)
	if a.Session() == nil {
		t.Fatal("the sample did not open")
	}
	t.Cleanup(func() { a.Session().Close() })
	a.ShowScreen("credentials")
	if shown == nil || shown.Editing() != "micro-credentials-essentials" {
		t.Fatal("the credentials screen did not show the sample's credential")
	}
	e := shown.Field("nationalLevel")
	test.Type(e, "NFQ 6")
	if got := a.Session().Project().Credentials[0].NationalLevel; got != "NFQ 6" {
		t.Fatalf("national level %q", got)
	}
	a.Undo()
	if got := a.Session().Project().Credentials[0].NationalLevel; got != "" {
		t.Fatalf("after undo national level %q", got)
	}
	if dir := os.Getenv("CRED_SHOTS"); dir != "" {
		out, err := os.Create(filepath.Join(dir, "credential-app.png"))
		if err != nil {
			t.Fatal(err)
		}
		defer out.Close()
		if err := png.Encode(out, a.Window().Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
	}
}

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
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/edit"
)

// TestInTheApp opens the screen the way the designer does: the sample in
// the real app window, then the credentials screen from the host; typing
// there and Ctrl+Z reach the project through the app.
func TestInTheApp(t *testing.T) {
	f := newFixture(t, "en") // a real .stacklet file of the sample
	a, shown := openInApp(t, f)
	a.ShowScreen("credentials")
	if shown() == nil || shown().Editing() != "micro-credentials-essentials" {
		t.Fatal("the credentials screen did not show the sample's credential")
	}
	e := shown().Field("nationalLevel")
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

// TestWhereUsedOpensTheCredential: "where used" of a badge in the media
// library (host.SelectBlock with the use edit.MediaUses gives) shows the
// credential that uses it with the badge picker focused, and the module on
// show stays the current one.
func TestWhereUsedOpensTheCredential(t *testing.T) {
	f := newFixture(t, "en")
	err := f.sess.EditProject(edit.Field("credentials"), func(p *authoring.Project) {
		second := p.Credentials[0]
		second.ID, second.Title = "second-badge", "Second badge"
		p.Credentials = append(p.Credentials, second)
	})
	if err != nil {
		t.Fatal(err)
	}
	a, shown := openInApp(t, f)
	module := a.CurrentModule()
	if module == "" {
		t.Fatal("no module on show after opening the sample")
	}
	p := a.Session().Project()
	var use *edit.Use
	for _, u := range edit.MediaUses(p, p.Credentials[1].Image) {
		if u.Field == "credentials[2].image" {
			use = &u
		}
	}
	if use == nil {
		t.Fatalf("uses of the badge %v have no credentials[2].image", edit.MediaUses(p, p.Credentials[1].Image))
	}
	a.SelectBlock(use.ModuleID, use.BlockID, use.Field)
	if shown() == nil || shown().Editing() != "second-badge" {
		t.Fatalf("where used did not open the second credential (shown %v)", shown() != nil)
	}
	if got, want := a.Window().Canvas().Focused(), shown().Field("image"); got == nil || got != want {
		t.Errorf("focused %T, want the badge picker", got)
	}
	if got := a.CurrentModule(); got != module {
		t.Errorf("current module became %q, want %q", got, module)
	}
}

// openInApp closes the fixture's session and opens its project file in the
// real app with the credentials extension; shown returns the screen it
// last showed.
func openInApp(t *testing.T, f *fixture) (a *app.App, shown func() *Screen) {
	t.Helper()
	if err := f.sess.Close(); err != nil {
		t.Fatal(err)
	}
	fa := test.NewApp()
	t.Cleanup(fa.Quit)
	var last *Screen
	a = app.New(fa, app.Options{Language: "en", Extensions: []host.Extension{ExtensionShowing(func(s *Screen) { last = s })}})
	a.Window().Resize(fyne.NewSize(1280, 800))
	a.OpenProject(f.path)
	if a.Session() == nil {
		t.Fatal("the sample did not open")
	}
	t.Cleanup(func() { a.Session().Close() })
	return a, func() *Screen { return last }
}

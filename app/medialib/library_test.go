package medialib

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/assets"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/authoringtest"
	"github.com/stacklet/stacklet/authoring/edit"
	"github.com/stacklet/stacklet/authoring/jsondump"
	"github.com/stacklet/stacklet/authoring/sqlite"
)

// fixture is the sample project in a real .stacklet file, open in a session
// and shown in the library.
type fixture struct {
	lib    *Library
	sess   *edit.Session
	path   string
	errors []error
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	a := test.NewApp()
	t.Cleanup(a.Quit)
	ctx := context.Background()
	src, media, err := jsondump.ReadFS(assets.SampleFS())
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sample.stacklet")
	store, err := sqlite.Create(ctx, path, src)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Replace(ctx, src, media); err != nil {
		t.Fatal(err)
	}
	p, err := store.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{sess: edit.New(p, store, edit.Options{}), path: path}
	t.Cleanup(func() { f.sess.Close() })
	f.lib = New(Options{Window: a.NewWindow(""), T: tr.New("en"), Session: f.sess,
		ShowError: func(err error) { f.errors = append(f.errors, err) },
		Confirm:   func(_, _ string, yes func()) { yes() }})
	f.lib.thumbs.Inline = true
	t.Cleanup(f.lib.Close)
	return f
}

// reopen flushes the session and loads the project file afresh.
func (f *fixture) reopen(t *testing.T) *authoring.Project {
	t.Helper()
	if err := f.sess.Flush(); err != nil {
		t.Fatal(err)
	}
	store, err := sqlite.Open(context.Background(), f.path)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	p, err := store.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func (f *fixture) importFiles(t *testing.T, files map[string][]byte) importResult {
	t.Helper()
	dir := t.TempDir()
	var uris []fyne.URI
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		uris = append(uris, storage.NewFileURI(path))
	}
	f.lib.ImportURIs(uris)
	select {
	case r := <-f.lib.imported:
		return r
	case <-time.After(20 * time.Second):
		t.Fatal("import did not finish")
		return importResult{}
	}
}

func (f *fixture) item(t *testing.T, name string) item {
	t.Helper()
	for _, it := range f.lib.items {
		if it.Name == name {
			return it
		}
	}
	t.Fatalf("no %s in the library", name)
	return item{}
}

func TestListShowsEveryFileWithItsUses(t *testing.T) {
	f := newFixture(t)
	p := f.sess.Project()
	if len(f.lib.items) != len(p.Media) {
		t.Fatalf("%d rows, want %d", len(f.lib.items), len(p.Media))
	}
	logo := f.item(t, "logo.svg")
	f.lib.Select(logo.Hash)
	if f.lib.Name.Text != "logo.svg" || len(f.lib.Uses.Objects) == 0 {
		t.Fatalf("detail shows %q with %d uses", f.lib.Name.Text, len(f.lib.Uses.Objects))
	}
	if !f.lib.Remove.Disabled() {
		t.Error("a used file can be removed")
	}
}

func TestImportAcceptsMediaAndExplainsRefusals(t *testing.T) {
	f := newFixture(t)
	before := len(f.sess.Project().Media)
	res := f.importFiles(t, map[string][]byte{
		"new-dot.png": authoringtest.PNG,
		"talk.vtt":    []byte("WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n"),
		"notes.txt":   []byte("not media"),
		"fake.png":    []byte("WEBVTT\n"),
	})
	if len(res.added) != 2 || len(res.failed) != 2 {
		t.Fatalf("added %v, failed %v", res.added, res.failed)
	}
	if len(f.errors) != 1 || authoring.ErrorCode(f.errors[0]) != authoring.EINVALID {
		t.Fatalf("errors shown: %v", f.errors)
	}
	for _, name := range []string{"notes.txt", "fake.png"} {
		if !strings.Contains(authoring.ErrorMessage(f.errors[0]), name) {
			t.Errorf("error does not name %s: %v", name, f.errors[0])
		}
	}
	if got := len(f.reopen(t).Media); got != before+2 {
		t.Errorf("project file has %d media, want %d", got, before+2)
	}
	if f.lib.RemoveUnused.Disabled() {
		t.Error("remove unused disabled with two unused files")
	}
}

func TestRemoveUnusedKeepsUsedFiles(t *testing.T) {
	f := newFixture(t)
	used := len(f.sess.Project().Media) - len(unused(f.lib.items))
	f.importFiles(t, map[string][]byte{"extra.png": authoringtest.PNG})
	all := len(f.sess.Project().Media)
	test.Tap(f.lib.RemoveUnused)
	if got := len(f.reopen(t).Media); got != used {
		t.Errorf("%d media left, want the %d used ones", got, used)
	}
	if !f.lib.RemoveUnused.Disabled() {
		t.Error("remove unused still enabled")
	}
	if err := f.sess.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := len(f.sess.Project().Media); got != all {
		t.Errorf("one undo brought back %d media, want %d", got, all)
	}
}

func TestReplaceRepointsEveryUse(t *testing.T) {
	f := newFixture(t)
	old := f.item(t, "banner.png")
	if len(old.Uses) == 0 {
		t.Fatal("banner.png is not used in the sample")
	}
	m, err := f.lib.replace(old.Media, "banner-v2.png", authoringtest.PNG)
	if err != nil {
		t.Fatal(err)
	}
	p := f.reopen(t)
	if _, ok := p.MediaByHash(old.Hash); ok {
		t.Error("old file still in the project")
	}
	if got := len(edit.MediaUses(p, m.Hash)); got != len(old.Uses) {
		t.Errorf("new file used %d times, want %d", got, len(old.Uses))
	}
}

func TestReplaceRefusesAnotherKind(t *testing.T) {
	f := newFixture(t)
	old := f.item(t, "banner.png")
	_, err := f.lib.replace(old.Media, "talk.vtt", authoringtest.VTT)
	if authoring.ErrorCode(err) != authoring.EINVALID {
		t.Fatalf("code %q, want invalid", authoring.ErrorCode(err))
	}
	if _, ok := f.sess.Project().MediaByHash(old.Hash); !ok {
		t.Error("refused replace removed the old file")
	}
}

func TestThumbnailsAreScaled(t *testing.T) {
	f := newFixture(t)
	banner := f.item(t, "banner.png")
	f.lib.Select(banner.Hash)
	img := f.lib.Preview.Image
	if img == nil {
		t.Fatal("no thumbnail for a PNG")
	}
	if b := img.Bounds(); b.Dx() > thumbSize || b.Dy() > thumbSize {
		t.Errorf("thumbnail is %v", b)
	}
}

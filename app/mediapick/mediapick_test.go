package mediapick

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/png"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/stacklet/stacklet/app/mediafile"
	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/authoringtest"
	"github.com/stacklet/stacklet/authoring/edit"
	"github.com/stacklet/stacklet/authoring/sqlite"
)

// TestBadgePickerOffersOnlyPNGAndSVG: Open Badges 3.0 images are PNG or
// SVG, so the badge picker lists nothing else while an image block's
// picker takes every image type.
func TestBadgePickerOffersOnlyPNGAndSVG(t *testing.T) {
	cases := []struct {
		name, typ   string
		badge, pict bool
	}{
		{"seal.png", "image/png", true, true},
		{"seal.svg", "image/svg+xml", true, true},
		{"photo.jpg", "image/jpeg", false, true},
		{"anim.gif", "image/gif", false, true},
		{"photo.webp", "image/webp", false, true},
		{"talk.mp3", "audio/mpeg", false, false},
	}
	for _, c := range cases {
		m := authoring.Media{Name: c.name, Type: c.typ}
		if got := Suits("badge", m); got != c.badge {
			t.Errorf("badge picker takes %s: %v, want %v", c.name, got, c.badge)
		}
		if got := Suits("image", m); got != c.pict {
			t.Errorf("image picker takes %s: %v, want %v", c.name, got, c.pict)
		}
	}
	for _, ext := range extensions["badge"] {
		if ext != ".png" && ext != ".svg" {
			t.Errorf("the badge file dialog offers %s", ext)
		}
	}
}

// gatedStore reads media bytes only once open is closed, so a test sees
// what a picker shows while its thumbnail is still being made.
type gatedStore struct {
	authoring.Store
	open chan struct{}
}

func (g gatedStore) ReadMedia(ctx context.Context, hash string) ([]byte, error) {
	<-g.open
	return g.Store.ReadMedia(ctx, hash)
}

// fixture is a project in a real .stacklet file with a large photo, open
// in a session whose media reads wait for the gate.
type fixture struct {
	c      Context
	gate   gatedStore
	photo  authoring.Media
	errors chan error
}

func newFixture(t *testing.T, lang authoring.Locale) *fixture {
	t.Helper()
	a := test.NewApp()
	t.Cleanup(a.Quit)
	ctx := context.Background()
	p, media := authoringtest.Project()
	store, err := sqlite.Create(ctx, filepath.Join(t.TempDir(), "p.stacklet"), p)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Replace(ctx, p, media); err != nil {
		t.Fatal(err)
	}
	photo, err := store.AddMedia(ctx, "photo.png", largePNG(t, 2400, 1600))
	if err != nil {
		t.Fatal(err)
	}
	if p, err = store.Load(ctx); err != nil {
		t.Fatal(err)
	}
	f := &fixture{gate: gatedStore{Store: store, open: make(chan struct{})}, photo: photo, errors: make(chan error, 1)}
	sess := edit.New(p, f.gate, edit.Options{})
	t.Cleanup(func() { sess.Close() })
	f.c = Context{T: tr.New(lang), Session: sess, Window: a.NewWindow(""),
		OnError: func(err error) { f.errors <- err }}
	return f
}

func (f *fixture) openGate() {
	select {
	case <-f.gate.open:
	default:
		close(f.gate.open)
	}
}

func largePNG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y += 5 {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{R: uint8(x), G: uint8(y), B: 160, A: 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// freshThumbs gives the test its own thumbnail cache and a channel hearing
// each finished thumbnail.
func freshThumbs(t *testing.T) chan string {
	ready := make(chan string, 8)
	old := thumbs
	thumbs = mediafile.NewThumbs(192, 300)
	thumbs.OnReady = func(h string) { ready <- h }
	t.Cleanup(func() { thumbs = old })
	return ready
}

// TestPickerShowsLargeImagesWithoutReadingThem: building the logo picker
// and the library dialog neither reads nor decodes a large photo on the
// calling (UI) goroutine: the image icon stands in until a scaled
// thumbnail made elsewhere replaces it.
func TestPickerShowsLargeImagesWithoutReadingThem(t *testing.T) {
	f := newFixture(t, "en")
	ready := freshThumbs(t)
	defer f.openGate()

	var p *Picker
	built := make(chan struct{})
	go func() {
		p = New(f.c, "image", f.photo.Hash, true, func(string) {})
		newLibrary(f.c, "image", true, func(string) {})
		close(built)
	}()
	select {
	case <-built:
	case <-time.After(5 * time.Second):
		t.Fatal("building the picker waited for the photo to be read")
	}
	img := p.thumb.Objects[0].(*canvas.Image)
	if img.Image != nil || img.Resource != KindIcon("image") {
		t.Fatalf("before the photo is read the picker shows %v / %v, want the image icon", img.Image, img.Resource)
	}

	f.openGate()
	deadline := time.After(20 * time.Second)
	for {
		select {
		case h := <-ready:
			if h != f.photo.Hash {
				continue // the dialog's other images
			}
		case <-deadline:
			t.Fatal("the photo's thumbnail never came")
		}
		break
	}
	if img.Image == nil {
		t.Fatal("the icon was not replaced by the photo")
	}
	if b := img.Image.Bounds(); b.Dx() > 192 || b.Dy() > 192 {
		t.Errorf("the picker holds a %v bitmap, want it scaled to 192", b)
	}
}

// TestImportRunsOffTheCallingGoroutine: while the chosen file is read the
// import button is disabled and progress shows; the file then lands in the
// library and is picked.
func TestImportRunsOffTheCallingGoroutine(t *testing.T) {
	f := newFixture(t, "en")
	f.openGate()
	picked := make(chan string, 1)
	l := newLibrary(f.c, "image", true, func(h string) { picked <- h })
	newPNG := largePNG(t, 3, 2)
	r, w := io.Pipe()

	l.importFrom("/home/ana/new.png", r) // returns although nothing is written yet
	if !l.Import.Disabled() || !l.Progress.Visible() || !strings.Contains(l.Status.Text, "new.png") {
		t.Fatalf("while reading: import disabled %v, progress shown %v, status %q",
			l.Import.Disabled(), l.Progress.Visible(), l.Status.Text)
	}
	l.importFrom("other.png", io.NopCloser(strings.NewReader("x"))) // refused while busy
	if _, err := w.Write(newPNG); err != nil {
		t.Fatal(err)
	}
	w.Close()

	var hash string
	select {
	case hash = <-picked:
	case err := <-f.errors:
		t.Fatalf("import failed: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("the import never finished")
	}
	m, ok := f.c.Session.Project().MediaByHash(hash)
	if !ok || m.Name != "new.png" || m.Hash != authoring.HashMedia(newPNG) {
		t.Errorf("picked %s (%+v in the library: %v), want new.png's bytes", hash, m, ok)
	}
	if l.Import.Disabled() || l.Progress.Visible() || l.Status.Visible() {
		t.Error("the import button or progress stayed busy after the import")
	}
}

// TestImportRefusesOversizedFiles: a file over the media library's limit
// is refused in the interface language and adds nothing.
func TestImportRefusesOversizedFiles(t *testing.T) {
	old := maxImport
	maxImport = 1000
	t.Cleanup(func() { maxImport = old })
	if old != mediafile.MaxSize {
		t.Fatalf("the picker's limit is %d, want the library's %d", old, mediafile.MaxSize)
	}
	for _, lang := range []authoring.Locale{"en", "de", "es", "fr", "id", "pt-BR"} {
		t.Run(string(lang), func(t *testing.T) {
			f := newFixture(t, lang)
			f.openGate()
			before := len(f.c.Session.Project().Media)
			l := newLibrary(f.c, "video", false, func(h string) { t.Errorf("picked %s", h) })
			l.importFrom("lecture.mp4", io.NopCloser(bytes.NewReader(make([]byte, 1001))))
			var err error
			select {
			case err = <-f.errors:
			case <-time.After(10 * time.Second):
				t.Fatal("no refusal")
			}
			if authoring.ErrorCode(err) != authoring.EINVALID {
				t.Fatalf("error %v, want code %s", err, authoring.EINVALID)
			}
			if got, want := authoring.ErrorMessage(err), f.c.T.S("MediaImportTooLarge"); got != want {
				t.Errorf("refusal %q, want %q", got, want)
			}
			if n := len(f.c.Session.Project().Media); n != before {
				t.Errorf("library has %d files, want %d", n, before)
			}
			if l.Import.Disabled() {
				t.Error("the import button stayed disabled after the refusal")
			}
		})
	}
}

// TestImportRefusalSpeaksTheInterfaceLanguage: a file that cannot be read is
// refused in the designer's language, naming the file and the reason.
func TestImportRefusalSpeaksTheInterfaceLanguage(t *testing.T) {
	for _, lang := range []authoring.Locale{"en", "de", "es", "fr", "id", "pt-BR"} {
		t.Run(string(lang), func(t *testing.T) {
			f := newFixture(t, lang)
			errs := make(chan error, 1)
			Import(f.c, "/home/ana/logo.png", io.NopCloser(iotest.ErrReader(errors.New("disk gone"))),
				func(_ authoring.Media, err error) { errs <- err })
			err := <-errs
			if authoring.ErrorCode(err) != authoring.EINVALID {
				t.Fatalf("error %v, want code %s", err, authoring.EINVALID)
			}
			want := f.c.T.F("PickCannotRead", map[string]any{"Name": "logo.png", "Detail": "disk gone"})
			if got := authoring.ErrorMessage(err); got != want || !strings.Contains(got, "logo.png") {
				t.Errorf("refusal %q, want %q", got, want)
			}
		})
	}
}

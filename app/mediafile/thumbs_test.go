package mediafile

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/stacklet/stacklet/authoring"
)

// gatedMedia serves files once open is closed, so a test sees what a
// screen shows while a thumbnail is still being made.
type gatedMedia struct {
	files map[string][]byte
	open  chan struct{}
}

func (g gatedMedia) ReadMedia(_ context.Context, hash string) ([]byte, error) {
	<-g.open
	if data, ok := g.files[hash]; ok {
		return data, nil
	}
	return nil, authoring.Errorf(authoring.ENOTFOUND, "no media %s", hash)
}

func pngFile(t *testing.T, name string, w, h int) (authoring.Media, []byte) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y += 7 {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{R: uint8(x), G: 90, B: 200, A: 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	m, err := authoring.NewMedia(name, buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return m, buf.Bytes()
}

func TestThumbnailsAreScaled(t *testing.T) {
	tests := []struct {
		name string
		w, h int
		size int
	}{
		{"Wide", 1200, 300, 256},
		{"Tall", 300, 1200, 128},
		{"Small", 40, 30, 256},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, data := pngFile(t, "p.png", tt.w, tt.h)
			th := makeThumb(gatedMedia{files: map[string][]byte{m.Hash: data}, open: closed()}, m, tt.size)
			if th.img == nil {
				t.Fatal("no thumbnail for a PNG")
			}
			b := th.img.Bounds()
			if b.Dx() > tt.size || b.Dy() > tt.size {
				t.Errorf("thumbnail is %v, want within %d", b, tt.size)
			}
			if (tt.w > tt.h) != (b.Dx() > b.Dy()) {
				t.Errorf("thumbnail %v lost the %dx%d proportions", b, tt.w, tt.h)
			}
		})
	}
}

// TestShowMakesThumbnailsOffTheCallingGoroutine: Show returns at once with
// the kind icon while the file cannot even be read yet; the thumbnail
// replaces the icon once it is made.
func TestShowMakesThumbnailsOffTheCallingGoroutine(t *testing.T) {
	a := test.NewApp()
	defer a.Quit()
	m, data := pngFile(t, "photo.png", 3000, 2000)
	media := gatedMedia{files: map[string][]byte{m.Hash: data}, open: make(chan struct{})}
	c := NewThumbs(128, 0)
	ready := make(chan string, 1)
	c.OnReady = func(h string) { ready <- h }
	img := canvas.NewImageFromResource(nil)

	shown := make(chan struct{})
	go func() { c.Show(img, media, m); close(shown) }()
	select {
	case <-shown:
	case <-time.After(5 * time.Second):
		close(media.open)
		t.Fatal("Show waited for the file to be read")
	}
	if img.Image != nil || img.Resource != KindIcon("image") {
		t.Fatalf("while loading the image shows %v / %v, want the image icon", img.Image, img.Resource)
	}
	close(media.open)
	select {
	case h := <-ready:
		if h != m.Hash {
			t.Fatalf("ready for %s, want %s", h, m.Hash)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the thumbnail never came")
	}
	if img.Image == nil {
		t.Fatal("the icon was not replaced by the thumbnail")
	}
	if b := img.Image.Bounds(); b.Dx() != 128 {
		t.Errorf("thumbnail is %v, want 128 wide", b)
	}
}

// TestRecycledImageKeepsItsNewFile: a list row shown for another file
// while the first one loads must not get the first file's thumbnail.
func TestRecycledImageKeepsItsNewFile(t *testing.T) {
	a := test.NewApp()
	defer a.Quit()
	photo, data := pngFile(t, "photo.png", 300, 200)
	talk := authoring.Media{Hash: "ab", Name: "talk.mp3", Type: "audio/mpeg"}
	media := gatedMedia{files: map[string][]byte{photo.Hash: data}, open: make(chan struct{})}
	c := NewThumbs(64, 0)
	ready := make(chan string, 1)
	c.OnReady = func(h string) { ready <- h }
	img := canvas.NewImageFromResource(nil)
	c.Show(img, media, photo)
	c.Show(img, media, talk)
	close(media.open)
	<-ready
	if img.Image != nil || img.Resource != KindIcon("audio") {
		t.Errorf("the row shows %v / %v, want the audio icon", img.Image, img.Resource)
	}
	c.Show(img, media, photo) // made now: shown at once
	if img.Image == nil {
		t.Error("a made thumbnail was not shown")
	}
}

func TestLimitDropsTheOldestThumbnails(t *testing.T) {
	c := NewThumbs(16, 2)
	c.Inline = true
	files := map[string][]byte{}
	var ms []authoring.Media
	for i, name := range []string{"a.png", "b.png", "c.png"} {
		m, data := pngFile(t, name, 10+i, 10)
		files[m.Hash] = data
		ms = append(ms, m)
	}
	media := gatedMedia{files: files, open: closed()}
	for _, m := range ms {
		c.Show(canvas.NewImageFromResource(nil), media, m)
	}
	if _, ok := c.done[ms[0].Hash]; ok || len(c.done) != 2 {
		t.Errorf("kept %d thumbnails (first kept: %v), want the latest 2", len(c.done), ok)
	}
}

func TestReadAllRefusesOverTheLimit(t *testing.T) {
	tests := []struct {
		name  string
		size  int
		limit int64
		err   error
	}{
		{"Under", 99, 100, nil},
		{"AtTheLimit", 100, 100, nil},
		{"Over", 101, 100, ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := ReadAll(strings.NewReader(strings.Repeat("x", tt.size)), tt.limit)
			if !errors.Is(err, tt.err) {
				t.Fatalf("error %v, want %v", err, tt.err)
			}
			if err == nil && len(data) != tt.size {
				t.Errorf("read %d bytes, want %d", len(data), tt.size)
			}
		})
	}
}

func closed() chan struct{} {
	c := make(chan struct{})
	close(c)
	return c
}

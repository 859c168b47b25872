package medialib

import (
	"bytes"
	"context"
	"image"
	_ "image/gif"  // decoders for the library's image types
	_ "image/jpeg" //
	_ "image/png"  //
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/draw"
	_ "golang.org/x/image/webp" // WebP is an allowed image type

	"github.com/stacklet/stacklet/authoring"
)

// thumbSize bounds a thumbnail's longer side in pixels; scaling once keeps
// a library of large photos from holding every full bitmap in memory.
const thumbSize = 256

// thumbs makes and caches thumbnails off the UI goroutine. Media is stored
// by content hash, so a thumbnail never goes stale.
type thumbs struct {
	media   authoring.MediaSource
	changed func(hash string) // on the UI goroutine once a thumbnail is ready
	// inline makes thumbnails on the caller's goroutine: Fyne's test
	// driver runs fyne.Do right on the loading goroutine, beside the test.
	inline bool

	mu      sync.Mutex
	done    map[string]thumb
	loading map[string]bool
}

// thumb is a scaled bitmap, or the file itself for SVG (Fyne draws it at
// any size), or nothing when the bytes would not decode.
type thumb struct {
	img image.Image
	res fyne.Resource
}

func newThumbs(media authoring.MediaSource, changed func(string)) *thumbs {
	return &thumbs{media: media, changed: changed, done: map[string]thumb{}, loading: map[string]bool{}}
}

// show puts m's picture into img: its thumbnail when ready, else the
// generic icon of its kind while the thumbnail loads.
func (c *thumbs) show(img *canvas.Image, m authoring.Media) {
	img.Image, img.Resource = nil, kindIcon(m)
	if m.MediaKind() == "image" {
		if th, ok := c.get(m); ok && (th.img != nil || th.res != nil) {
			img.Image, img.Resource = th.img, th.res
		}
	}
	img.Refresh()
}

func (c *thumbs) get(m authoring.Media) (thumb, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if th, ok := c.done[m.Hash]; ok {
		return th, true
	}
	if c.inline {
		c.done[m.Hash] = makeThumb(c.media, m)
		return c.done[m.Hash], true
	}
	if !c.loading[m.Hash] {
		c.loading[m.Hash] = true
		go c.load(m)
	}
	return thumb{}, false
}

func (c *thumbs) load(m authoring.Media) {
	th := makeThumb(c.media, m)
	c.mu.Lock()
	c.done[m.Hash] = th
	delete(c.loading, m.Hash)
	c.mu.Unlock()
	fyne.Do(func() { c.changed(m.Hash) })
}

func makeThumb(media authoring.MediaSource, m authoring.Media) thumb {
	data, err := media.ReadMedia(context.Background(), m.Hash)
	if err != nil {
		return thumb{}
	}
	if m.Type == "image/svg+xml" {
		return thumb{res: fyne.NewStaticResource(m.Name, data)}
	}
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return thumb{}
	}
	return thumb{img: scaleDown(src, thumbSize)}
}

// scaleDown fits src into a max x max box, keeping its proportions.
func scaleDown(src image.Image, max int) image.Image {
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= max && h <= max {
		return src
	}
	if w >= h {
		w, h = max, h*max/w
	} else {
		w, h = w*max/h, max
	}
	dst := image.NewRGBA(image.Rect(0, 0, max1(w), max1(h)))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, b, draw.Src, nil)
	return dst
}

func max1(n int) int { return max(n, 1) }

// kindIcon is the generic picture of a media kind.
func kindIcon(m authoring.Media) fyne.Resource {
	switch m.MediaKind() {
	case "image":
		return theme.FileImageIcon()
	case "audio":
		return theme.FileAudioIcon()
	case "video":
		return theme.FileVideoIcon()
	case "captions":
		return theme.FileTextIcon()
	}
	return theme.FileIcon()
}

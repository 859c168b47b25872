// Package mediafile is what the media library and the media pickers share
// about library files: scaled thumbnails made off the UI goroutine, and
// the size limit of an imported file.
package mediafile

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

// Thumbs makes and caches thumbnails off the UI goroutine. Media is stored
// by content hash, so a thumbnail never goes stale and one cache can serve
// several projects. Scaling once keeps a library of large photos from
// holding every full bitmap in memory. Use it on the UI goroutine.
type Thumbs struct {
	size  int // bound of a thumbnail's longer side in pixels
	limit int // thumbnails kept; the oldest go first; 0 keeps all

	// OnReady, if set, hears on the UI goroutine that a thumbnail is ready
	// and shown in the images waiting for it.
	OnReady func(hash string)
	// Inline makes thumbnails on the caller's goroutine: Fyne's test
	// driver runs fyne.Do right on the loading goroutine, beside the test.
	Inline bool

	mu      sync.Mutex
	done    map[string]thumb
	order   []string // hashes of done, oldest first, when limit is set
	loading map[string]bool
	waiting map[*canvas.Image]string // image → hash it shows once loaded
}

// thumb is a scaled bitmap, or the file itself for SVG (Fyne draws it at
// any size), or nothing when the bytes would not decode.
type thumb struct {
	img image.Image
	res fyne.Resource
}

// NewThumbs makes thumbnails whose longer side is at most size pixels and
// keeps the latest limit of them (0: all).
func NewThumbs(size, limit int) *Thumbs {
	return &Thumbs{size: size, limit: limit, done: map[string]thumb{},
		loading: map[string]bool{}, waiting: map[*canvas.Image]string{}}
}

// Show puts m's picture into img: its thumbnail when ready, else the
// generic icon of its kind, replaced by the thumbnail once it is made.
// media is where m's bytes are read, on another goroutine.
func (c *Thumbs) Show(img *canvas.Image, media authoring.MediaSource, m authoring.Media) {
	c.mu.Lock()
	delete(c.waiting, img) // a recycled list row may show another file now
	th, made := c.done[m.Hash]
	c.mu.Unlock()
	img.Image, img.Resource = nil, KindIcon(m.MediaKind())
	if m.MediaKind() != "image" {
		img.Refresh()
		return
	}
	if made {
		th.put(img)
		img.Refresh()
		return
	}
	img.Refresh() // before get: once waiting, img may be filled from another goroutine
	if th, ok := c.get(img, media, m); ok {
		th.put(img)
		img.Refresh()
	}
}

// put shows th in img, keeping the icon when the file would not decode.
func (th thumb) put(img *canvas.Image) {
	if th.img != nil || th.res != nil {
		img.Image, img.Resource = th.img, th.res
	}
}

// get returns m's thumbnail if it is made; else it starts making it and
// keeps img to show it in.
func (c *Thumbs) get(img *canvas.Image, media authoring.MediaSource, m authoring.Media) (thumb, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if th, ok := c.done[m.Hash]; ok {
		return th, true
	}
	if c.Inline {
		th := makeThumb(media, m, c.size)
		c.keep(m.Hash, th)
		return th, true
	}
	c.waiting[img] = m.Hash
	if !c.loading[m.Hash] {
		c.loading[m.Hash] = true
		go c.load(media, m)
	}
	return thumb{}, false
}

// keep stores a finished thumbnail; c.mu is held.
func (c *Thumbs) keep(hash string, th thumb) {
	c.done[hash] = th
	if c.limit <= 0 {
		return
	}
	c.order = append(c.order, hash)
	for len(c.order) > c.limit {
		delete(c.done, c.order[0])
		c.order = c.order[1:]
	}
}

func (c *Thumbs) load(media authoring.MediaSource, m authoring.Media) {
	th := makeThumb(media, m, c.size)
	fyne.Do(func() {
		c.mu.Lock()
		c.keep(m.Hash, th)
		delete(c.loading, m.Hash)
		var imgs []*canvas.Image
		for img, h := range c.waiting {
			if h == m.Hash {
				imgs = append(imgs, img)
				delete(c.waiting, img)
			}
		}
		c.mu.Unlock()
		for _, img := range imgs {
			th.put(img)
			img.Refresh()
		}
		if c.OnReady != nil {
			c.OnReady(m.Hash)
		}
	})
}

func makeThumb(media authoring.MediaSource, m authoring.Media, size int) thumb {
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
	return thumb{img: scaleDown(src, size)}
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

// KindIcon is the generic picture of a media kind ("image", "audio",
// "video", "captions", or "badge": an image fit for an Open Badge).
func KindIcon(kind string) fyne.Resource {
	switch kind {
	case "image", "badge":
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

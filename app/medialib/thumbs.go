package medialib

import (
	"fyne.io/fyne/v2/canvas"

	"github.com/stacklet/stacklet/app/mediafile"
	"github.com/stacklet/stacklet/authoring"
)

// thumbSize bounds a thumbnail's longer side in pixels: enough for the
// detail panel's picture on a high-density screen.
const thumbSize = 256

// thumbs are the library's thumbnails, read from the open project.
type thumbs struct {
	*mediafile.Thumbs
	media authoring.MediaSource
}

// newThumbs makes thumbnails of media's files; changed hears on the UI
// goroutine that one is ready.
func newThumbs(media authoring.MediaSource, changed func(hash string)) *thumbs {
	c := &thumbs{Thumbs: mediafile.NewThumbs(thumbSize, 0), media: media}
	c.OnReady = changed
	return c
}

// show puts m's picture into img: its thumbnail when ready, else the
// generic icon of its kind while the thumbnail loads.
func (c *thumbs) show(img *canvas.Image, m authoring.Media) { c.Show(img, c.media, m) }

// Package media prepares library files for a package: images are scaled down
// to what a learner's screen can use and recompressed; everything else is
// copied as is. Results are cached by content hash because the same logo and
// pictures go into every module of a batch export.
package media

import (
	"bytes"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"path"
	"strings"
	"sync"

	"golang.org/x/image/draw"
	_ "golang.org/x/image/webp" // decode only: webp is passed through

	"github.com/stacklet/stacklet/authoring"
)

// MaxImageWidth is the widest image a package carries: twice the player's
// content column, enough for high-density screens.
const MaxImageWidth = 1600

const jpegQuality = 82

// File is a processed media file ready for a package.
type File struct {
	Name string // "media/<hash prefix><ext>"
	Data []byte
}

// Processor turns library media into package files, caching results.
type Processor struct {
	mu    sync.Mutex
	cache map[string]File
}

// NewProcessor returns an empty Processor.
func NewProcessor() *Processor { return &Processor{cache: map[string]File{}} }

// Process returns the package file for m, whose bytes are data.
func (p *Processor) Process(m authoring.Media, data []byte) (File, error) {
	p.mu.Lock()
	f, ok := p.cache[m.Hash]
	p.mu.Unlock()
	if ok {
		return f, nil
	}
	f, err := process(m, data)
	if err != nil {
		return File{}, err
	}
	p.mu.Lock()
	p.cache[m.Hash] = f
	p.mu.Unlock()
	return f, nil
}

// Name returns the package path of m. Names derive from the content hash so
// identical files share one entry and renames in the library change nothing.
func Name(m authoring.Media) string {
	return "media/" + m.Hash[:16] + strings.ToLower(path.Ext(m.Name))
}

func process(m authoring.Media, data []byte) (File, error) {
	f := File{Name: Name(m), Data: data}
	if m.Type != "image/png" && m.Type != "image/jpeg" {
		return f, nil // svg, gif (may be animated), webp, audio, video, captions
	}
	img, format, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return File{}, authoring.Errorf(authoring.ECORRUPT, "media %q cannot be read as an image: %v", m.Name, err)
	}
	scaled := img.Bounds().Dx() > MaxImageWidth
	if scaled {
		img = scale(img, MaxImageWidth)
	}
	out, err := encode(img, format)
	if err != nil {
		return File{}, fmt.Errorf("recompress %s: %w", m.Name, err)
	}
	if scaled || len(out) < len(data) { // an already tight file is kept as it is
		f.Data = out
	}
	return f, nil
}

func scale(src image.Image, width int) image.Image {
	b := src.Bounds()
	height := b.Dy() * width / b.Dx()
	dst := image.NewRGBA(image.Rect(0, 0, width, max(height, 1)))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, b, draw.Src, nil)
	return dst
}

func encode(img image.Image, format string) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch format {
	case "jpeg":
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: jpegQuality})
	case "gif":
		err = gif.Encode(&buf, img, nil)
	default:
		err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, img)
	}
	return buf.Bytes(), err
}

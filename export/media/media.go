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
	"golang.org/x/image/webp"

	"github.com/stacklet/stacklet/authoring"
)

// MaxImageSide is the longest side, width or height, an image in a package
// has: twice the player's content column, enough for high-density screens.
// A tall image is capped too: a phone shows it full width, so its height is
// what costs bytes.
const MaxImageSide = 1600

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
// A webp or gif that had to be scaled is re-encoded and named by Process with
// its new extension; Name gives the name of the file as it is.
func Name(m authoring.Media) string {
	return nameWithExt(m, strings.ToLower(path.Ext(m.Name)))
}

func nameWithExt(m authoring.Media, ext string) string {
	return "media/" + m.Hash[:16] + ext
}

func process(m authoring.Media, data []byte) (File, error) {
	switch m.Type {
	case "image/png", "image/jpeg":
		return recompress(m, data)
	case "image/webp":
		return scaleWebP(m, data)
	case "image/gif":
		return scaleGIF(m, data)
	}
	return File{Name: Name(m), Data: data}, nil // svg, audio, video, captions
}

// recompress scales a PNG or JPEG down to MaxImageSide, turns a JPEG upright
// by its EXIF orientation, and keeps the smaller of the original and the
// re-encoded bytes when neither change was needed.
func recompress(m authoring.Media, data []byte) (File, error) {
	f := File{Name: Name(m), Data: data}
	img, format, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return File{}, corrupt(m, err)
	}
	orientation := 1
	if format == "jpeg" {
		orientation = jpegOrientation(data)
	}
	// The encoders write no EXIF, so re-encoded pixels must already be
	// upright: otherwise a phone's portrait photo would show on its side.
	changed := orientation != 1 || oversized(img.Bounds())
	img = fit(img) // before turning: fewer pixels to move, and the limit is the same both ways
	if orientation != 1 {
		img = orient(toRGBA(img), orientation)
	}
	out, err := encode(img, format)
	if err != nil {
		return File{}, fmt.Errorf("recompress %s: %w", m.Name, err)
	}
	if changed || len(out) < len(data) { // an already tight file is kept as it is
		f.Data = out
	}
	return f, nil
}

// scaleWebP passes a webp through unless it is larger than MaxImageSide: Go
// has no webp encoder, so a scaled webp becomes a JPEG (lossy and opaque) or
// a PNG (lossless or transparent). An animated webp is kept as it is; the
// decoder cannot read its frames.
func scaleWebP(m authoring.Media, data []byte) (File, error) {
	f := File{Name: Name(m), Data: data}
	cfg, err := webp.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return File{}, corrupt(m, err)
	}
	if !oversized(image.Rect(0, 0, cfg.Width, cfg.Height)) || animatedWebP(data) {
		return f, nil
	}
	img, err := webp.Decode(bytes.NewReader(data))
	if err != nil {
		return File{}, corrupt(m, err)
	}
	format, ext := "png", ".png"
	if o, ok := img.(interface{ Opaque() bool }); ok && o.Opaque() && isYCbCr(img) {
		format, ext = "jpeg", ".jpg"
	}
	return reencoded(m, fit(img), format, ext)
}

// scaleGIF passes a gif through unless it is a single frame larger than
// MaxImageSide, which becomes a PNG: re-encoding as gif would quantize the
// scaled colours again. An animated gif is kept as it is, whatever its size:
// scaling every frame with its disposal rules is not worth the risk.
func scaleGIF(m authoring.Media, data []byte) (File, error) {
	f := File{Name: Name(m), Data: data}
	cfg, err := gif.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return File{}, corrupt(m, err)
	}
	canvas := image.Rect(0, 0, cfg.Width, cfg.Height)
	if !oversized(canvas) {
		return f, nil
	}
	all, err := gif.DecodeAll(bytes.NewReader(data))
	if err != nil {
		return File{}, corrupt(m, err)
	}
	if len(all.Image) != 1 {
		return f, nil
	}
	img := image.NewRGBA(canvas)
	frame := all.Image[0]
	draw.Draw(img, frame.Bounds(), frame, frame.Bounds().Min, draw.Src)
	return reencoded(m, fit(img), "png", ".png")
}

func reencoded(m authoring.Media, img image.Image, format, ext string) (File, error) {
	out, err := encode(img, format)
	if err != nil {
		return File{}, fmt.Errorf("recompress %s: %w", m.Name, err)
	}
	return File{Name: nameWithExt(m, ext), Data: out}, nil
}

func corrupt(m authoring.Media, err error) error {
	return authoring.Errorf(authoring.ECORRUPT, "media %q cannot be read as an image: %v", m.Name, err)
}

func isYCbCr(img image.Image) bool {
	switch img.(type) {
	case *image.YCbCr, *image.NYCbCrA:
		return true // lossy VP8; lossless VP8L decodes to NRGBA
	}
	return false
}

// animatedWebP reports whether an extended (VP8X) webp has its animation flag.
func animatedWebP(data []byte) bool {
	const animationBit = 1 << 1
	return len(data) > 20 && string(data[12:16]) == "VP8X" && data[20]&animationBit != 0
}

func oversized(b image.Rectangle) bool {
	return b.Dx() > MaxImageSide || b.Dy() > MaxImageSide
}

// fit scales img down so that neither side exceeds MaxImageSide, keeping its
// aspect ratio; an image within the limit is returned as it is.
func fit(img image.Image) image.Image {
	b := img.Bounds()
	if !oversized(b) {
		return img
	}
	w, h := MaxImageSide, b.Dy()*MaxImageSide/b.Dx()
	if b.Dy() > b.Dx() {
		w, h = b.Dx()*MaxImageSide/b.Dy(), MaxImageSide
	}
	dst := image.NewRGBA(image.Rect(0, 0, max(w, 1), max(h, 1)))
	draw.CatmullRom.Scale(dst, dst.Bounds(), img, b, draw.Src, nil)
	return dst
}

func toRGBA(img image.Image) *image.RGBA {
	if rgba, ok := img.(*image.RGBA); ok && rgba.Bounds().Min == (image.Point{}) {
		return rgba
	}
	b := img.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(dst, dst.Bounds(), img, b.Min, draw.Src)
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

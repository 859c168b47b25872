// Command icon-src draws Stacklet's app icon, assets/icon.png: three
// stacked layers (content blocks stacking into a module) on a blue tile.
// It is plain Go drawing, so the PNG is the same byte for byte on every
// machine; run `go run ./assets/icon-src` from the repository root after
// changing it (a test checks the committed PNG matches).
package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"

	"golang.org/x/image/vector"
)

// Size is the icon's side in pixels; Fyne scales it for each platform.
const Size = 512

var (
	tileTop    = color.NRGBA{0x2f, 0x5f, 0xd0, 0xff}
	tileBottom = color.NRGBA{0x1a, 0x36, 0x8a, 0xff}
	accent     = color.NRGBA{0xff, 0xb5, 0x3d, 0xff} // the block being added
	paper      = color.NRGBA{0xff, 0xff, 0xff, 0xff}
)

func main() {
	out := "assets/icon.png"
	if len(os.Args) > 1 {
		out = os.Args[1]
	}
	data, err := Encode()
	if err == nil {
		err = os.WriteFile(out, data, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "icon:", err)
		os.Exit(1)
	}
}

// Encode returns the icon as PNG bytes.
func Encode() ([]byte, error) {
	var b bytes.Buffer
	err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&b, Draw())
	return b.Bytes(), err
}

// Draw paints the icon.
func Draw() *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, Size, Size))
	tile := gradient{top: tileTop, bottom: tileBottom}
	fill(img, roundedRect(24, 24, Size-24, Size-24, 104), tile)
	// Bottom to top; each upper layer first cuts a gap of tile colour so
	// the layers read as separate even at 16 px.
	layers := []struct {
		cy    float64
		color color.NRGBA
	}{
		{330, withAlpha(paper, 0x8c)},
		{262, withAlpha(paper, 0xd9)},
		{194, accent},
	}
	for i, l := range layers {
		if i > 0 {
			fill(img, rhombus(256, l.cy, 170, 92, 26), tile)
		}
		fill(img, rhombus(256, l.cy, 150, 76, 22), image.NewUniform(l.color))
	}
	return img
}

func withAlpha(c color.NRGBA, a uint8) color.NRGBA { c.A = a; return c }

type point struct{ x, y float64 }

// fill paints the closed shape traced by path with src, anti-aliased.
// The image is premultiplied RGBA: an NRGBA target keeps stray colour in
// fully transparent pixels, which some viewers show.
func fill(dst *image.RGBA, path func(*vector.Rasterizer), src image.Image) {
	r := vector.NewRasterizer(Size, Size)
	path(r)
	r.Draw(dst, dst.Bounds(), src, image.Point{})
}

// roundedRect is a rectangle with circular corners of radius rad.
func roundedRect(x0, y0, x1, y1, rad float64) func(*vector.Rasterizer) {
	return rounded([]point{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, rad)
}

// rhombus is a layer seen from above at an angle: a diamond centred on
// (cx, cy) with half-width hw and half-height hh.
func rhombus(cx, cy, hw, hh, rad float64) func(*vector.Rasterizer) {
	return rounded([]point{{cx, cy - hh}, {cx + hw, cy}, {cx, cy + hh}, {cx - hw, cy}}, rad)
}

// rounded traces a polygon whose corners are cut rad along each edge and
// joined by a quadratic curve through the original corner.
func rounded(pts []point, rad float64) func(*vector.Rasterizer) {
	return func(r *vector.Rasterizer) {
		n := len(pts)
		for i := range pts {
			prev, cur, next := pts[(i+n-1)%n], pts[i], pts[(i+1)%n]
			in, out := toward(cur, prev, rad), toward(cur, next, rad)
			if i == 0 {
				r.MoveTo(float32(in.x), float32(in.y))
			} else {
				r.LineTo(float32(in.x), float32(in.y))
			}
			r.QuadTo(float32(cur.x), float32(cur.y), float32(out.x), float32(out.y))
		}
		r.ClosePath()
	}
}

// toward is the point d away from a on the way to b.
func toward(a, b point, d float64) point {
	dx, dy := b.x-a.x, b.y-a.y
	l := math.Hypot(dx, dy)
	return point{a.x + dx/l*d, a.y + dy/l*d}
}

// gradient is a vertical colour ramp over the icon.
type gradient struct{ top, bottom color.NRGBA }

func (g gradient) ColorModel() color.Model { return color.NRGBAModel }
func (g gradient) Bounds() image.Rectangle { return image.Rect(0, 0, Size, Size) }
func (g gradient) At(_, y int) color.Color {
	t := float64(y) / (Size - 1)
	mix := func(a, b uint8) uint8 { return uint8(math.Round(float64(a) + (float64(b)-float64(a))*t)) }
	return color.NRGBA{mix(g.top.R, g.bottom.R), mix(g.top.G, g.bottom.G), mix(g.top.B, g.bottom.B), 0xff}
}

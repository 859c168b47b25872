package media

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/stacklet/stacklet/authoring"
)

func mediaOf(data []byte, name, typ string) authoring.Media {
	sum := sha256.Sum256(data)
	return authoring.Media{Hash: hex.EncodeToString(sum[:]), Name: name, Type: typ}
}

// stripes is cheap to compress, so big test images stay fast.
func stripes(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.SetRGBA(x, y, color.RGBA{uint8(x / 64 * 40), 90, uint8(y / 64 * 40), 255})
		}
	}
	return img
}

func pngOf(t testing.TB, w, h int) ([]byte, authoring.Media) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, stripes(w, h)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), mediaOf(buf.Bytes(), "Photo.PNG", "image/png")
}

func decode(t *testing.T, data []byte) (image.Image, string) {
	t.Helper()
	img, format, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return img, format
}

func TestProcessCapsBothSides(t *testing.T) {
	for _, tc := range []struct {
		name         string
		w, h         int
		wantW, wantH int
	}{
		{"wide", 2400, 300, 1600, 200},
		{"tall", 300, 2400, 200, 1600},
		{"square", 1700, 1700, 1600, 1600},
		{"tall at the limit", 800, 1600, 800, 1600},
		{"small", 120, 90, 120, 90},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, m := pngOf(t, tc.w, tc.h)
			f, err := NewProcessor().Process(m, data)
			if err != nil {
				t.Fatal(err)
			}
			img, _ := decode(t, f.Data)
			if got := img.Bounds().Size(); got != image.Pt(tc.wantW, tc.wantH) {
				t.Errorf("size = %v, want %dx%d", got, tc.wantW, tc.wantH)
			}
			if f.Name != "media/"+m.Hash[:16]+".png" {
				t.Errorf("name = %q", f.Name)
			}
		})
	}
}

// exifSegment is an APP1 segment holding an IFD0 with two entries: a
// Make tag first, so the reader has to walk past it, then Orientation.
func exifSegment(order binary.ByteOrder, orientation uint16) []byte {
	tiff := make([]byte, 8+2+2*12+4)
	if order == binary.LittleEndian {
		copy(tiff, "II")
	} else {
		copy(tiff, "MM")
	}
	order.PutUint16(tiff[2:], 42)
	order.PutUint32(tiff[4:], 8) // IFD0 right after the header
	order.PutUint16(tiff[8:], 2)
	entry := tiff[10:]
	order.PutUint16(entry[0:], 0x010F) // Make, ASCII, 4 bytes inline: "Cam\0"
	order.PutUint16(entry[2:], 2)
	order.PutUint32(entry[4:], 4)
	copy(entry[8:], "Cam\x00")
	entry = tiff[22:]
	order.PutUint16(entry[0:], 0x0112) // Orientation, SHORT, 1 value inline
	order.PutUint16(entry[2:], 3)
	order.PutUint32(entry[4:], 1)
	order.PutUint16(entry[8:], orientation)
	payload := append([]byte("Exif\x00\x00"), tiff...)
	seg := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+2))
	return append(seg, payload...)
}

// orientedJPEG encodes a w×h image, red in its top-left quarter and blue
// elsewhere, and puts an EXIF segment with the orientation right after SOI,
// where phones put it (after a JFIF APP0 would do as well).
func orientedJPEG(t *testing.T, w, h int, order binary.ByteOrder, orientation uint16) ([]byte, authoring.Media) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{0, 0, 255, 255}
			if x < w/2 && y < h/2 {
				c = color.RGBA{255, 0, 0, 255}
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	plain := buf.Bytes()
	data := append(append(append([]byte{}, plain[:2]...), exifSegment(order, orientation)...), plain[2:]...)
	if got := jpegOrientation(data); got != int(orientation) {
		t.Fatalf("test file: orientation read back = %d, want %d", got, orientation)
	}
	return data, mediaOf(data, "IMG_0001.JPG", "image/jpeg")
}

func isRed(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	return r > 0xC000 && g < 0x4000 && b < 0x4000
}

func TestProcessTurnsJPEGUprightByEXIFOrientation(t *testing.T) {
	// Stored 40×20 with the red quarter top left; where a viewer shows it.
	const w, h = 40, 20
	corners := map[string]func(b image.Rectangle) image.Point{
		"top left":     func(b image.Rectangle) image.Point { return image.Pt(3, 3) },
		"top right":    func(b image.Rectangle) image.Point { return image.Pt(b.Dx()-4, 3) },
		"bottom left":  func(b image.Rectangle) image.Point { return image.Pt(3, b.Dy()-4) },
		"bottom right": func(b image.Rectangle) image.Point { return image.Pt(b.Dx()-4, b.Dy()-4) },
	}
	for _, tc := range []struct {
		orientation  uint16
		wantW, wantH int
		red          string
	}{
		{1, w, h, "top left"},
		{2, w, h, "top right"},
		{3, w, h, "bottom right"},
		{4, w, h, "bottom left"},
		{5, h, w, "top left"},
		{6, h, w, "top right"},
		{7, h, w, "bottom right"},
		{8, h, w, "bottom left"},
	} {
		for _, order := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
			t.Run(order.String()+"/"+string(rune('0'+tc.orientation)), func(t *testing.T) {
				data, m := orientedJPEG(t, w, h, order, tc.orientation)
				f, err := NewProcessor().Process(m, data)
				if err != nil {
					t.Fatal(err)
				}
				img, format := decode(t, f.Data)
				if format != "jpeg" || f.Name != "media/"+m.Hash[:16]+".jpg" {
					t.Errorf("format %s, name %q: want a .jpg jpeg", format, f.Name)
				}
				if got := img.Bounds().Size(); got != image.Pt(tc.wantW, tc.wantH) {
					t.Fatalf("size = %v, want %dx%d", got, tc.wantW, tc.wantH)
				}
				for name, at := range corners {
					p := at(img.Bounds())
					if got := isRed(img.At(p.X, p.Y)); got != (name == tc.red) {
						t.Errorf("%s red = %v; want the red quarter %s", name, got, tc.red)
					}
				}
				if tc.orientation != 1 && jpegOrientation(f.Data) != 1 {
					t.Error("the upright file still carries an EXIF orientation: viewers would turn it twice")
				}
			})
		}
	}
}

func TestProcessScalesThenTurnsALargePortraitPhoto(t *testing.T) {
	data, m := orientedJPEG(t, 3200, 1800, binary.BigEndian, 6)
	f, err := NewProcessor().Process(m, data)
	if err != nil {
		t.Fatal(err)
	}
	img, _ := decode(t, f.Data)
	if got := img.Bounds().Size(); got != image.Pt(900, 1600) {
		t.Fatalf("size = %v, want 900x1600", got)
	}
	if !isRed(img.At(890, 10)) || isRed(img.At(10, 10)) {
		t.Error("the red quarter is not top right: the photo was not turned clockwise")
	}
}

func TestJPEGOrientationIgnoresWhatItCannotRead(t *testing.T) {
	data, _ := orientedJPEG(t, 8, 8, binary.LittleEndian, 6)
	seg := exifSegment(binary.LittleEndian, 6)
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"not a jpeg", []byte("\x89PNG\r\n\x1a\n")},
		{"segment length past the end", data[:2+len(seg)-5]},
		{"orientation out of range", append(append([]byte{0xFF, 0xD8}, exifSegment(binary.LittleEndian, 9)...), data[2+len(seg):]...)},
		{"not exif", append([]byte{0xFF, 0xD8, 0xFF, 0xE1, 0, 8, 'h', 't', 't', 'p', ':', '/'}, data[2+len(seg):]...)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := jpegOrientation(tc.data); got != 1 {
				t.Errorf("orientation = %d, want 1", got)
			}
		})
	}
}

func TestProcessIsDeterministic(t *testing.T) {
	tall, tallMedia := pngOf(t, 40, 1700)
	photo, photoMedia := orientedJPEG(t, 1800, 1000, binary.LittleEndian, 8)
	for _, tc := range []struct {
		name string
		data []byte
		m    authoring.Media
	}{
		{"tall png", tall, tallMedia},
		{"oriented jpeg", photo, photoMedia},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := NewProcessor().Process(tc.m, tc.data)
			if err != nil {
				t.Fatal(err)
			}
			b, err := NewProcessor().Process(tc.m, tc.data)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Data, b.Data) || a.Name != b.Name {
				t.Fatal("two runs gave different files")
			}
			if bytes.Equal(a.Data, tc.data) {
				t.Fatal("the file was not processed at all")
			}
		})
	}
}

// The webp files were made with ffmpeg's libwebp encoders:
//
//	ffmpeg -f lavfi -i "color=c=0x3366cc:s=2000x500,format=rgb24" -frames:v 1 -c:v libwebp -lossless 0 -quality 50 wide-lossy.webp
//	ffmpeg -f lavfi -i "color=c=0x33cc66@0.5:s=400x2400,format=rgba" -frames:v 1 -c:v libwebp -lossless 1 tall-alpha-lossless.webp
//	ffmpeg -f lavfi -i "color=c=red:s=1800x100:r=2:d=1,format=rgb24,hue=h=t*180" -c:v libwebp_anim -loop 0 -lossless 1 animated.webp
func TestProcessScalesLargeWebPAsJPEGOrPNG(t *testing.T) {
	for _, tc := range []struct {
		file       string
		wantExt    string
		wantFormat string
		wantSize   image.Point
	}{
		{"wide-lossy.webp", ".jpg", "jpeg", image.Pt(1600, 400)},
		{"tall-alpha-lossless.webp", ".png", "png", image.Pt(266, 1600)},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			m := mediaOf(data, tc.file, "image/webp")
			f, err := NewProcessor().Process(m, data)
			if err != nil {
				t.Fatal(err)
			}
			if f.Name != "media/"+m.Hash[:16]+tc.wantExt {
				t.Errorf("name = %q, want extension %s", f.Name, tc.wantExt)
			}
			img, format := decode(t, f.Data)
			if format != tc.wantFormat || img.Bounds().Size() != tc.wantSize {
				t.Errorf("got %s %v, want %s %v", format, img.Bounds().Size(), tc.wantFormat, tc.wantSize)
			}
			if tc.wantFormat == "png" {
				if _, _, _, a := img.At(10, 10).RGBA(); a == 0xFFFF {
					t.Error("the transparent webp lost its alpha")
				}
			}
		})
	}
}

func TestProcessKeepsAnimationsAndSmallFiles(t *testing.T) {
	animatedWebP, err := os.ReadFile(filepath.Join("testdata", "animated.webp"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		data []byte
		m    authoring.Media
	}{
		{"animated webp over the limit", animatedWebP, mediaOf(animatedWebP, "a.webp", "image/webp")},
		{"animated gif over the limit", gifOf(t, 1800, 10, 2), mediaOf(gifOf(t, 1800, 10, 2), "a.gif", "image/gif")},
		{"small gif", gifOf(t, 200, 10, 1), mediaOf(gifOf(t, 200, 10, 1), "s.gif", "image/gif")},
		{"captions", []byte("WEBVTT\n"), authoring.Media{Hash: "0123456789abcdef0123", Name: "talk.vtt", Type: "text/vtt"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := NewProcessor().Process(tc.m, tc.data)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(f.Data, tc.data) || f.Name != Name(tc.m) {
				t.Errorf("got %s (%d bytes), want the file as it is", f.Name, len(f.Data))
			}
		})
	}
}

func TestProcessScalesAStillGIFAsPNG(t *testing.T) {
	data := gifOf(t, 2000, 50, 1)
	m := mediaOf(data, "Chart.GIF", "image/gif")
	f, err := NewProcessor().Process(m, data)
	if err != nil {
		t.Fatal(err)
	}
	img, format := decode(t, f.Data)
	if format != "png" || img.Bounds().Size() != image.Pt(1600, 40) || f.Name != "media/"+m.Hash[:16]+".png" {
		t.Errorf("got %s %s %v, want a 1600x40 .png", f.Name, format, img.Bounds().Size())
	}
}

func gifOf(t *testing.T, w, h, frames int) []byte {
	t.Helper()
	anim := &gif.GIF{Config: image.Config{Width: w, Height: h, ColorModel: color.Palette{color.Black, color.White}}}
	for i := 0; i < frames; i++ {
		frame := image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{color.Black, color.White})
		frame.SetColorIndex(i, 0, 1)
		anim.Image = append(anim.Image, frame)
		anim.Delay = append(anim.Delay, 10)
	}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, anim); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestProcessRejectsBrokenImage(t *testing.T) {
	for _, typ := range []string{"image/png", "image/jpeg", "image/webp", "image/gif"} {
		t.Run(typ, func(t *testing.T) {
			m := authoring.Media{Hash: "0123456789abcdef0123", Name: "x", Type: typ}
			_, err := NewProcessor().Process(m, []byte("not an image"))
			if authoring.ErrorCode(err) != authoring.ECORRUPT {
				t.Fatalf("code = %q, want corrupt", authoring.ErrorCode(err))
			}
		})
	}
}

func TestJPEGOrientationAfterOtherSegments(t *testing.T) {
	plain, _ := orientedJPEG(t, 8, 8, binary.BigEndian, 1)
	app0 := []byte{0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0}
	xmp := append([]byte{0xFF, 0xE1, 0, 12}, "http://ns\x00"...)
	var data []byte
	data = append(data, plain[:2]...)
	data = append(data, app0...)
	data = append(data, 0xFF) // a fill byte before the next marker
	data = append(data, xmp...)
	data = append(data, exifSegment(binary.BigEndian, 6)...)
	data = append(data, plain[2+len(exifSegment(binary.BigEndian, 1)):]...)
	if got := jpegOrientation(data); got != 6 {
		t.Errorf("orientation = %d, want 6 (read past JFIF, a fill byte and an XMP APP1)", got)
	}
}

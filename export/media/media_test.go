package media

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/color"
	"image/png"
	"testing"

	"github.com/stacklet/stacklet/authoring"
)

func pngOf(t testing.TB, w, h int) ([]byte, authoring.Media) {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := 0; x < w; x++ {
		for y := 0; y < h; y++ {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), uint8(x ^ y), 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(buf.Bytes())
	return buf.Bytes(), authoring.Media{Hash: hex.EncodeToString(sum[:]), Name: "Photo.PNG", Type: "image/png"}
}

func TestProcessScalesWideImages(t *testing.T) {
	data, m := pngOf(t, 2400, 300)
	f, err := NewProcessor().Process(m, data)
	if err != nil {
		t.Fatal(err)
	}
	img, _, err := image.Decode(bytes.NewReader(f.Data))
	if err != nil {
		t.Fatal(err)
	}
	if got := img.Bounds().Dx(); got != MaxImageWidth {
		t.Errorf("width = %d, want %d", got, MaxImageWidth)
	}
	if f.Name != "media/"+m.Hash[:16]+".png" {
		t.Errorf("name = %q", f.Name)
	}
}

func TestProcessIsDeterministic(t *testing.T) {
	data, m := pngOf(t, 1700, 40)
	a, _ := NewProcessor().Process(m, data)
	b, _ := NewProcessor().Process(m, data)
	if !bytes.Equal(a.Data, b.Data) {
		t.Fatal("two runs gave different bytes")
	}
}

func TestProcessRejectsBrokenImage(t *testing.T) {
	m := authoring.Media{Hash: "0123456789abcdef0123", Name: "x.png", Type: "image/png"}
	_, err := NewProcessor().Process(m, []byte("not a png"))
	if authoring.ErrorCode(err) != authoring.ECORRUPT {
		t.Fatalf("code = %q, want corrupt", authoring.ErrorCode(err))
	}
}

func TestProcessPassesOtherMediaThrough(t *testing.T) {
	m := authoring.Media{Hash: "0123456789abcdef0123", Name: "talk.vtt", Type: "text/vtt"}
	f, err := NewProcessor().Process(m, []byte("WEBVTT\n"))
	if err != nil || string(f.Data) != "WEBVTT\n" {
		t.Fatalf("got %q, %v", f.Data, err)
	}
}

package screenshots

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestRenderWritesEveryScreen renders the German set and checks that each
// picture has the window's size and shows something.
func TestRenderWritesEveryScreen(t *testing.T) {
	dir := t.TempDir()
	if err := Render(Options{Out: dir, Language: "de", Settle: 100 * time.Millisecond}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"start", "editor", "export", "settings", "media"} {
		t.Run(name, func(t *testing.T) {
			img := readPNG(t, filepath.Join(dir, name+".png"))
			if got := img.Bounds().Size(); got != image.Pt(int(WindowSize.Width), int(WindowSize.Height)) {
				t.Errorf("size %v, want %v", got, WindowSize)
			}
			if colours(img) < 10 {
				t.Error("the picture is (nearly) blank")
			}
		})
	}
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// colours counts distinct colours on a coarse grid.
func colours(img image.Image) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
		}
	}
	return len(seen)
}

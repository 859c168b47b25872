package screenshots

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stacklet/stacklet/authoring"
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

// TestEveryScreenHasItsTexts renders every screen in every interface
// language: none may show a catalog id in place of its text, which the
// catalog tests cannot see when an id reaches tr through a table.
func TestEveryScreenHasItsTexts(t *testing.T) {
	for _, lang := range []authoring.Locale{"en", "es", "fr", "de", "pt-BR", "id"} {
		t.Run(string(lang), func(t *testing.T) {
			if err := Render(Options{Out: t.TempDir(), Language: lang, Settle: 50 * time.Millisecond}); err != nil {
				t.Error(err)
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

package review

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// shot saves the window as a PNG when STACKLET_SHOTS names a folder: a way
// to look at the screen the tests reach.
func (f *fixture) shot(t *testing.T, name string) {
	dir := os.Getenv("STACKLET_SHOTS")
	if dir == "" {
		return
	}
	out, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if err := png.Encode(out, f.win.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

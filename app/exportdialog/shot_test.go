package exportdialog

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// shot saves the dialog's window as a PNG when STACKLET_SHOTS names a
// folder: a way to look at the views the tests reach.
func shot(t *testing.T, d *Dialog, name string) {
	t.Helper()
	dir := os.Getenv("STACKLET_SHOTS")
	if dir == "" {
		return
	}
	// The desktop driver lays out again when a size changes; the test
	// canvas does not, so an unfolded list would overlap what follows it.
	d.views.Refresh()
	out, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if err := png.Encode(out, d.opts.Window.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

// unfold opens every folded list in o, for a shot.
func unfold(o fyne.CanvasObject) {
	for _, a := range find[*widget.Accordion](o) {
		a.OpenAll()
	}
}

package main

import (
	"bytes"
	"image/png"
	"os"
	"testing"
)

// TestCommittedIconIsCurrent fails when assets/icon.png was not
// regenerated after a change here, or was edited by hand.
func TestCommittedIconIsCurrent(t *testing.T) {
	want, err := Encode()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../icon.png")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("assets/icon.png is stale: run go run ./assets/icon-src")
	}
	img, err := png.Decode(bytes.NewReader(got))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != Size || b.Dy() != Size {
		t.Errorf("icon is %v, want %dx%d", b, Size, Size)
	}
}

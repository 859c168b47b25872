package mediapick

import (
	"testing"

	"github.com/stacklet/stacklet/authoring"
)

// TestBadgePickerOffersOnlyPNGAndSVG: Open Badges 3.0 images are PNG or
// SVG, so the badge picker lists nothing else while an image block's
// picker takes every image type.
func TestBadgePickerOffersOnlyPNGAndSVG(t *testing.T) {
	cases := []struct {
		name, typ   string
		badge, pict bool
	}{
		{"seal.png", "image/png", true, true},
		{"seal.svg", "image/svg+xml", true, true},
		{"photo.jpg", "image/jpeg", false, true},
		{"anim.gif", "image/gif", false, true},
		{"photo.webp", "image/webp", false, true},
		{"talk.mp3", "audio/mpeg", false, false},
	}
	for _, c := range cases {
		m := authoring.Media{Name: c.name, Type: c.typ}
		if got := Suits("badge", m); got != c.badge {
			t.Errorf("badge picker takes %s: %v, want %v", c.name, got, c.badge)
		}
		if got := Suits("image", m); got != c.pict {
			t.Errorf("image picker takes %s: %v, want %v", c.name, got, c.pict)
		}
	}
	for _, ext := range extensions["badge"] {
		if ext != ".png" && ext != ".svg" {
			t.Errorf("the badge file dialog offers %s", ext)
		}
	}
}

package mediapick

import (
	"errors"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stacklet/stacklet/app/tr"
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

// TestImportRefusalSpeaksTheInterfaceLanguage: a file that cannot be read is
// refused in the designer's language, naming the file and the reason.
func TestImportRefusalSpeaksTheInterfaceLanguage(t *testing.T) {
	for _, lang := range []authoring.Locale{"en", "de", "es", "fr", "id", "pt-BR"} {
		t.Run(string(lang), func(t *testing.T) {
			c := Context{T: tr.New(lang)}
			_, err := Import(c, "/home/ana/logo.png", iotest.ErrReader(errors.New("disk gone")))
			if authoring.ErrorCode(err) != authoring.EINVALID {
				t.Fatalf("error %v, want code %s", err, authoring.EINVALID)
			}
			want := c.T.F("PickCannotRead", map[string]any{"Name": "logo.png", "Detail": "disk gone"})
			if got := authoring.ErrorMessage(err); got != want || !strings.Contains(got, "logo.png") {
				t.Errorf("refusal %q, want %q", got, want)
			}
		})
	}
}

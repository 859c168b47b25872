package pseudo

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stacklet/stacklet/authoring/l10n"
)

func TestLocalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"Empty", "", ""},
		{"Blank", "  ", "  "},
		{"Short", "Save", "[!! Šàṽé !!]"},
		{"PlaceholdersKept", "{1}Read{/1} now{2/}", "[!! {1}Ŕéàð{/1} ñöŵ{2/} !!]"},
		{"EscapedBraceKept", "a {{1} b", "[!! à {{1} ƀ !!]"},
		{"Expanded", "Wear your helmet on the warehouse floor at all times.",
			"[!! Ŵéàŕ ýöûŕ ĥéļɱéţ öñ ţĥé ŵàŕéĥöûšé ƒļööŕ àţ àļļ ţîɱéš. ·········· !!]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Localize(tt.in)
			if got != tt.want {
				t.Errorf("Localize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if err := l10n.CheckPlaceholders(tt.in, got); err != nil {
				t.Errorf("placeholders broken: %v", err)
			}
		})
	}
}

func TestLocalizeExpandsAboutAThird(t *testing.T) {
	src := strings.Repeat("Check the label before you lift the box. ", 5)
	got := utf8.RuneCountInString(Localize(src))
	n := utf8.RuneCountInString(src)
	if min, max := n*130/100, n*140/100; got < min || got > max {
		t.Errorf("pseudo text has %d runes for %d source runes, want %d..%d", got, n, min, max)
	}
}

package edit

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/stacklet/stacklet/authoring"
)

// NewBlockID returns an id for a new block of kind in m: the kind and the
// lowest number not taken ("image-3"), readable in dumps and packages.
func NewBlockID(m *authoring.Module, kind authoring.BlockKind) string {
	taken := map[string]bool{}
	for _, b := range m.Blocks {
		taken[b.ID] = true
	}
	for n := 1; ; n++ {
		if id := fmt.Sprintf("%s-%d", kind, n); !taken[id] {
			return id
		}
	}
}

// NewModuleID returns an unused module id made from title: "Safety 101"
// becomes "safety-101", then "safety-101-2" if that is taken.
func NewModuleID(p *authoring.Project, title string) string {
	base := slug(title)
	if base == "" {
		base = "module"
	}
	id := base
	for n := 2; ; n++ {
		if _, err := p.Module(id); err != nil {
			return id
		}
		id = fmt.Sprintf("%s-%d", base, n)
	}
}

// slug keeps ASCII letters and digits of title (accents dropped), joined by
// single hyphens, at most 40 characters.
func slug(title string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFD.String(strings.ToLower(title)) {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r): // a combining accent: skip, keep the letter
		default:
			hyphen = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	return strings.Trim(b.String(), "-")
}

// NewItemID returns the first of "a".."z", then "i27", "i28"..., that is not
// in taken: ids for new choices, pairs and ordering items.
func NewItemID(taken []string) string {
	has := map[string]bool{}
	for _, id := range taken {
		has[id] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		if !has[string(c)] {
			return string(c)
		}
	}
	for n := 27; ; n++ {
		if id := fmt.Sprintf("i%d", n); !has[id] {
			return id
		}
	}
}

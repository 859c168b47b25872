package l10n

import (
	"slices"
	"strings"
	"unicode"
)

// matchWords splits text into lowercase words for finding a glossary
// translation in a target. Marks (Arabic vowel signs, the shadda) and the
// tatweel are dropped, and Arabic words lose the clitics written joined to
// them: "وبالشهادة" ("and with the certificate") matches "شهادة". Without
// this nearly every Arabic sentence would miss its glossary terms.
func matchWords(s string) []string {
	var words []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			words = append(words, stripClitics(cur.String()))
			cur.Reset()
		}
	}
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r) || r == 'ـ':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur.WriteRune(unicode.ToLower(r))
		default:
			flush()
		}
	}
	flush()
	return words
}

// stripClitics removes, from an Arabic word, a leading conjunction (و, ف),
// then a preposition (ب, ك, ل) and the article (ال, or ل after ل), keeping
// at least three letters so that short words stay whole.
func stripClitics(w string) string {
	if !hasArabic(w) {
		return w
	}
	r := []rune(w)
	cut := func(prefix string) {
		p := []rune(prefix)
		if len(r)-len(p) >= 3 && string(r[:len(p)]) == prefix {
			r = r[len(p):]
		}
	}
	for _, group := range [][]string{{"و", "ف"}, {"لل", "ب", "ك", "ل"}, {"ال"}} {
		before := len(r)
		for _, p := range group {
			if cut(p); len(r) != before {
				break
			}
		}
	}
	return string(r)
}

func hasArabic(w string) bool {
	return strings.IndexFunc(w, func(r rune) bool { return unicode.Is(unicode.Arabic, r) }) >= 0
}

// containsRun reports whether want occurs in words as consecutive words.
func containsRun(words, want []string) bool {
	if len(want) == 0 {
		return true
	}
	for i := 0; i+len(want) <= len(words); i++ {
		if slices.Equal(words[i:i+len(want)], want) {
			return true
		}
	}
	return false
}

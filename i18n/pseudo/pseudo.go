// Package pseudo turns segment text into pseudo-localised text: every letter
// accented, the text about a third longer and wrapped in "[!! ... !!]". It
// lets designers check layouts, clipped text and hard-coded strings offline,
// before any real translation exists.
package pseudo

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Expansion is how much longer pseudo text is than its source: German or
// Finnish often run 30-40% longer than English.
const Expansion = 0.35

// Markers wrap pseudo text so nobody mistakes it for a translation and a cut
// end shows at a glance.
const (
	Open  = "[!! "
	Close = " !!]"
)

// accents maps ASCII letters to look-alikes with diacritics.
var accents = map[rune]rune{
	'a': 'à', 'b': 'ƀ', 'c': 'ç', 'd': 'ð', 'e': 'é', 'f': 'ƒ', 'g': 'ĝ', 'h': 'ĥ', 'i': 'î',
	'j': 'ĵ', 'k': 'ķ', 'l': 'ļ', 'm': 'ɱ', 'n': 'ñ', 'o': 'ö', 'p': 'þ', 'q': 'ǫ', 'r': 'ŕ',
	's': 'š', 't': 'ţ', 'u': 'û', 'v': 'ṽ', 'w': 'ŵ', 'x': 'ẋ', 'y': 'ý', 'z': 'ž',
	'A': 'Å', 'B': 'Ɓ', 'C': 'Ç', 'D': 'Ð', 'E': 'É', 'F': 'Ƒ', 'G': 'Ĝ', 'H': 'Ĥ', 'I': 'Î',
	'J': 'Ĵ', 'K': 'Ķ', 'L': 'Ļ', 'M': 'Ṁ', 'N': 'Ñ', 'O': 'Ö', 'P': 'Þ', 'Q': 'Ǫ', 'R': 'Ŕ',
	'S': 'Š', 'T': 'Ţ', 'U': 'Û', 'V': 'Ṽ', 'W': 'Ŵ', 'X': 'Ẋ', 'Y': 'Ý', 'Z': 'Ž',
}

// filler pads the text; it is not a letter, so it never reads as a word.
const filler = '·'

// Localize returns the pseudo form of segment text s. Placeholders ({1},
// {/1}, {2/}) and escaped braces ("{{") are kept byte for byte, so the result
// passes l10n.CheckPlaceholders against s. Empty text stays empty.
func Localize(s string) string {
	if strings.TrimSpace(s) == "" {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range protected.FindAllStringIndex(s, -1) {
		b.WriteString(accent(s[last:m[0]]))
		b.WriteString(s[m[0]:m[1]])
		last = m[1]
	}
	b.WriteString(accent(s[last:]))
	body := b.String()
	return Open + body + pad(utf8.RuneCountInString(s)) + Close
}

// pad returns the filler that brings a text of n runes up to its expanded
// length once the markers are counted.
func pad(n int) string {
	extra := int(float64(n)*Expansion+0.5) - utf8.RuneCountInString(Open+Close) - 1 // the space
	if extra < 1 {
		return ""
	}
	return " " + strings.Repeat(string(filler), extra)
}

func accent(s string) string {
	return strings.Map(func(r rune) rune {
		if a, ok := accents[r]; ok {
			return a
		}
		return r
	}, s)
}

// protected matches what must not change: escaped braces and placeholders,
// scanned the way l10n.Tags scans them so "{{1}" stays text.
var protected = regexp.MustCompile(`\{\{|\{/?[0-9]{1,4}/?\}`)

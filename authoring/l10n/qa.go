package l10n

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stacklet/stacklet/authoring"
)

// Warning is one QA finding on a target text. Warnings inform the
// translator; they never stop a save or an export.
type Warning struct {
	Check   string `json:"check"`
	Message string `json:"message"`
}

// The checks QA runs, as Warning.Check values.
const (
	WarnPlaceholders = "placeholders"
	WarnNumbers      = "numbers"
	WarnWhitespace   = "whitespace"
	WarnPunctuation  = "punctuation"
	WarnLength       = "length"
	WarnGlossary     = "glossary"
	WarnIdentical    = "identical"
)

// QA checks target against seg in locale, with the project glossary.
func QA(seg Segment, target string, locale authoring.Locale, g Glossary) []Warning {
	if isBlank(target) {
		return nil // untranslated: nothing to check yet
	}
	var w []Warning
	add := func(check, format string, args ...any) {
		w = append(w, Warning{Check: check, Message: fmt.Sprintf(format, args...)})
	}
	if err := CheckPlaceholders(seg.Source, target); err != nil {
		add(WarnPlaceholders, "%v", err)
	}
	src, tgt := plainText(seg.Source), plainText(target)
	if missing, extra := diffNumbers(numbers(src), numbers(tgt)); len(missing)+len(extra) > 0 {
		add(WarnNumbers, "numbers differ from the source: %s", describeNumbers(missing, extra))
	}
	checkSpacing(src, tgt, add)
	checkLength(seg, src, tgt, add)
	checkGlossary(g, seg.Source, target, locale, add)
	if target == seg.Source && needsTranslation(src, g) {
		add(WarnIdentical, "the target is the same as the source")
	}
	return w
}

// plainText drops placeholders and unescapes braces: what a reader sees.
func plainText(s string) string {
	var b strings.Builder
	at := 0
	for _, t := range Tags(s) {
		b.WriteString(s[at:t.Offset])
		at = t.Offset + len(t.String())
	}
	b.WriteString(s[at:])
	return UnescapeText(b.String())
}

func checkSpacing(src, tgt string, add func(string, string, ...any)) {
	if leading(src) != leading(tgt) || trailing(src) != trailing(tgt) {
		add(WarnWhitespace, "leading or trailing spaces differ from the source")
	}
	if s, t := endPunct(src), endPunct(tgt); s != t {
		switch {
		case s == 0:
			add(WarnPunctuation, "the target ends with %q but the source has no end punctuation", t)
		case t == 0:
			add(WarnPunctuation, "the source ends with %q but the target has no end punctuation", s)
		default:
			add(WarnPunctuation, "the source ends with %q but the target with %q", s, t)
		}
	}
}

func leading(s string) string  { return s[:len(s)-len(strings.TrimLeftFunc(s, unicode.IsSpace))] }
func trailing(s string) string { return s[len(strings.TrimRightFunc(s, unicode.IsSpace)):] }

// endClass maps end punctuation of many scripts to one class, so "?" and
// Arabic "؟" agree.
var endClass = map[rune]rune{
	'.': '.', '。': '.', '۔': '.', '।': '.',
	'!': '!', '！': '!',
	'?': '?', '？': '?', '؟': '?',
	':': ':', '：': ':',
	';': ';', '；': ';', '؛': ';',
	'…': '…',
}

// endPunct returns the class of s's end punctuation, looking past closing
// quotes and brackets, or 0 when there is none.
func endPunct(s string) rune {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.In(r, unicode.Pe, unicode.Pf) || r == '"' || r == '\''
	})
	if strings.HasSuffix(s, "...") {
		return '…'
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return endClass[r]
}

// checkLength warns when the target is far longer than the source. Short
// texts get slack: "OK" may well become "Aceptar".
func checkLength(seg Segment, src, tgt string, add func(string, string, ...any)) {
	n, m := utf8.RuneCountInString(src), utf8.RuneCountInString(tgt)
	if limit := max(2*n, n+20); m > limit {
		add(WarnLength, "the target has %d characters, more than twice the source's %d", m, n)
	}
	if seg.MaxLen > 0 && m > seg.MaxLen {
		add(WarnLength, "the target has %d characters; this spot fits about %d", m, seg.MaxLen)
	}
}

func checkGlossary(g Glossary, source, target string, locale authoring.Locale, add func(string, string, ...any)) {
	words := matchWords(plainText(target))
	for _, t := range g.Hits(source) {
		want, ok := t.Translations[locale]
		if t.DoNotTranslate {
			want, ok = t.Term, true
		}
		if ok && !containsRun(words, matchWords(want)) {
			add(WarnGlossary, "glossary: %q should be %q", t.Term, want)
		}
	}
}

// needsTranslation reports whether leaving src as it is looks like an
// oversight: once the terms the glossary keeps as they are ("Open Badges")
// are taken out, a word of lowercase letters is left. Acronyms and numbers
// alone stay the same in any language.
func needsTranslation(src string, g Glossary) bool {
	for _, t := range g {
		if t.DoNotTranslate {
			src = replaceFold(src, t.Term)
		}
	}
	run := 0
	for _, r := range src {
		if unicode.IsLower(r) {
			if run++; run >= 3 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// numbers returns the numbers in s as digit strings. Separators between
// digits are dropped, so "2.5" in English matches "2,5" in Spanish and
// "1,000" matches "1.000"; Arabic-Indic digits count as their values.
func numbers(s string) []string {
	var out []string
	var cur strings.Builder
	runes := []rune(s)
	for i, r := range runes {
		if d, ok := digit(r); ok {
			cur.WriteRune(d)
			continue
		}
		if cur.Len() > 0 && isNumberSeparator(r) && i+1 < len(runes) {
			if _, next := digit(runes[i+1]); next {
				continue
			}
		}
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	slices.Sort(out)
	return out
}

func digit(r rune) (rune, bool) {
	switch {
	case r >= '0' && r <= '9':
		return r, true
	case r >= '٠' && r <= '٩': // Arabic-Indic
		return '0' + r - '٠', true
	case r >= '۰' && r <= '۹': // Eastern Arabic-Indic
		return '0' + r - '۰', true
	}
	return 0, false
}

func isNumberSeparator(r rune) bool {
	return r == '.' || r == ',' || r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '٫' || r == '٬'
}

// diffNumbers compares two sorted lists as multisets.
func diffNumbers(src, tgt []string) (missing, extra []string) {
	i, j := 0, 0
	for i < len(src) || j < len(tgt) {
		switch {
		case j == len(tgt) || (i < len(src) && src[i] < tgt[j]):
			missing = append(missing, src[i])
			i++
		case i == len(src) || tgt[j] < src[i]:
			extra = append(extra, tgt[j])
			j++
		default:
			i++
			j++
		}
	}
	return missing, extra
}

func describeNumbers(missing, extra []string) string {
	var parts []string
	if len(missing) > 0 {
		parts = append(parts, "missing "+strings.Join(missing, ", "))
	}
	if len(extra) > 0 {
		parts = append(parts, "added "+strings.Join(extra, ", "))
	}
	return strings.Join(parts, "; ")
}

// replaceFold removes every occurrence of term from s, ignoring case.
func replaceFold(s, term string) string {
	lower, t := strings.ToLower(s), strings.ToLower(term)
	if t == "" || len(lower) != len(s) {
		return s // lowering changed byte lengths: leave s whole rather than cut it wrong
	}
	for i := strings.Index(lower, t); i >= 0; i = strings.Index(lower, t) {
		s, lower = s[:i]+s[i+len(t):], lower[:i]+lower[i+len(t):]
	}
	return s
}

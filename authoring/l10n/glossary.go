package l10n

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stacklet/stacklet/authoring"
)

// Term is a glossary entry: how a term of the source language is rendered
// in each target locale, or that it stays as it is (a product or a standard
// name).
type Term struct {
	Term           string                      `json:"term"`
	Translations   map[authoring.Locale]string `json:"translations,omitempty"`
	DoNotTranslate bool                        `json:"doNotTranslate,omitempty"`
	Note           string                      `json:"note,omitempty"`
}

// Glossary is a project's terms, sorted by term.
type Glossary []Term

// Validate refuses an entry that would never match or contradicts itself.
func (t Term) Validate() error {
	switch {
	case isBlank(t.Term):
		return authoring.Errorf(authoring.EINVALID, "a glossary term is empty")
	case strings.TrimSpace(t.Term) != t.Term:
		return authoring.Errorf(authoring.EINVALID, "glossary term %q starts or ends with a space", t.Term)
	case t.DoNotTranslate && len(t.Translations) > 0:
		return authoring.Errorf(authoring.EINVALID, "glossary term %q is marked do-not-translate but has translations", t.Term)
	}
	for l, text := range t.Translations {
		if _, err := authoring.ParseLocale(string(l)); err != nil {
			return authoring.Errorf(authoring.EINVALID, "glossary term %q: %s", t.Term, authoring.ErrorMessage(err))
		}
		if isBlank(text) {
			return authoring.Errorf(authoring.EINVALID, "glossary term %q has an empty %s translation", t.Term, l)
		}
	}
	return nil
}

// Sort orders g by term, the order stores and dumps keep.
func (g Glossary) Sort() {
	slices.SortFunc(g, func(a, b Term) int { return strings.Compare(a.Term, b.Term) })
}

// Hits returns the terms that occur in source as whole words, ignoring case.
func (g Glossary) Hits(source string) []Term {
	var out []Term
	text := strings.ToLower(UnescapeText(source))
	for _, t := range g {
		if containsWord(text, strings.ToLower(t.Term)) {
			out = append(out, t)
		}
	}
	return out
}

// containsWord reports whether word occurs in text with no letter or digit
// directly before or after it ("ECTS" is in "ECTS credits", not in "OBJECTS").
func containsWord(text, word string) bool {
	if word == "" {
		return false
	}
	for from := 0; ; {
		i := strings.Index(text[from:], word)
		if i < 0 {
			return false
		}
		start, end := from+i, from+i+len(word)
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if !isWordRune(before) && !isWordRune(after) {
			return true
		}
		from = start + 1
	}
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}

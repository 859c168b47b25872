// Package l10n is the translation side of the domain: segments, their states
// per locale, QA checks, the glossary and the translation memory.
package l10n

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Segment text carries inline markup as numbered placeholders, so that
// translators and models move it around without seeing or breaking it:
//
//	{1}bold words{/1}   a pair: bold, italic or a link around text
//	{2/}                stands alone
//
// A literal "{" in the source is written "{{" so that text which happens to
// look like a placeholder stays text.

// TagKind says what part a placeholder plays.
type TagKind int

const (
	TagOpen  TagKind = iota // {1}
	TagClose                // {/1}
	TagSelf                 // {1/}
)

// Tag is one placeholder found in segment text.
type Tag struct {
	ID     int
	Kind   TagKind
	Offset int // byte offset of the opening brace
}

func (t Tag) String() string {
	switch t.Kind {
	case TagClose:
		return fmt.Sprintf("{/%d}", t.ID)
	case TagSelf:
		return fmt.Sprintf("{%d/}", t.ID)
	}
	return fmt.Sprintf("{%d}", t.ID)
}

var tagPattern = regexp.MustCompile(`\{\{|\{(/?)([0-9]{1,4})(/?)\}`)

// Tags returns the placeholders of s in order, skipping escaped braces.
func Tags(s string) []Tag {
	var tags []Tag
	for _, m := range tagPattern.FindAllStringSubmatchIndex(s, -1) {
		if s[m[0]:m[1]] == "{{" {
			continue
		}
		id, _ := strconv.Atoi(s[m[4]:m[5]])
		kind := TagOpen
		closing, self := m[3] > m[2], m[7] > m[6]
		switch {
		case closing && self:
			continue // "{/1/}" is not a placeholder
		case closing:
			kind = TagClose
		case self:
			kind = TagSelf
		}
		tags = append(tags, Tag{ID: id, Kind: kind, Offset: m[0]})
	}
	return tags
}

// EscapeText makes plain text safe to place in segment text.
func EscapeText(s string) string { return strings.ReplaceAll(s, "{", "{{") }

// UnescapeText turns escaped braces in text between placeholders back into
// one brace.
func UnescapeText(s string) string { return strings.ReplaceAll(s, "{{", "{") }

// CheckPlaceholders reports how target breaks the placeholders of source:
// one missing, one added, one repeated, or a pair closed out of order. It
// returns nil when target has exactly the source's placeholders, properly
// nested; their order may change, as word order does between languages.
func CheckPlaceholders(source, target string) error {
	want := countTags(Tags(source))
	got := countTags(Tags(target))
	for t, n := range want {
		if got[t] < n {
			return fmt.Errorf("placeholder %s is missing", t)
		}
	}
	for t, n := range got {
		if want[t] < n {
			if want[t] == 0 {
				return fmt.Errorf("placeholder %s is not in the source", t)
			}
			return fmt.Errorf("placeholder %s appears more often than in the source", t)
		}
	}
	return checkNesting(Tags(target))
}

func countTags(tags []Tag) map[string]int {
	n := map[string]int{}
	for _, t := range tags {
		n[t.String()]++
	}
	return n
}

// checkNesting requires every pair to open before it closes and pairs to nest.
func checkNesting(tags []Tag) error {
	var open []int
	for _, t := range tags {
		switch t.Kind {
		case TagOpen:
			open = append(open, t.ID)
		case TagClose:
			if len(open) == 0 || open[len(open)-1] != t.ID {
				return fmt.Errorf("placeholder %s closes a pair that is not open", t)
			}
			open = open[:len(open)-1]
		}
	}
	if len(open) > 0 {
		return fmt.Errorf("placeholder {%d} is never closed", open[len(open)-1])
	}
	return nil
}

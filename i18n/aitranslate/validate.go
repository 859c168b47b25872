package aitranslate

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
)

// unsafePatterns find markup a model might inject: tags (also entity-encoded),
// script URLs and HTML event handlers. A match is allowed only when the
// source has the same text, e.g. a lesson about HTML that shows "<b>".
var unsafePatterns = []*regexp.Regexp{
	regexp.MustCompile(`<\s*/?\s*[a-zA-Z!?][^>]*>?`),
	regexp.MustCompile(`(?i)&(lt|#0*60|#x0*3c);\s*/?\s*[a-z!?]`),
	regexp.MustCompile(`(?i)\b(java|vb)script\s*:`),
	regexp.MustCompile(`(?i)\bdata\s*:\s*text/html`),
	regexp.MustCompile(`(?i)\bon[a-z]+\s*=\s*["']`),
}

// checkTarget returns the rule target breaks as the translation of source,
// and why, or nil. The error is an *authoring.Error with code EINVALID.
func checkTarget(source, target string) (Rule, error) {
	if strings.TrimSpace(target) == "" {
		return RuleEmpty, authoring.Errorf(authoring.EINVALID, "the model returned an empty translation")
	}
	if err := l10n.CheckPlaceholders(source, target); err != nil {
		return RulePlaceholders, authoring.Errorf(authoring.EINVALID, "the model broke the placeholders: %v", err)
	}
	if bad := injected(source, target); bad != "" {
		return RuleMarkup, authoring.Errorf(authoring.EINVALID, "the model added markup or script that is not in the source: %q", bad)
	}
	if r, ok := controlRune(target); ok {
		return RuleControl, authoring.Errorf(authoring.EINVALID, "the translation holds control character %U", r)
	}
	return "", nil
}

// injected returns the first markup-like text in target that source lacks.
func injected(source, target string) string {
	lowSource := strings.ToLower(source)
	for _, p := range unsafePatterns {
		for _, m := range p.FindAllString(target, -1) {
			if !strings.Contains(lowSource, strings.ToLower(m)) {
				return m
			}
		}
	}
	return ""
}

// controlRune finds a control character other than tab and newline: they
// have no place in learner text and can hide content from a reviewer.
func controlRune(s string) (rune, bool) {
	for _, r := range s {
		if r != '\t' && r != '\n' && (unicode.IsControl(r) || r == '\u2028' || r == '\u2029') {
			return r, true
		}
	}
	return 0, false
}

// missingErr says a reply had no translation for a segment.
func missingErr() error {
	return authoring.Errorf(authoring.ENOTFOUND, "the model's reply has no translation for this segment")
}

// badValueErr says a reply's value for a segment was unusable.
func badValueErr(reason string) error {
	return authoring.Errorf(authoring.EINVALID, "%s", reason)
}

// unreadableErr says the whole reply for a batch could not be read.
func unreadableErr(err error) error {
	return authoring.Errorf(authoring.ECORRUPT, "the model's reply could not be read: %v", err)
}

// Package xliff writes and reads XLIFF 1.2, the exchange format every
// translation tool reads: one <file> per module, one <trans-unit> per
// segment, inline markup as <g> and <x/> elements.
//
// Our states map to XLIFF target states as follows; reading maps them back,
// so an exported file reads and writes back byte for byte:
//
//	untranslated  needs-translation (empty target)
//	machine       needs-review-translation, state-qualifier="mt-suggestion"
//	edited        translated
//	approved      final
//	stale (any)   needs-review-translation, stk:stale="<our state>"
//
// Files from other tools may use any XLIFF 1.2 state: new and needs-*
// without an MT qualifier read as edited when a target is present, signed-off
// as approved. Each unit carries the SHA-256 of the source it was exported
// with (stk:source-hash), so an import can tell which sources have changed
// since.
package xliff

import (
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
)

// Namespaces.
const (
	NS    = "urn:oasis:names:tc:xliff:document:1.2"
	StkNS = "urn:stacklet:xliff:1" // our extension attributes, prefix "stk"
)

// Document is a whole XLIFF file.
type Document struct {
	Files []File
}

// File is one module's segments (Original is the module id, "project" for
// the project title and credentials).
type File struct {
	Original       string
	SourceLanguage authoring.Locale
	TargetLanguage authoring.Locale
	Units          []Unit
}

// Unit is one segment. Source and Target use the placeholder syntax of
// authoring/l10n.
type Unit struct {
	ID         string
	Source     string
	Target     string
	State      l10n.State
	Stale      bool
	SourceHash string
	Note       string
	MaxLen     int            // maxwidth in characters, 0 for none
	CTypes     map[int]string // placeholder id -> ctype ("bold", "italic", "link")
	Line       int            // where the unit starts in a file read; not written
}

// xliff states, and the qualifier that marks machine translation.
const (
	stateNeedsTranslation = "needs-translation"
	stateNeedsReview      = "needs-review-translation"
	stateTranslated       = "translated"
	stateFinal            = "final"
	qualifierMT           = "mt-suggestion"
)

// xliffState returns the state and state-qualifier written for u.
func xliffState(u *Unit) (state, qualifier string) {
	switch {
	case u.Target == "":
		return stateNeedsTranslation, ""
	case u.Stale:
		return stateNeedsReview, ""
	case u.State == l10n.Machine:
		return stateNeedsReview, qualifierMT
	case u.State == l10n.Edited:
		return stateTranslated, ""
	case u.State == l10n.Approved:
		return stateFinal, ""
	}
	return stateNeedsTranslation, ""
}

// knownStates are the XLIFF 1.2 target states; tools may add "x-" ones.
var knownStates = map[string]bool{
	"final": true, "needs-adaptation": true, "needs-l10n": true, "needs-review-adaptation": true,
	"needs-review-l10n": true, "needs-review-translation": true, "needs-translation": true,
	"new": true, "signed-off": true, "translated": true,
}

// ourState maps a target's XLIFF state back to ours.
func ourState(state, qualifier, target string) l10n.State {
	switch {
	case target == "":
		return l10n.Untranslated
	case state == stateFinal || state == "signed-off":
		return l10n.Approved
	case qualifier == qualifierMT || qualifier == "leveraged-mt":
		return l10n.Machine
	}
	return l10n.Edited
}

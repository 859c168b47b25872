package l10n

import (
	"strings"
	"unicode/utf8"

	"github.com/stacklet/stacklet/authoring"
)

// Style is how one locale's translations should sound. It is kept with the
// project, not typed anew for each run, so that every batch the model gets,
// from the CLI or the review screen, asks for the same register and reader.
type Style struct {
	Formality Formality `json:"formality,omitempty"`
	Audience  string    `json:"audience,omitempty"` // who reads the modules, e.g. "warehouse staff"
	Notes     string    `json:"notes,omitempty"`    // anything else: brand voice, spelling variant
}

// Formality is the register of address. German Sie or du, French vous or
// tu: a choice the source language often does not make.
type Formality string

const (
	FollowSource Formality = "" // the model follows the tone of the source
	Formal       Formality = "formal"
	Informal     Formality = "informal"
)

// Formalities lists the choices in the order a form offers them.
var Formalities = []Formality{FollowSource, Formal, Informal}

// Limits keep a style a note, not a second prompt: it goes with every batch.
const (
	maxAudience = 200
	maxNotes    = 1000
)

// Validate refuses an unknown register and texts too long to send with
// every batch.
func (s Style) Validate() error {
	switch {
	case s.Formality != FollowSource && s.Formality != Formal && s.Formality != Informal:
		return authoring.Errorf(authoring.EINVALID, "formality %q is not one of formal, informal or empty (follow the source)", s.Formality)
	case utf8.RuneCountInString(s.Audience) > maxAudience:
		return authoring.Errorf(authoring.EINVALID, "the audience is longer than %d characters", maxAudience)
	case utf8.RuneCountInString(s.Notes) > maxNotes:
		return authoring.Errorf(authoring.EINVALID, "the style notes are longer than %d characters", maxNotes)
	}
	return nil
}

// Trimmed drops surrounding spaces, so that a blank field means "not set".
func (s Style) Trimmed() Style {
	s.Audience = strings.TrimSpace(s.Audience)
	s.Notes = strings.TrimSpace(s.Notes)
	return s
}

// IsZero reports whether s asks for nothing.
func (s Style) IsZero() bool { return s == Style{} }

// Override returns s with each field o sets put in place of s's: a run's
// own choices win over the stored style, field by field.
func (s Style) Override(o Style) Style {
	if o.Formality != FollowSource {
		s.Formality = o.Formality
	}
	if o.Audience != "" {
		s.Audience = o.Audience
	}
	if o.Notes != "" {
		s.Notes = o.Notes
	}
	return s
}

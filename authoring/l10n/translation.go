package l10n

import (
	"fmt"
	"time"

	"github.com/stacklet/stacklet/authoring"
)

// State is where a segment's translation stands in one locale.
type State string

const (
	Untranslated State = "untranslated"
	Machine      State = "machine" // from a model or the pseudo-locale; never approved by itself
	Edited       State = "edited"  // written or changed by a person, not yet approved
	Approved     State = "approved"
)

// States lists the states in workflow order.
var States = []State{Untranslated, Machine, Edited, Approved}

// ParseState returns the State named s.
func ParseState(s string) (State, error) {
	for _, st := range States {
		if string(st) == s {
			return st, nil
		}
	}
	return "", authoring.Errorf(authoring.EINVALID, "translation state %q is not untranslated, machine, edited or approved", s)
}

// Translation is the target text of one segment in one locale, with its
// provenance. Source is the segment text it was made from: when the
// segment's source changes, the translation is stale and its old target is
// kept for the translator to compare.
type Translation struct {
	ID       string    `json:"id"`
	Source   string    `json:"source"`
	Target   string    `json:"target"`
	State    State     `json:"state"`
	By       string    `json:"by"` // a person, "model:<name>", "sample", ...
	At       time.Time `json:"at"`
	Comments []Comment `json:"comments,omitempty"`
}

// Comment is a note on a segment in one locale, from a translator or reviewer.
type Comment struct {
	By   string    `json:"by"`
	At   time.Time `json:"at"`
	Text string    `json:"text"`
}

// Translations are the translations of one locale by segment id.
type Translations map[string]Translation

// NewTranslation records target for seg, made by who at at.
func NewTranslation(seg Segment, target string, state State, by string, at time.Time) Translation {
	return Translation{ID: seg.ID, Source: seg.Source, Target: target, State: state, By: by, At: at.UTC()}
}

// ApprovedBy is the provenance of user approving target over prev. When
// the text is a machine translation approved as it stands, the model that
// wrote it is kept beside the approver: "ana, from model:gpt-4o-mini".
func ApprovedBy(user string, prev Translation, target string) string {
	if prev.State != Machine || prev.Target != target || prev.By == "" {
		return user
	}
	return user + ", from " + prev.By
}

// Stale reports whether t was made from another source text than seg's.
func (t Translation) Stale(seg Segment) bool {
	return t.State != Untranslated && t.Source != seg.Source
}

// Validate refuses a translation that cannot be stored meaningfully.
func (t Translation) Validate() error {
	if t.ID == "" {
		return authoring.Errorf(authoring.EINVALID, "a translation has no segment id")
	}
	if _, err := ParseState(string(t.State)); err != nil {
		return authoring.Errorf(authoring.EINVALID, "segment %s: %s", t.ID, authoring.ErrorMessage(err))
	}
	if t.State != Untranslated && isBlank(t.Target) {
		return authoring.Errorf(authoring.EINVALID, "segment %s is %s but has no target text", t.ID, t.State)
	}
	return nil
}

// Item is a segment as the review screen shows it in one locale.
type Item struct {
	Segment     Segment
	Translation Translation // zero when there is none
	State       State       // Untranslated when there is no translation
	Stale       bool
}

// Join pairs each segment with its translation, in segment order.
func Join(segs []Segment, tr Translations) []Item {
	out := make([]Item, len(segs))
	for i, s := range segs {
		t, ok := tr[s.ID]
		state := Untranslated
		if ok && t.State != "" {
			state = t.State
		}
		out[i] = Item{Segment: s, Translation: t, State: state, Stale: ok && t.Stale(s)}
	}
	return out
}

// Status counts a locale's segments by state. Stale segments count under
// their state and again under Stale; Orphaned are translations of segments
// that no longer exist.
type Status struct {
	Locale       authoring.Locale `json:"locale"`
	Total        int              `json:"total"`
	Untranslated int              `json:"untranslated"`
	Machine      int              `json:"machine"`
	Edited       int              `json:"edited"`
	Approved     int              `json:"approved"`
	Stale        int              `json:"stale"`
	Orphaned     int              `json:"orphaned"`
}

// StatusOf counts segs in locale.
func StatusOf(locale authoring.Locale, segs []Segment, tr Translations) Status {
	st := Status{Locale: locale, Total: len(segs)}
	ids := map[string]bool{}
	for _, it := range Join(segs, tr) {
		ids[it.Segment.ID] = true
		*st.count(it.State)++
		if it.Stale {
			st.Stale++
		}
	}
	for id := range tr {
		if !ids[id] {
			st.Orphaned++
		}
	}
	return st
}

func (s *Status) count(state State) *int {
	switch state {
	case Machine:
		return &s.Machine
	case Edited:
		return &s.Edited
	case Approved:
		return &s.Approved
	}
	return &s.Untranslated
}

func (s Status) String() string {
	return fmt.Sprintf("%s: %d segments, %d approved, %d edited, %d machine, %d untranslated, %d stale",
		s.Locale, s.Total, s.Approved, s.Edited, s.Machine, s.Untranslated, s.Stale)
}

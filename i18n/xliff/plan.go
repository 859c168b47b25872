package xliff

import (
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
)

// Action is what an import does with one unit.
type Action string

const (
	Apply     Action = "apply"     // the target is written, as edited
	Unchanged Action = "unchanged" // the project already has this target
	Empty     Action = "empty"     // no target: nothing to import
	Stale     Action = "stale"     // the source changed since export: not applied
	Unknown   Action = "unknown"   // the project has no such segment any more
	Invalid   Action = "invalid"   // the target breaks the placeholders
)

// Decision is what happens to one unit; Err says why for Stale, Unknown and
// Invalid (an *authoring.Error).
type Decision struct {
	ID     string
	Line   int
	Action Action
	Target string
	Err    error
}

// Plan decides, unit by unit, what importing f does to a project whose
// current segments are segs (by id) and whose translations in f's target
// locale are current. Nothing is changed: the caller applies the Apply
// decisions, so one bad unit never blocks the others.
func Plan(f *File, segs map[string]l10n.Segment, current l10n.Translations) []Decision {
	out := make([]Decision, 0, len(f.Units))
	for i := range f.Units {
		out = append(out, decide(&f.Units[i], segs, current))
	}
	return out
}

func decide(u *Unit, segs map[string]l10n.Segment, current l10n.Translations) Decision {
	d := Decision{ID: u.ID, Line: u.Line, Target: u.Target}
	seg, ok := segs[u.ID]
	switch {
	case !ok:
		d.Action, d.Err = Unknown, authoring.Errorf(authoring.ENOTFOUND, "line %d: segment %s no longer exists in the project", u.Line, u.ID)
	case sourceChanged(u, seg):
		d.Action, d.Err = Stale, authoring.Errorf(authoring.ECONFLICT, "line %d: the source of %s changed since the export: export again and translate the new text", u.Line, u.ID)
	case u.Target == "":
		d.Action = Empty
	case placeholderErr(seg, u) != nil:
		d.Action, d.Err = Invalid, placeholderErr(seg, u)
	case unchanged(u, seg, current[u.ID]):
		d.Action = Unchanged
	default:
		d.Action = Apply
	}
	return d
}

func placeholderErr(seg l10n.Segment, u *Unit) error {
	if err := l10n.CheckPlaceholders(seg.Source, u.Target); err != nil {
		return authoring.Errorf(authoring.EINVALID, "line %d: the target of %s breaks its placeholders: %v", u.Line, u.ID, err)
	}
	return nil
}

// sourceChanged compares the hash recorded at export, or the source text
// when a tool dropped the hash.
func sourceChanged(u *Unit, seg l10n.Segment) bool {
	if u.SourceHash != "" {
		return u.SourceHash != seg.Hash
	}
	return u.Source != seg.Source
}

// unchanged reports whether importing u would add nothing: the same text is
// there already, and the file does not confirm it. A translator who keeps
// machine output but marks it translated, or clears the stale mark of an old
// target, has reviewed it: that is applied as edited.
func unchanged(u *Unit, seg l10n.Segment, cur l10n.Translation) bool {
	if cur.Target != u.Target || cur.State == l10n.Untranslated {
		return false
	}
	if cur.Stale(seg) {
		return u.Stale // still marked stale: nobody confirmed the old text
	}
	return cur.State != l10n.Machine || u.State == l10n.Machine
}

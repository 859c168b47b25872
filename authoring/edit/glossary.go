package edit

import (
	"context"
	"maps"
	"strconv"
	"strings"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
)

// Unlike translations, glossary changes are undoable: a term is a project
// decision made in the editor, and a removed term should come back with
// Ctrl+Z like a removed block. The glossary has no copy in memory; the
// current terms are read through the writer, after the queued writes.

// SetTerm adds t to the glossary (old == "") or changes the term named old,
// renaming it when t.Term differs. The write is queued like every edit and
// is one undo step.
//
// Errors: EINVALID when t is not a valid term (empty, padded, do-not-
// translate with translations), ENOTFOUND when old names no term, ECONFLICT
// when another term is already written t.Term, ignoring case (both would
// match the same words).
func (s *Session) SetTerm(old string, t l10n.Term) error {
	st, err := s.l10nStore()
	if err != nil {
		return err
	}
	if err := t.Validate(); err != nil {
		return err
	}
	g, err := s.Glossary()
	if err != nil {
		return err
	}
	var prev *l10n.Term
	if old != "" {
		i := indexOfTerm(g, old)
		if i < 0 {
			return authoring.Errorf(authoring.ENOTFOUND, "the glossary has no term %q", old)
		}
		prev = &g[i]
	}
	for _, other := range g {
		if other.Term != old && strings.EqualFold(other.Term, t.Term) {
			return authoring.Errorf(authoring.ECONFLICT, "the glossary already has the term %q", other.Term)
		}
	}
	t = cloneTerm(t)
	if prev != nil && sameTerm(*prev, t) {
		return nil // nothing changed: no write, no empty undo step
	}
	redo := s.putTerm(st, t, renamedFrom(prev, t))
	undo := s.dropTerm(st, t.Term)
	if prev != nil {
		undo = s.putTerm(st, *prev, renamedFrom(&t, *prev))
	}
	if err := redo(); err != nil {
		return err
	}
	s.record(step{redo: redo, undo: undo})
	return nil
}

// RemoveTerm takes term out of the glossary, as one undo step.
// ENOTFOUND when there is no such term.
func (s *Session) RemoveTerm(term string) error {
	st, err := s.l10nStore()
	if err != nil {
		return err
	}
	g, err := s.Glossary()
	if err != nil {
		return err
	}
	i := indexOfTerm(g, term)
	if i < 0 {
		return authoring.Errorf(authoring.ENOTFOUND, "the glossary has no term %q", term)
	}
	redo := s.dropTerm(st, term)
	undo := s.putTerm(st, g[i], "")
	if err := redo(); err != nil {
		return err
	}
	s.record(step{redo: redo, undo: undo})
	return nil
}

// putTerm returns the action that stores t and, for a rename, removes the
// entry under its former name. The new entry is written first so a failure
// between the two leaves both, never neither.
func (s *Session) putTerm(st l10n.Store, t l10n.Term, formerName string) func() error {
	return func() error {
		s.save("", "save glossary term "+strconv.Quote(t.Term), func(ctx context.Context, _ authoring.Store) error {
			if err := st.SaveTerm(ctx, t); err != nil {
				return err
			}
			if formerName == "" {
				return nil
			}
			return st.DeleteTerm(ctx, formerName)
		})
		s.notify(Change{Kind: GlossaryChanged, Field: t.Term})
		return nil
	}
}

// dropTerm returns the action that removes term.
func (s *Session) dropTerm(st l10n.Store, term string) func() error {
	return func() error {
		s.save("", "remove glossary term "+strconv.Quote(term), func(ctx context.Context, _ authoring.Store) error {
			return st.DeleteTerm(ctx, term)
		})
		s.notify(Change{Kind: GlossaryChanged, Field: term})
		return nil
	}
}

// renamedFrom is the name to drop when after replaces before under a new
// name; "" when the name stays or there was no entry.
func renamedFrom(before *l10n.Term, after l10n.Term) string {
	if before == nil || before.Term == after.Term {
		return ""
	}
	return before.Term
}

func indexOfTerm(g l10n.Glossary, term string) int {
	for i, t := range g {
		if t.Term == term {
			return i
		}
	}
	return -1
}

// cloneTerm copies t's map so the caller may go on changing its own, and
// stores no translations as nil, the way the store reads them back.
func cloneTerm(t l10n.Term) l10n.Term {
	if len(t.Translations) == 0 {
		t.Translations = nil
	} else {
		t.Translations = maps.Clone(t.Translations)
	}
	return t
}

func sameTerm(a, b l10n.Term) bool {
	return a.Term == b.Term && a.DoNotTranslate == b.DoNotTranslate && a.Note == b.Note &&
		maps.Equal(a.Translations, b.Translations)
}

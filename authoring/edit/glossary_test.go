package edit_test

import (
	"reflect"
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/edit"
	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/authoring/sqlite"
)

// glossaryOnDisk reads the glossary through a second store, as the app
// would after a restart.
func glossaryOnDisk(tb testing.TB, s *edit.Session, path string) l10n.Glossary {
	tb.Helper()
	mustFlush(tb, s)
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		tb.Fatal(err)
	}
	defer st.Close()
	g, err := st.Glossary(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

func wantGlossary(tb testing.TB, s *edit.Session, path string, want l10n.Glossary) {
	tb.Helper()
	live, err := s.Glossary()
	if err != nil {
		tb.Fatal(err)
	}
	if !reflect.DeepEqual(live, want) {
		tb.Errorf("session reads %+v, want %+v", live, want)
	}
	if disk := glossaryOnDisk(tb, s, path); !reflect.DeepEqual(disk, want) {
		tb.Errorf("file holds %+v, want %+v", disk, want)
	}
}

// TestGlossaryEditsUndoAndRedo adds, changes, renames and removes a term,
// then walks the history back to the empty glossary and forward again,
// checking the session and the file at every step.
func TestGlossaryEditsUndoAndRedo(t *testing.T) {
	s, path := mustSession(t, edit.Options{})
	var kinds []edit.Change
	defer s.Observe(func(c edit.Change) { kinds = append(kinds, c) })()

	added := l10n.Term{Term: "harness", Translations: map[authoring.Locale]string{"de": "Gurt"}, Note: "fall arrest"}
	changed := l10n.Term{Term: "harness", Translations: map[authoring.Locale]string{"de": "Auffanggurt", "ar": "حزام"}}
	renamed := l10n.Term{Term: "Harness", DoNotTranslate: true, Note: "brand"}
	steps := []struct {
		name string
		do   func() error
		want l10n.Glossary
	}{
		{"add", func() error { return s.SetTerm("", added) }, l10n.Glossary{added}},
		{"update", func() error { return s.SetTerm("harness", changed) }, l10n.Glossary{changed}},
		{"rename", func() error { return s.SetTerm("harness", renamed) }, l10n.Glossary{renamed}},
		{"remove", func() error { return s.RemoveTerm("Harness") }, nil},
	}
	states := []l10n.Glossary{nil}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			mustOK(t, st.do())
			wantGlossary(t, s, path, st.want)
		})
		states = append(states, st.want)
	}
	if len(kinds) != len(steps) || kinds[0].Kind != edit.GlossaryChanged || kinds[0].Field != "harness" {
		t.Errorf("observers heard %+v, want one GlossaryChanged per edit", kinds)
	}
	for i := len(steps) - 1; i >= 0; i-- {
		t.Run("undo "+steps[i].name, func(t *testing.T) {
			mustOK(t, s.Undo())
			wantGlossary(t, s, path, states[i])
		})
	}
	if s.CanUndo() {
		t.Error("the history holds more than the four glossary edits")
	}
	for i := range steps {
		t.Run("redo "+steps[i].name, func(t *testing.T) {
			mustOK(t, s.Redo())
			wantGlossary(t, s, path, states[i+1])
		})
	}
	if last := kinds[len(kinds)-1]; last.Origin != edit.ByRedo {
		t.Errorf("last change origin %v, want ByRedo", last.Origin)
	}
}

// TestGlossaryRemoveUndoneAfterReopen removes a term, closes the project,
// and finds the term gone in a new session; undo in the first session
// before closing brings it back on disk.
func TestGlossaryRemoveUndoneAfterReopen(t *testing.T) {
	s, path := mustSession(t, edit.Options{})
	keep := l10n.Term{Term: "PPE", Translations: map[authoring.Locale]string{"de": "PSA"}}
	mustOK(t, s.SetTerm("", keep))
	mustOK(t, s.RemoveTerm("PPE"))
	mustOK(t, s.Undo())
	mustOK(t, s.Close())

	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := st.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	reopened := edit.New(loaded, st, edit.Options{})
	defer reopened.Close()
	g, err := reopened.Glossary()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g, l10n.Glossary{keep}) {
		t.Errorf("reopened glossary %+v, want the restored term", g)
	}
}

// TestGlossaryRefusals checks each refusal has its code and changes
// nothing: no write, no undo step.
func TestGlossaryRefusals(t *testing.T) {
	s, path := mustSession(t, edit.Options{})
	base := l10n.Term{Term: "Scaffold", Translations: map[authoring.Locale]string{"de": "Gerüst"}}
	mustOK(t, s.SetTerm("", base))
	other := l10n.Term{Term: "ladder"}
	mustOK(t, s.SetTerm("", other))
	tests := []struct {
		name string
		do   func() error
		code string
	}{
		{"empty term", func() error { return s.SetTerm("", l10n.Term{Term: "  "}) }, authoring.EINVALID},
		{"padded term", func() error { return s.SetTerm("", l10n.Term{Term: " rope"}) }, authoring.EINVALID},
		{"dnt with translations", func() error {
			return s.SetTerm("", l10n.Term{Term: "rope", DoNotTranslate: true, Translations: map[authoring.Locale]string{"de": "Seil"}})
		}, authoring.EINVALID},
		{"duplicate", func() error { return s.SetTerm("", l10n.Term{Term: "Scaffold"}) }, authoring.ECONFLICT},
		{"duplicate ignoring case", func() error { return s.SetTerm("", l10n.Term{Term: "SCAFFOLD"}) }, authoring.ECONFLICT},
		{"rename onto another", func() error { return s.SetTerm("ladder", l10n.Term{Term: "scaffold"}) }, authoring.ECONFLICT},
		{"update missing", func() error { return s.SetTerm("rope", l10n.Term{Term: "rope"}) }, authoring.ENOTFOUND},
		{"remove missing", func() error { return s.RemoveTerm("rope") }, authoring.ENOTFOUND},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.do(); authoring.ErrorCode(err) != tt.code {
				t.Errorf("got %v, want %s", err, tt.code)
			}
		})
	}
	wantGlossary(t, s, path, l10n.Glossary{base, other})
	// Changing the case of a term's own name is a rename, not a clash.
	mustOK(t, s.SetTerm("ladder", l10n.Term{Term: "Ladder"}))
	mustOK(t, s.Undo())
	mustOK(t, s.Undo())
	wantGlossary(t, s, path, l10n.Glossary{base})
}

// TestGlossaryUnchangedTermIsNoStep saves a term as it is: nothing is
// written and undo goes past it.
func TestGlossaryUnchangedTermIsNoStep(t *testing.T) {
	s, path := mustSession(t, edit.Options{})
	term := l10n.Term{Term: "anchor", Translations: map[authoring.Locale]string{}}
	mustOK(t, s.SetTerm("", term))
	mustOK(t, s.SetTerm("anchor", l10n.Term{Term: "anchor"}))
	mustOK(t, s.Undo())
	if s.CanUndo() {
		t.Error("saving an unchanged term made an undo step")
	}
	wantGlossary(t, s, path, nil)
}

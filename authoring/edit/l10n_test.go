package edit_test

import (
	"testing"
	"time"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/edit"
	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/authoring/sqlite"
)

// TestTranslationsPersistInOrder saves translations and a comment through
// the session, reads them back at once (queued behind the writes) and from
// the file after closing.
func TestTranslationsPersistInOrder(t *testing.T) {
	at := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	s, path := mustSession(t, edit.Options{Now: func() time.Time { return at }})
	loc := s.Project().TargetLocales[0]
	segs := l10n.ProjectSegments(s.Project(), nil)
	first := l10n.NewTranslation(segs[0], "Hola", l10n.Edited, "ana", s.Now())
	if err := s.SaveTranslations(loc, []l10n.Translation{first}); err != nil {
		t.Fatal(err)
	}
	first.State = l10n.Approved
	if err := s.SaveTranslations(loc, []l10n.Translation{first}); err != nil {
		t.Fatal(err)
	}
	if err := s.AddComment(loc, segs[0].ID, l10n.Comment{By: "ana", At: at, Text: "Check tone"}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Translations(loc)
	if err != nil {
		t.Fatal(err)
	}
	if tr := got[segs[0].ID]; tr.State != l10n.Approved || tr.Target != "Hola" || len(tr.Comments) != 1 {
		t.Fatalf("read back %+v", tr)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	onFile, err := st.Translations(ctx, loc)
	if err != nil {
		t.Fatal(err)
	}
	if tr := onFile[segs[0].ID]; tr.State != l10n.Approved || !tr.At.Equal(at) {
		t.Errorf("on file %+v", tr)
	}
}

func TestSaveTranslationsRefusesInvalid(t *testing.T) {
	s, _ := mustSession(t, edit.Options{})
	loc := s.Project().TargetLocales[0]
	err := s.SaveTranslations(loc, []l10n.Translation{{ID: "p/title", State: l10n.Approved}})
	if authoring.ErrorCode(err) != authoring.EINVALID {
		t.Errorf("approved without a target: %v, want EINVALID", err)
	}
	if err := s.AddComment(loc, "p/title", l10n.Comment{}); authoring.ErrorCode(err) != authoring.EINVALID {
		t.Errorf("empty comment: %v, want EINVALID", err)
	}
}

// TestStylePersists sets a locale's style through the session, reads it
// back behind the queued write and from the file, and refuses a bad one.
func TestStylePersists(t *testing.T) {
	s, path := mustSession(t, edit.Options{})
	loc := s.Project().TargetLocales[0]
	want := l10n.Style{Formality: l10n.Formal, Audience: "site managers"}
	if err := s.SetStyle(loc, want); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Style(loc); err != nil || got != want {
		t.Fatalf("read back %+v, %v", got, err)
	}
	if err := s.SetStyle(loc, l10n.Style{Formality: "casual"}); authoring.ErrorCode(err) != authoring.EINVALID {
		t.Errorf("unknown register: %v, want EINVALID", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if got, err := st.Style(ctx, loc); err != nil || got != want {
		t.Errorf("on file %+v, %v", got, err)
	}
}

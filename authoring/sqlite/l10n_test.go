package sqlite_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/authoring/sqlite"
)

var when = time.Date(2026, 11, 22, 9, 30, 0, 123, time.UTC)

func tr(id, source, target string, st l10n.State) l10n.Translation {
	return l10n.NewTranslation(l10n.Segment{ID: id, Source: source}, target, st, "ana", when)
}

func mustTranslations(tb testing.TB, s *sqlite.Store, locale authoring.Locale) l10n.Translations {
	tb.Helper()
	got, err := s.Translations(ctx, locale)
	if err != nil {
		tb.Fatal(err)
	}
	return got
}

func TestTranslationsSaveAndReopen(t *testing.T) {
	s, path, _ := MustCreate(t)
	a := tr("m:ladders/title", "Ladder safety", "Seguridad con escaleras", l10n.Machine)
	b := tr("m:ladders/description", "Use ladders safely.", "Usa escaleras con seguridad.", l10n.Approved)
	if err := s.SaveTranslations(ctx, "es", []l10n.Translation{a, b}); err != nil {
		t.Fatal(err)
	}
	a.Target, a.State = "Escaleras seguras", l10n.Edited
	if err := s.SaveTranslations(ctx, "es", []l10n.Translation{a}); err != nil {
		t.Fatal(err)
	}
	c := l10n.Comment{By: "rev", At: when.Add(time.Hour), Text: "¿«escaleras de mano»?"}
	for _, comment := range []l10n.Comment{c, c} {
		if err := s.AddComment(ctx, "es", a.ID, comment); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.AddComment(ctx, "es", "m:ladders/keywords[1]", c); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	got := mustTranslations(t, s2, "es")
	a.Comments = []l10n.Comment{c, c}
	want := l10n.Translations{a.ID: a, b.ID: b,
		"m:ladders/keywords[1]": {ID: "m:ladders/keywords[1]", State: l10n.Untranslated, Comments: []l10n.Comment{c}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("translations\n%+v\nwant\n%+v", got, want)
	}
	if other := mustTranslations(t, s2, "ar"); len(other) != 0 {
		t.Errorf("ar has %d translations", len(other))
	}
}

func TestTranslationErrors(t *testing.T) {
	s, _, _ := MustCreate(t)
	good := tr("a", "A", "B", l10n.Approved)
	tests := []struct {
		name string
		fn   func() error
		code string
	}{
		{"bad state keeps the batch out", func() error {
			return s.SaveTranslations(ctx, "es", []l10n.Translation{good, tr("b", "A", "B", "done")})
		}, authoring.EINVALID},
		{"machine with no text", func() error {
			return s.SaveTranslations(ctx, "es", []l10n.Translation{tr("b", "A", "", l10n.Machine)})
		}, authoring.EINVALID},
		{"locale not canonical", func() error { return s.SaveTranslations(ctx, "pt-br", []l10n.Translation{good}) }, authoring.EINVALID},
		{"locale not a tag", func() error { return s.SaveTranslations(ctx, "no such", []l10n.Translation{good}) }, authoring.EINVALID},
		{"empty comment", func() error { return s.AddComment(ctx, "es", "a", l10n.Comment{Text: " "}) }, authoring.EINVALID},
		{"delete missing", func() error { return s.DeleteTranslations(ctx, "es", "zzz") }, authoring.ENOTFOUND},
		{"delete missing term", func() error { return s.DeleteTerm(ctx, "zzz") }, authoring.ENOTFOUND},
		{"bad term", func() error { return s.SaveTerm(ctx, l10n.Term{Term: ""}) }, authoring.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantCode(t, tt.fn(), tt.code) })
	}
	if got := mustTranslations(t, s, "es"); len(got) != 0 {
		t.Errorf("a refused batch left %d translations", len(got))
	}
}

func TestDeleteTranslations(t *testing.T) {
	s, _, _ := MustCreate(t)
	if err := s.SaveTranslations(ctx, "es", []l10n.Translation{tr("a", "A", "B", l10n.Approved), tr("b", "C", "D", l10n.Approved)}); err != nil {
		t.Fatal(err)
	}
	if err := s.AddComment(ctx, "es", "a", l10n.Comment{By: "x", At: when, Text: "hm"}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteTranslations(ctx, "es", "a"); err != nil {
		t.Fatal(err)
	}
	got := mustTranslations(t, s, "es")
	if _, ok := got["a"]; ok || len(got) != 1 {
		t.Errorf("after delete: %+v", got)
	}
}

func TestGlossary(t *testing.T) {
	s, _, _ := MustCreate(t)
	terms := []l10n.Term{
		{Term: "micro-credential", Translations: map[authoring.Locale]string{"es": "microcredencial", "ar": "شهادة مصغّرة"}, Note: "EU term"},
		{Term: "ESCO", DoNotTranslate: true},
	}
	for _, term := range terms {
		if err := s.SaveTerm(ctx, term); err != nil {
			t.Fatal(err)
		}
	}
	terms[0].Note = "the EU's term"
	if err := s.SaveTerm(ctx, terms[0]); err != nil {
		t.Fatal(err)
	}
	got, err := s.Glossary(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := l10n.Glossary{terms[1], terms[0]}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("glossary %+v, want %+v", got, want)
	}
	if err := s.DeleteTerm(ctx, "ESCO"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Glossary(ctx); len(got) != 1 {
		t.Errorf("after delete %+v", got)
	}
}

func TestReplaceL10n(t *testing.T) {
	s, _, _ := MustCreate(t)
	if err := s.SaveTranslations(ctx, "de", []l10n.Translation{tr("old", "A", "B", l10n.Approved)}); err != nil {
		t.Fatal(err)
	}
	withComment := tr("a", "A", "Á", l10n.Approved)
	withComment.Comments = []l10n.Comment{{By: "x", At: when, Text: "ok"}}
	b := &l10n.Bundle{
		Translations: map[authoring.Locale]l10n.Translations{
			"es": {"a": withComment, "c": {ID: "c", State: l10n.Untranslated, Comments: []l10n.Comment{{By: "y", At: when, Text: "?"}}}},
			"ar": {"a": tr("a", "A", "أ", l10n.Edited)},
		},
		Glossary: l10n.Glossary{{Term: "ESCO", DoNotTranslate: true}},
		Styles:   map[authoring.Locale]l10n.Style{"es": {Formality: l10n.Informal, Audience: "warehouse staff"}},
	}
	if err := s.ReplaceL10n(ctx, b); err != nil {
		t.Fatal(err)
	}
	got, err := s.LoadL10n(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, b) {
		t.Errorf("loaded\n%+v\nwant\n%+v", got, b)
	}
	bad := &l10n.Bundle{Translations: map[authoring.Locale]l10n.Translations{"es": {"x": tr("y", "A", "B", l10n.Approved)}}}
	wantCode(t, s.ReplaceL10n(ctx, bad), authoring.EINVALID)
	if again, _ := s.LoadL10n(ctx); !reflect.DeepEqual(again, b) {
		t.Error("a refused replace changed the data")
	}
}

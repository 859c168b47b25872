package sqlite_test

import (
	"database/sql"
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/authoring/sqlite"
)

// TestStyleSaveAndReopen stores a locale's style, reads it back from the
// reopened file, and removes it by saving the zero Style.
func TestStyleSaveAndReopen(t *testing.T) {
	s, path, _ := MustCreate(t)
	want := l10n.Style{Formality: l10n.Formal, Audience: "site managers", Notes: "Say «Sie»."}
	if err := s.SaveStyle(ctx, "de", want); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if got, err := s2.Style(ctx, "de"); err != nil || got != want {
		t.Errorf("style %+v, %v; want %+v", got, err, want)
	}
	if got, err := s2.Style(ctx, "es"); err != nil || !got.IsZero() {
		t.Errorf("unset style %+v, %v; want zero", got, err)
	}
	if err := s2.SaveStyle(ctx, "de", l10n.Style{}); err != nil {
		t.Fatal(err)
	}
	b, err := s2.LoadL10n(ctx)
	if err != nil || len(b.Styles) != 0 {
		t.Errorf("styles after removal %+v, %v", b.Styles, err)
	}
}

func TestSaveStyleRefusesBadInput(t *testing.T) {
	s, _, _ := MustCreate(t)
	for name, c := range map[string]struct {
		locale authoring.Locale
		style  l10n.Style
	}{
		"unknown register":     {"de", l10n.Style{Formality: "casual"}},
		"locale not canonical": {"pt-br", l10n.Style{Formality: l10n.Formal}},
	} {
		t.Run(name, func(t *testing.T) {
			wantCode(t, s.SaveStyle(ctx, c.locale, c.style), authoring.EINVALID)
		})
	}
}

// TestStyleCorruptRowIsReported: a row edited by hand past the limits is
// reported as damaged data, not handed to the model.
func TestStyleCorruptRowIsReported(t *testing.T) {
	path := MustCreateClosed(t)
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	long := make([]byte, 300)
	for i := range long {
		long[i] = 'a'
	}
	if _, err := db.Exec("INSERT INTO translation_styles VALUES ('de', 'formal', ?, '')", string(long)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = s.Style(ctx, "de")
	wantCode(t, err, authoring.ECORRUPT)
}

package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
)

// TestSchema1FileMigrates writes a file the way the first Stacklet release
// did, with migration 0001 only, then opens it: the project loads unchanged
// and translations can be saved.
func TestSchema1FileMigrates(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.stacklet")
	db, err := sql.Open("sqlite3", dsn(path, writeParams))
	if err != nil {
		t.Fatal(err)
	}
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if err := applyMigration(ctx, tx, migrationNames()[0], 1); err != nil {
		t.Fatal(err)
	}
	_, err = tx.Exec(`INSERT INTO settings (id, title, source_locale, theme) VALUES (1, 'Old', 'en', '{"accent":"#000000","font":"sans"}')`)
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p, err := s.Load(ctx)
	if err != nil || p.Title != "Old" {
		t.Fatalf("load after migration: %v, %+v", err, p)
	}
	if err := s.SaveTranslations(ctx, "es", []l10n.Translation{{ID: "p/title", Source: "Old", Target: "Viejo", State: l10n.Approved}}); err != nil {
		t.Fatal(err)
	}
	var version int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil || version != len(migrationNames()) {
		t.Errorf("user_version %d (%v), want %d", version, err, len(migrationNames()))
	}
	if tr, err := s.Translations(ctx, authoring.Locale("es")); err != nil || tr["p/title"].Target != "Viejo" {
		t.Errorf("translations %v, %v", tr, err)
	}
}

package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stacklet/stacklet/authoring"
)

// TestEveryConnectionHasForeignKeysAndWAL holds several pooled connections
// at once and asks each for its settings.
func TestEveryConnectionHasForeignKeysAndWAL(t *testing.T) {
	ctx := context.Background()
	s, err := Create(ctx, filepath.Join(t.TempDir(), "p.stacklet"), &authoring.Project{Title: "t", SourceLocale: "en"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i := 0; i < 4; i++ {
		conn, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		var fk int
		var mode string
		conn.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk)
		conn.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode)
		if fk != 1 || mode != "wal" {
			t.Errorf("connection %d: foreign_keys=%d journal_mode=%s", i, fk, mode)
		}
		if _, err := conn.ExecContext(ctx, "INSERT INTO blocks (module_id, id, position, kind, content) VALUES ('none','b',0,'divider','{}')"); err == nil {
			t.Errorf("connection %d: a block without a module was stored", i)
		}
	}
}

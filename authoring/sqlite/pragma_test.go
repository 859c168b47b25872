package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stacklet/stacklet/authoring"
)

// TestEveryConnectionHasItsSettings holds several connections of each pool
// at once, so each is a distinct SQLite connection, and asks each for its
// settings: a PRAGMA run once would show on only one of them.
func TestEveryConnectionHasItsSettings(t *testing.T) {
	ctx := context.Background()
	s, err := Create(ctx, filepath.Join(t.TempDir(), "p.stacklet"), &authoring.Project{Title: "t", SourceLocale: "en"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	pools := []struct {
		name      string
		db        *sql.DB
		queryOnly int
	}{{"write", s.db, 0}, {"read", s.reads, 1}}
	for _, pool := range pools {
		for i := range 4 {
			conn, err := pool.db.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close() // held to the end, so the next Conn is a new connection
			t.Run(fmt.Sprintf("%s%d", pool.name, i), func(t *testing.T) {
				checkConn(t, conn, pool.queryOnly)
			})
		}
	}
}

func checkConn(t *testing.T, conn *sql.Conn, queryOnly int) {
	ctx := context.Background()
	var fk, busy, qo int
	var mode string
	for _, q := range []struct {
		pragma string
		dest   any
	}{{"foreign_keys", &fk}, {"busy_timeout", &busy}, {"query_only", &qo}, {"journal_mode", &mode}} {
		if err := conn.QueryRowContext(ctx, "PRAGMA "+q.pragma).Scan(q.dest); err != nil {
			t.Fatal(err)
		}
	}
	if fk != 1 || busy != 5000 || mode != "wal" || qo != queryOnly {
		t.Errorf("foreign_keys=%d busy_timeout=%d journal_mode=%s query_only=%d", fk, busy, mode, qo)
	}
	_, err := conn.ExecContext(ctx, "INSERT INTO blocks (module_id, id, position, kind, content) VALUES ('none','b',0,'divider','{}')")
	if err == nil {
		t.Error("a block without a module was stored")
	}
}

// TestMigrationsAreNumbered guards the rule that migration i brings a file
// to schema i+1: names must run 0001, 0002, ... without gaps.
func TestMigrationsAreNumbered(t *testing.T) {
	pattern := regexp.MustCompile(`^migration/(\d{4})_[a-z0-9_]+\.sql$`)
	names := migrationNames()
	if len(names) == 0 {
		t.Fatal("no migrations embedded")
	}
	for i, name := range names {
		m := pattern.FindStringSubmatch(name)
		if m == nil || m[1] != fmt.Sprintf("%04d", i+1) {
			t.Errorf("migration %d is %s, want %04d_name.sql", i+1, name, i+1)
		}
	}
}

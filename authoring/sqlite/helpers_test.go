package sqlite_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/authoringtest"
	"github.com/stacklet/stacklet/authoring/sqlite"
)

var ctx = context.Background()

// fixture is the shared test project (one module with every block kind)
// plus a credential, so that every settings field is exercised.
func fixture() (*authoring.Project, authoringtest.MediaMap) {
	p, media := authoringtest.Project()
	p.Credentials = []authoring.Credential{{ID: "site-safe", Title: "Site safe", Description: "All modules", Modules: []string{"ladders"}}}
	return p, media
}

// MustCreate makes a project file in a temp dir holding the fixture project.
func MustCreate(tb testing.TB) (*sqlite.Store, string, *authoring.Project) {
	tb.Helper()
	p, media := fixture()
	path := filepath.Join(tb.TempDir(), "site.stacklet")
	s, err := sqlite.Create(ctx, path, p)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	if err := s.Replace(ctx, p, media); err != nil {
		tb.Fatal(err)
	}
	return s, path, p
}

// MustCreateClosed makes a fixture project file and closes it, so the whole
// database is in the main file.
func MustCreateClosed(tb testing.TB) string {
	tb.Helper()
	s, path, _ := MustCreate(tb)
	if err := s.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}

func mustLoad(tb testing.TB, s *sqlite.Store) *authoring.Project {
	tb.Helper()
	p, err := s.Load(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// snapshot is the whole project as JSON, including the fields Project
// leaves out of its own JSON, for comparing states.
func snapshot(tb testing.TB, p *authoring.Project) string {
	tb.Helper()
	data, err := json.MarshalIndent(struct {
		*authoring.Project
		Media   []authoring.Media
		Modules []authoring.Module
	}{p, p.Media, p.Modules}, "", " ")
	if err != nil {
		tb.Fatal(err)
	}
	return string(data)
}

// rawDB opens the file beside the store, read-only, to look at rows the
// Store API does not show (positions).
func rawDB(tb testing.TB, path string) *sql.DB {
	tb.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// checkDense fails unless module positions and each module's block
// positions are exactly 0..n-1.
func checkDense(tb testing.TB, path string) {
	tb.Helper()
	db := rawDB(tb, path)
	check := func(what, query string, args ...any) {
		rows, err := db.Query(query, args...)
		if err != nil {
			tb.Fatal(err)
		}
		defer rows.Close()
		for want := 0; rows.Next(); want++ {
			var got int
			rows.Scan(&got)
			if got != want {
				tb.Fatalf("%s positions are not dense: position %d where %d belongs", what, got, want)
			}
		}
	}
	check("module", "SELECT position FROM modules ORDER BY position")
	ids := column(tb, db, "SELECT id FROM modules")
	for _, id := range ids {
		check("block", "SELECT position FROM blocks WHERE module_id = ? ORDER BY position", id)
	}
}

func column(tb testing.TB, db *sql.DB, query string, args ...any) []string {
	tb.Helper()
	rows, err := db.Query(query, args...)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			tb.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

func blockIDs(tb testing.TB, s *sqlite.Store, moduleID string) []string {
	tb.Helper()
	m, err := mustLoad(tb, s).Module(moduleID)
	if err != nil {
		tb.Fatal(err)
	}
	var ids []string
	for _, b := range m.Blocks {
		ids = append(ids, b.ID)
	}
	return ids
}

func moduleIDs(tb testing.TB, s *sqlite.Store) []string {
	tb.Helper()
	var ids []string
	for _, m := range mustLoad(tb, s).Modules {
		ids = append(ids, m.ID)
	}
	return ids
}

func wantIDs(tb testing.TB, got []string, want ...string) {
	tb.Helper()
	if !slices.Equal(got, want) {
		tb.Fatalf("order %v, want %v", got, want)
	}
}

func wantCode(tb testing.TB, err error, code string) {
	tb.Helper()
	if got := authoring.ErrorCode(err); got != code {
		tb.Fatalf("error code %q (%v), want %q", got, err, code)
	}
}

// statements builds a module whose blocks are statements with the given ids.
func statements(id string, blockIDs ...string) *authoring.Module {
	m := &authoring.Module{ID: id, Title: "Module " + id, Minutes: 3, Completion: authoring.CompleteWhenViewed}
	for _, b := range blockIDs {
		m.Blocks = append(m.Blocks, authoring.Block{ID: b, Content: &authoring.Statement{Text: "Statement " + b}})
	}
	return m
}

// listDir returns the names in dir, to catch stray -wal and -shm files.
func listDir(tb testing.TB, dir string) []string {
	tb.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

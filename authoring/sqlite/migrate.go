package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
)

//go:embed migration/*.sql
var migrations embed.FS

// applicationID marks a SQLite file as a Stacklet project: "STKL" in ASCII.
// Tools such as `file` show it, and Open refuses SQLite files without it.
const applicationID = 0x53544b4c

// migrationNames lists the schema migrations in the order they apply;
// migration i (0-based) brings a file to schema version i+1.
func migrationNames() []string {
	names, err := fs.Glob(migrations, "migration/*.sql")
	if err != nil {
		panic(err) // the pattern is a constant
	}
	sort.Strings(names)
	return names
}

// migrate applies each migration the file lacks, each in its own
// transaction together with its record and the user_version, so a crash
// leaves the file at one schema version or the next, never between.
func (s *Store) migrate(ctx context.Context) error {
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return damaged(s.path, err.Error())
	}
	// inspect checked this already; checking again costs nothing and keeps
	// Create and a file swapped in between inspect and open safe.
	if err := checkVersion(s.path, version); err != nil {
		return err
	}
	for i, name := range migrationNames()[version:] {
		if err := s.tx(ctx, func(tx *sql.Tx) error { return applyMigration(ctx, tx, name, version+i+1) }); err != nil {
			return fmt.Errorf("migration %s: %w", name, err)
		}
	}
	return nil
}

func applyMigration(ctx context.Context, tx *sql.Tx, name string, version int) error {
	body, err := migrations.ReadFile(name)
	if err != nil {
		return err
	}
	stmts := []struct {
		query string
		args  []any
	}{
		{query: string(body)},
		{query: "CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)"},
		{query: "INSERT INTO migrations (version, name) VALUES (?, ?)", args: []any{version, path.Base(name)}},
		{query: fmt.Sprintf("PRAGMA user_version = %d", version)},
		{query: fmt.Sprintf("PRAGMA application_id = %d", applicationID)},
	}
	for _, st := range stmts {
		if _, err := tx.ExecContext(ctx, st.query, st.args...); err != nil {
			return err
		}
	}
	return nil
}

// Package sqlite keeps a Stacklet project in one SQLite file (*.stacklet),
// following SQLite's advice for application file formats: versioned schema,
// one transaction per user action, and refusal of files it does not
// understand without touching them.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"sort"
	"strings"

	sqlite3 "github.com/mattn/go-sqlite3"

	"github.com/stacklet/stacklet/authoring"
)

//go:embed migration/*.sql
var migrations embed.FS

// applicationID marks a SQLite file as a Stacklet project ("STKL").
const applicationID = 0x53544b4c

// Store is an open project file. It implements authoring.Store.
type Store struct {
	db   *sql.DB
	path string
}

var _ authoring.Store = (*Store)(nil)

// Open opens an existing project file, migrating it to the current schema.
// A file that is not a Stacklet project, is damaged, or comes from a newer
// Stacklet is refused before anything is written to it.
func Open(ctx context.Context, path string) (*Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, authoring.Errorf(authoring.ENOTFOUND, "project file %s not found", path)
	}
	if err := inspect(ctx, path); err != nil {
		return nil, err
	}
	return open(ctx, path)
}

// Create makes a new project file holding p's settings. It refuses to
// overwrite an existing file.
func Create(ctx context.Context, path string, p *authoring.Project) (*Store, error) {
	if _, err := os.Stat(path); err == nil {
		return nil, authoring.Errorf(authoring.ECONFLICT, "%s already exists: choose another name", path)
	}
	s, err := open(ctx, path)
	if err != nil {
		return nil, err
	}
	if err := s.UpdateSettings(ctx, p); err != nil {
		s.Close()
		os.Remove(path)
		return nil, err
	}
	return s, nil
}

func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Set("_foreign_keys", "on")
	q.Set("_busy_timeout", "5000")
	if readOnly {
		q.Set("mode", "ro")
	} else {
		q.Set("_journal_mode", "WAL")
		q.Set("_txlock", "immediate")
	}
	return "file:" + url.PathEscape(path) + "?" + q.Encode()
}

func open(ctx context.Context, path string) (*Store, error) {
	db, err := sql.Open("sqlite3", dsn(path, false))
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// inspect checks a file read-only: SQLite, Stacklet's, intact, not newer.
func inspect(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite3", dsn(path, true))
	if err != nil {
		return err
	}
	defer db.Close()
	var appID, version int
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return notAProject(path, err)
	}
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return notAProject(path, err)
	}
	if appID != applicationID {
		return authoring.Errorf(authoring.ECORRUPT, "%s is not a Stacklet project file", path)
	}
	if latest := len(migrationNames()); version > latest {
		return authoring.Errorf(authoring.EVERSION,
			"%s was made by a newer Stacklet (schema %d; this version reads up to %d): update Stacklet to open it", path, version, latest)
	}
	var check string
	if err := db.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&check); err != nil || check != "ok" {
		return authoring.Errorf(authoring.ECORRUPT, "%s is damaged (%s): restore it from a backup or a dump", path, firstNonEmpty(check, errString(err)))
	}
	return nil
}

func notAProject(path string, err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrNotADB || se.Code == sqlite3.ErrCorrupt) {
		return authoring.Errorf(authoring.ECORRUPT, "%s is not a Stacklet project file", path)
	}
	return authoring.Errorf(authoring.ECORRUPT, "%s cannot be read as a project: %v", path, err)
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// Close closes the file.
func (s *Store) Close() error { return s.db.Close() }

func migrationNames() []string {
	names, _ := fs.Glob(migrations, "migration/*.sql")
	sort.Strings(names)
	return names
}

// migrate applies each migration the file lacks, each in its own transaction
// together with the user_version that records it.
func (s *Store) migrate(ctx context.Context) error {
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return notAProject(s.path, err)
	}
	for i, name := range migrationNames() {
		if i < version {
			continue
		}
		body, err := migrations.ReadFile(name)
		if err != nil {
			return err
		}
		err = s.tx(ctx, func(tx *sql.Tx) error {
			stmts := []string{string(body),
				fmt.Sprintf("PRAGMA user_version = %d", i+1),
				fmt.Sprintf("PRAGMA application_id = %d", applicationID)}
			for _, stmt := range stmts {
				if _, err := tx.ExecContext(ctx, stmt); err != nil {
					return fmt.Errorf("migration %s: %w", name, err)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// tx runs fn in one transaction: one user action, all or nothing.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

func isUnique(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.ExtendedCode == sqlite3.ErrConstraintPrimaryKey ||
		err != nil && strings.Contains(err.Error(), "UNIQUE constraint failed")
}

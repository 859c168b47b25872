// Package sqlite keeps a Stacklet project in one SQLite file (*.stacklet),
// following SQLite's advice for application file formats: a versioned schema
// marked with an application id, one transaction per user action, and
// refusal of files it does not understand without touching them.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"

	sqlite3 "github.com/mattn/go-sqlite3"

	"github.com/stacklet/stacklet/authoring"
)

// Connection settings go in the DSN so that every pooled connection gets
// them; a one-off PRAGMA would reach only one connection.
const (
	// Writers take the write lock at BEGIN (_txlock=immediate): a
	// transaction that starts reading and later writes could otherwise fail
	// with SQLITE_BUSY half-way through a user action. synchronous=FULL
	// makes a committed action survive a power cut, not only a crash.
	writeParams = "_foreign_keys=on&_journal_mode=WAL&_busy_timeout=5000&_txlock=immediate&_synchronous=FULL"
	// Readers use deferred transactions, so in WAL mode a Load never waits
	// for a writer; query_only guards against a write slipping in.
	readParams = "_foreign_keys=on&_busy_timeout=5000&_query_only=1"
)

// Store is an open project file. It implements authoring.Store.
type Store struct {
	path  string
	db    *sql.DB // every change goes through here
	reads *sql.DB // Load and ReadMedia
}

var _ authoring.Store = (*Store)(nil)

// Open opens an existing project file and migrates it to the current schema.
// A file that is not a Stacklet project, is damaged, or comes from a newer
// Stacklet is refused before anything is written to it.
func Open(ctx context.Context, path string) (*Store, error) {
	if err := inspect(ctx, path); err != nil {
		return nil, err
	}
	return open(ctx, path)
}

// Create makes a new project file holding p's settings (title, locales,
// theme, credentials). Modules and media arrive through the other methods,
// or all at once through Replace. An existing file is never overwritten.
func Create(ctx context.Context, path string, p *authoring.Project) (*Store, error) {
	if err := claim(path); err != nil {
		return nil, err
	}
	s, err := open(ctx, path)
	if err == nil {
		err = s.UpdateSettings(ctx, p)
	}
	if err != nil {
		if s != nil {
			s.Close()
		}
		removeFiles(path)
		return nil, err
	}
	return s, nil
}

// claim creates path empty (SQLite reads an empty file as an empty
// database), failing if it exists: O_EXCL makes check and creation one step.
func claim(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	switch {
	case errors.Is(err, fs.ErrExist):
		return authoring.Errorf(authoring.ECONFLICT, "%s already exists: choose another name", path)
	case errors.Is(err, fs.ErrNotExist):
		return authoring.Errorf(authoring.ENOTFOUND, "the folder of %s does not exist", path)
	case err != nil:
		return fmt.Errorf("create project: %w", err)
	}
	// A -wal or -shm left by a deleted file of the same name would be
	// replayed into the new database; it belongs to nothing now.
	removeSidecars(path)
	return f.Close()
}

func removeFiles(path string) {
	os.Remove(path)
	removeSidecars(path)
}

func removeSidecars(path string) {
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}

// dsn is a SQLite URI for path; escaping keeps '?' or '#' in a file name
// from being read as URI syntax.
func dsn(path, params string) string {
	return "file:" + url.PathEscape(path) + "?" + params
}

func open(ctx context.Context, path string) (*Store, error) {
	db, err := sql.Open("sqlite3", dsn(path, writeParams))
	if err != nil {
		return nil, fmt.Errorf("open project: %w", err)
	}
	s := &Store{path: path, db: db}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	// The read pool opens after migration so that it sees the WAL-mode file.
	if s.reads, err = sql.Open("sqlite3", dsn(path, readParams)); err != nil {
		db.Close()
		return nil, fmt.Errorf("open project: %w", err)
	}
	return s, nil
}

// Close closes the file. The last connection to close checkpoints the WAL
// into the main file, so a closed project is one self-contained file.
func (s *Store) Close() error {
	var err error
	if s.reads != nil {
		err = s.reads.Close()
	}
	return errors.Join(err, s.db.Close())
}

// tx runs fn in one transaction: one user action, all or nothing.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// isUnique reports a clash with a primary key or unique constraint.
func isUnique(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) &&
		(se.ExtendedCode == sqlite3.ErrConstraintPrimaryKey || se.ExtendedCode == sqlite3.ErrConstraintUnique)
}

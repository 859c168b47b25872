package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"io"
	"os"

	"github.com/stacklet/stacklet/authoring"
)

// header is the start of the 100-byte header of every SQLite database file.
var header = []byte("SQLite format 3\x00")

// inspect checks a file without changing it: that it exists, is SQLite, is a
// Stacklet project, is not from a newer Stacklet and is intact. Only then
// does Open reopen it for writing, which may migrate it.
func inspect(ctx context.Context, path string) error {
	walMode, err := readHeader(path)
	if err != nil {
		return err
	}
	db, err := sql.Open("sqlite3", dsn(path, inspectParams(path, walMode)))
	if err != nil {
		return err
	}
	defer db.Close()
	var appID, version int
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return damaged(path, err.Error())
	}
	if appID != applicationID {
		return notAProject(path)
	}
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return damaged(path, err.Error())
	}
	if err := checkVersion(path, version); err != nil {
		return err
	}
	return quickCheck(ctx, db, path)
}

// readHeader refuses missing and non-SQLite files before SQLite sees them,
// and reports whether the file is in WAL mode (file format bytes 18-19 = 2).
func readHeader(path string) (walMode bool, err error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return false, authoring.Errorf(authoring.ENOTFOUND, "project file %s not found", path)
	}
	if err != nil {
		return false, authoring.Errorf(authoring.EINVALID, "%s cannot be read: %v", path, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return false, authoring.Errorf(authoring.EINVALID, "%s is a folder, not a project file", path)
	}
	buf := make([]byte, 100)
	if _, err := io.ReadFull(f, buf); err != nil || !bytes.HasPrefix(buf, header) {
		return false, notAProject(path)
	}
	return buf[18] == 2 && buf[19] == 2, nil
}

// inspectParams opens read-only. A WAL-mode file with no -wal beside it is
// closed and complete, so immutable=1 reads it without locks and without
// creating -shm or -wal files. Otherwise the WAL may hold committed changes
// (or another program is writing), and SQLite must read it.
func inspectParams(path string, walMode bool) string {
	if _, err := os.Stat(path + "-wal"); walMode && errors.Is(err, os.ErrNotExist) {
		return "mode=ro&immutable=1"
	}
	return "mode=ro&_busy_timeout=5000"
}

func checkVersion(path string, version int) error {
	if latest := len(migrationNames()); version > latest {
		return authoring.Errorf(authoring.EVERSION,
			"%s was made by a newer Stacklet (schema %d, this version reads up to %d): update Stacklet", path, version, latest)
	}
	return nil
}

// quickCheck runs SQLite's structural check: O(N) in the file size, fast
// enough at open time to turn a damaged file into a clear error rather
// than into strange failures later.
func quickCheck(ctx context.Context, db *sql.DB, path string) error {
	var result string
	if err := db.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&result); err != nil {
		return damaged(path, err.Error())
	}
	if result != "ok" {
		return damaged(path, result)
	}
	return nil
}

func notAProject(path string) error {
	return authoring.Errorf(authoring.ECORRUPT, "%s is not a Stacklet project file", path)
}

func damaged(path, detail string) error {
	return authoring.Errorf(authoring.ECORRUPT, "%s is damaged (%s): restore it from a backup or a dump", path, detail)
}

package sqlite_test

import (
	"bytes"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/sqlite"
)

func openRW(tb testing.TB, path string) *sql.DB {
	tb.Helper()
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// execClosed runs stmt on path and closes it again, so the change lands in
// the main file and no -wal is left.
func execClosed(tb testing.TB, path, stmt string) {
	tb.Helper()
	db := openRW(tb, path)
	if _, err := db.Exec(stmt); err != nil {
		tb.Fatal(err)
	}
	if err := db.Close(); err != nil {
		tb.Fatal(err)
	}
}

func copyTo(tb testing.TB, from, to string) {
	tb.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		tb.Fatal(err)
	}
}

// Each maker builds one file Open must refuse in its own folder.
type maker func(tb testing.TB, dir string) string

func newerSchema(tb testing.TB, dir string) string {
	path := filepath.Join(dir, "newer.stacklet")
	copyTo(tb, MustCreateClosed(tb), path)
	execClosed(tb, path, "PRAGMA user_version = 99")
	return path
}

// newerSchemaInWAL leaves the version change in the -wal file, as a newer
// Stacklet that crashed would: only reading the WAL reveals it.
func newerSchemaInWAL(tb testing.TB, dir string) string {
	good := MustCreateClosed(tb)
	db := openRW(tb, good)
	if _, err := db.Exec("PRAGMA user_version = 99"); err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(dir, "crashed.stacklet")
	copyTo(tb, good, path)
	copyTo(tb, good+"-wal", path+"-wal")
	return path
}

func otherSQLite(tb testing.TB, dir string) string {
	path := filepath.Join(dir, "other.stacklet")
	execClosed(tb, path, "CREATE TABLE t (x); INSERT INTO t VALUES (1)")
	return path
}

// damagedPages overwrites the middle of the file, past the first page:
// the header still says Stacklet, so only the integrity check catches it.
func damagedPages(tb testing.TB, dir string) string {
	path := filepath.Join(dir, "damaged.stacklet")
	data, err := os.ReadFile(MustCreateClosed(tb))
	if err != nil {
		tb.Fatal(err)
	}
	const page = 4096
	if len(data) < 4*page {
		tb.Fatalf("fixture file is only %d bytes", len(data))
	}
	for i := page; i < len(data)-page; i += page {
		copy(data[i:i+200], bytes.Repeat([]byte{0xA5}, 200))
	}
	os.WriteFile(path, data, 0o644)
	return path
}

func truncated(tb testing.TB, dir string) string {
	path := filepath.Join(dir, "cut.stacklet")
	data, _ := os.ReadFile(MustCreateClosed(tb))
	os.WriteFile(path, data[:len(data)/2], 0o644)
	return path
}

func fileWith(name string, data []byte) maker {
	return func(tb testing.TB, dir string) string {
		path := filepath.Join(dir, name)
		os.WriteFile(path, data, 0o644)
		return path
	}
}

// TestRefusedFilesStayUntouched opens files Stacklet must not change: each
// is refused with the right code, its bytes are unchanged and, where the
// file had no -wal, no -wal or -shm appears beside it.
func TestRefusedFilesStayUntouched(t *testing.T) {
	tests := []struct {
		name    string
		make    maker
		code    string
		sidecar bool // the file comes with a -wal, so SQLite may add a -shm
	}{
		{"NewerSchema", newerSchema, authoring.EVERSION, false},
		{"NewerSchemaInWAL", newerSchemaInWAL, authoring.EVERSION, true},
		{"OtherSQLite", otherSQLite, authoring.ECORRUPT, false},
		{"DamagedPages", damagedPages, authoring.ECORRUPT, false},
		{"Truncated", truncated, authoring.ECORRUPT, false},
		{"Text", fileWith("notes.stacklet", []byte("Dear diary, today I wrote a module. It was fine, really quite fine, I think.")), authoring.ECORRUPT, false},
		{"Empty", fileWith("empty.stacklet", nil), authoring.ECORRUPT, false},
		{"HeaderOnly", fileWith("short.stacklet", []byte("SQLite format 3\x00")), authoring.ECORRUPT, false},
		{"Missing", func(tb testing.TB, dir string) string { return filepath.Join(dir, "absent.stacklet") }, authoring.ENOTFOUND, false},
		{"Folder", func(tb testing.TB, dir string) string { return dir }, authoring.EINVALID, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := tt.make(t, dir)
			before, _ := os.ReadFile(path)
			filesBefore := listDir(t, dir)
			s, err := sqlite.Open(ctx, path)
			if err == nil {
				s.Close()
			}
			wantCode(t, err, tt.code)
			if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
				t.Error("the refused file was changed")
			}
			if filesAfter := listDir(t, dir); !tt.sidecar && !slices.Equal(filesBefore, filesAfter) {
				t.Errorf("files beside it changed: %v, now %v", filesBefore, filesAfter)
			}
		})
	}
}

// TestReopenDoesNotMigrateAgain opens a current file twice: the migration
// record stays one row per migration.
func TestReopenDoesNotMigrateAgain(t *testing.T) {
	path := MustCreateClosed(t)
	for range 2 {
		s, err := sqlite.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	db := rawDB(t, path)
	versions := column(t, db, "SELECT version FROM migrations ORDER BY version")
	userVersion := column(t, db, "PRAGMA user_version")
	if len(versions) == 0 || versions[len(versions)-1] != userVersion[0] || versions[0] != "1" ||
		fmt.Sprint(len(versions)) != userVersion[0] {
		t.Errorf("migrations %v, user_version %v", versions, userVersion)
	}
}

// TestConcurrentActions runs edits and loads from many goroutines on one
// store: with immediate transactions and a busy timeout none fails, and
// the positions stay dense.
func TestConcurrentActions(t *testing.T) {
	s, path, _ := MustCreate(t)
	if err := s.InsertModule(ctx, statements("m"), 0); err != nil {
		t.Fatal(err)
	}
	const workers, each = 8, 10
	var wg sync.WaitGroup
	errs := make(chan error, workers*each*2)
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				b := authoring.Block{ID: fmt.Sprintf("w%d-%d", w, i), Content: &authoring.Divider{}}
				errs <- s.InsertBlock(ctx, "m", b, i%3)
				_, err := s.Load(ctx)
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := len(blockIDs(t, s, "m")); n != workers*each {
		t.Errorf("%d blocks, want %d", n, workers*each)
	}
	checkDense(t, path)
}

// BenchmarkOpenProject opens and loads a project of 20 modules of 30 blocks.
func BenchmarkOpenProject(b *testing.B) {
	p, media := fixture()
	base := p.Modules[0]
	p.Modules = nil
	for i := range 20 {
		m := base
		m.ID = fmt.Sprintf("module-%02d", i)
		m.Blocks = slices.Clone(base.Blocks)
		for j := len(m.Blocks); j < 30; j++ {
			m.Blocks = append(m.Blocks, authoring.Block{ID: fmt.Sprintf("extra-%d", j),
				Content: &authoring.Text{Body: "Some **rich** text that makes a block of ordinary size."}})
		}
		p.Modules = append(p.Modules, m)
	}
	path := filepath.Join(b.TempDir(), "big.stacklet")
	s, err := sqlite.Create(ctx, path, p)
	if err != nil {
		b.Fatal(err)
	}
	if err := s.Replace(ctx, p, media); err != nil {
		b.Fatal(err)
	}
	s.Close()
	for b.Loop() {
		s, err := sqlite.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		got, err := s.Load(ctx)
		if err != nil || len(got.Modules) != 20 || len(got.Modules[19].Blocks) != 30 {
			b.Fatalf("load: %v", err)
		}
		s.Close()
	}
}

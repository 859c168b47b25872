package jsondump_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/authoringtest"
	"github.com/stacklet/stacklet/authoring/jsondump"
	"github.com/stacklet/stacklet/authoring/sqlite"
)

var ctx = context.Background()

// testProject builds a project with every block kind (authoringtest), a
// second module with empty lists, a credential, and text that JSON would
// HTML-escape by default.
func testProject() (*authoring.Project, authoringtest.MediaMap) {
	p, media := authoringtest.Project()
	p.Title = "Site safety <basics> & more"
	p.Credentials = []authoring.Credential{{ID: "safe", Title: "Safe", Modules: []string{"ladders", "bare"}}}
	p.Modules = append(p.Modules, authoring.Module{ID: "bare", Title: "Bare", Minutes: 1, Completion: authoring.CompleteWhenViewed,
		Blocks: []authoring.Block{{ID: "only", Content: &authoring.Text{Body: "Ünïcode → fine"}}}})
	return p, media
}

func mustWrite(tb testing.TB, dir string, p *authoring.Project, media authoring.MediaSource) {
	tb.Helper()
	if err := jsondump.Write(ctx, dir, p, media); err != nil {
		tb.Fatal(err)
	}
}

func wantCode(tb testing.TB, err error, code string) {
	tb.Helper()
	if got := authoring.ErrorCode(err); got != code {
		tb.Fatalf("error code %q (%v), want %q", got, err, code)
	}
}

// tree reads every file under dir by slash path.
func tree(tb testing.TB, dir string) map[string][]byte {
	tb.Helper()
	files := map[string][]byte{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files[name], err = fs.ReadFile(os.DirFS(dir), name)
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return files
}

func sameTree(tb testing.TB, a, b string) {
	tb.Helper()
	ta, tbb := tree(tb, a), tree(tb, b)
	for name, data := range ta {
		if other, ok := tbb[name]; !ok {
			tb.Errorf("%s is only in %s", name, a)
		} else if !bytes.Equal(data, other) {
			tb.Errorf("%s differs:\n%s\n---\n%s", name, data, other)
		}
	}
	for name := range tbb {
		if _, ok := ta[name]; !ok {
			tb.Errorf("%s is only in %s", name, b)
		}
	}
}

// TestDumpImportDumpIsByteIdentical goes folder → SQLite file → folder.
func TestDumpImportDumpIsByteIdentical(t *testing.T) {
	dir := t.TempDir()
	p, media := testProject()
	first := filepath.Join(dir, "first")
	mustWrite(t, first, p, media)
	read, readMedia, err := jsondump.Read(first)
	if err != nil {
		t.Fatal(err)
	}
	store, err := sqlite.Create(ctx, filepath.Join(dir, "p.stacklet"), read)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if err := store.Replace(ctx, read, readMedia); err != nil {
		t.Fatal(err)
	}
	loaded, err := store.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	second := filepath.Join(dir, "second")
	mustWrite(t, second, loaded, store)
	sameTree(t, first, second)
	if n := len(tree(t, first)); n != 2+len(p.Modules)+len(p.Media) {
		t.Errorf("%d files in the dump", n)
	}
}

func TestWriteFormat(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "dump")
	p, media := testProject()
	mustWrite(t, dir, p, media)
	files := tree(t, dir)
	for name, data := range files {
		if strings.HasSuffix(name, ".json") && !bytes.Equal(data, indented(t, data)) {
			t.Errorf("%s is not 2-space indented JSON ending in a newline:\n%s", name, data)
		}
	}
	if !bytes.Contains(files["project.json"], []byte(`"title": "Site safety <basics> & more"`)) {
		t.Errorf("project.json escapes HTML:\n%s", files["project.json"])
	}
	bare := string(files["modules/bare.json"])
	if !strings.Contains(bare, `"outcomes": [],`) || !strings.Contains(bare, `"keywords": [],`) {
		t.Errorf("nil lists are not written as []:\n%s", bare)
	}
	logo, _ := p.MediaByHash(p.Theme.Logo)
	if !bytes.Equal(files["media/"+logo.Hash+".png"], authoringtest.PNG) {
		t.Error("media file missing or wrong")
	}
	if st, err := os.Stat(dir); err != nil || runtime.GOOS != "windows" && st.Mode().Perm() != 0o755 {
		t.Errorf("dump folder mode: %v %v", st.Mode(), err)
	}
	again := filepath.Join(t.TempDir(), "again")
	mustWrite(t, again, p, media)
	sameTree(t, dir, again)
}

// indented is data laid out as the dump format says: two-space indent and
// a final newline (json.Indent keeps key order and escapes as they are).
func indented(t *testing.T, data []byte) []byte {
	var compact, out bytes.Buffer
	if err := json.Compact(&compact, data); err != nil {
		t.Fatal(err)
	}
	json.Indent(&out, compact.Bytes(), "", "  ")
	return append(out.Bytes(), '\n')
}

type failingMedia struct{ authoringtest.MediaMap }

func (failingMedia) ReadMedia(context.Context, string) ([]byte, error) {
	return nil, authoring.Errorf(authoring.ENOTFOUND, "gone")
}

// TestWriteTargets writes over each kind of folder: a previous dump is
// replaced, anything else is refused, and a failed write changes nothing.
func TestWriteTargets(t *testing.T) {
	p, media := testProject()
	small := *p
	small.Modules = p.Modules[1:]
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	tests := []struct {
		name    string
		prepare func(t *testing.T, dir string) // dir does not exist yet
		write   func(dir string) error
		code    string
	}{
		{"Absent", nil, func(d string) error { return jsondump.Write(ctx, d, p, media) }, ""},
		{"Empty", func(t *testing.T, d string) { os.Mkdir(d, 0o755) }, func(d string) error { return jsondump.Write(ctx, d, p, media) }, ""},
		{"PreviousDump", func(t *testing.T, d string) { mustWrite(t, d, p, media) }, func(d string) error { return jsondump.Write(ctx, d, &small, media) }, ""},
		{"PreviousDumpWithLitter", func(t *testing.T, d string) {
			mustWrite(t, d, p, media)
			os.WriteFile(filepath.Join(d, ".DS_Store"), []byte{0}, 0o644)
		}, func(d string) error { return jsondump.Write(ctx, d, &small, media) }, ""},
		{"ForeignFolder", func(t *testing.T, d string) {
			os.Mkdir(d, 0o755)
			os.WriteFile(filepath.Join(d, "thesis.docx"), []byte("precious"), 0o644)
		}, func(d string) error { return jsondump.Write(ctx, d, p, media) }, authoring.ECONFLICT},
		{"DumpWithGit", func(t *testing.T, d string) {
			mustWrite(t, d, p, media)
			os.Mkdir(filepath.Join(d, ".git"), 0o755)
		}, func(d string) error { return jsondump.Write(ctx, d, p, media) }, authoring.ECONFLICT},
		{"FakeProjectJSON", func(t *testing.T, d string) {
			os.Mkdir(d, 0o755)
			os.WriteFile(filepath.Join(d, "project.json"), []byte(`{"name":"my-npm-thing"}`), 0o644)
		}, func(d string) error { return jsondump.Write(ctx, d, p, media) }, authoring.ECONFLICT},
		{"File", func(t *testing.T, d string) { os.WriteFile(d, []byte("x"), 0o644) }, func(d string) error { return jsondump.Write(ctx, d, p, media) }, authoring.ECONFLICT},
		{"MediaFails", func(t *testing.T, d string) { mustWrite(t, d, p, media) }, func(d string) error { return jsondump.Write(ctx, d, &small, failingMedia{}) }, authoring.ENOTFOUND},
		{"MediaDamaged", func(t *testing.T, d string) { mustWrite(t, d, p, media) }, func(d string) error {
			bad := authoringtest.MediaMap{}
			for h := range media {
				bad[h] = []byte("WEBVTT other bytes")
			}
			return jsondump.Write(ctx, d, p, bad)
		}, authoring.ECORRUPT},
		{"Canceled", func(t *testing.T, d string) { mustWrite(t, d, p, media) }, func(d string) error { return jsondump.Write(canceled, d, p, media) }, authoring.ECANCELED},
		{"BadModuleID", func(t *testing.T, d string) { mustWrite(t, d, p, media) }, func(d string) error {
			bad := small
			bad.Modules = []authoring.Module{{ID: "../escape"}}
			return jsondump.Write(ctx, d, &bad, media)
		}, authoring.EINVALID},
		{"BlockWithoutContent", func(t *testing.T, d string) { mustWrite(t, d, p, media) }, func(d string) error {
			bad := *p
			bad.Modules = []authoring.Module{{ID: "m", Blocks: []authoring.Block{{ID: "empty"}}}}
			return jsondump.Write(ctx, d, &bad, media)
		}, authoring.EINVALID},
		{"DuplicateModuleID", nil, func(d string) error {
			bad := *p
			bad.Modules = []authoring.Module{p.Modules[1], p.Modules[1]}
			return jsondump.Write(ctx, d, &bad, media)
		}, authoring.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "dump")
			if tt.prepare != nil {
				tt.prepare(t, dir)
			}
			before := snapshotPath(t, dir)
			err := tt.write(dir)
			wantCode(t, err, tt.code)
			want := []string{"dump"}
			if before == "missing" && err != nil {
				want = nil
			}
			if names := listDir(t, parent); !slices.Equal(names, want) {
				t.Errorf("the parent folder holds %v, want %v: a temporary folder was left behind", names, want)
			}
			if err != nil && snapshotPath(t, dir) != before {
				t.Error("a refused or failed write changed the folder")
			}
			if err == nil {
				if _, _, err := jsondump.Read(dir); err != nil {
					t.Errorf("the written dump does not read back: %v", err)
				}
			}
		})
	}
}

// snapshotPath describes everything at path: missing, a file, or a tree.
func snapshotPath(t *testing.T, path string) string {
	st, err := os.Stat(path)
	switch {
	case err != nil:
		return "missing"
	case !st.IsDir():
		data, _ := os.ReadFile(path)
		return "file " + string(data)
	}
	var b strings.Builder
	filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		data, _ := os.ReadFile(p)
		b.WriteString(p + "\x00" + string(data) + "\x00")
		return nil
	})
	return b.String()
}

func listDir(t *testing.T, dir string) []string {
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestWritePreviousDumpDropsOldFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "dump")
	p, media := testProject()
	mustWrite(t, dir, p, media)
	small := *p
	small.Modules, small.Media, small.Theme.Logo = p.Modules[1:], nil, ""
	mustWrite(t, dir, &small, media)
	files := tree(t, dir)
	if _, ok := files["modules/ladders.json"]; ok || len(files) != 3 {
		t.Errorf("old files survived: %d files", len(files))
	}
}

func TestRead(t *testing.T) {
	t.Run("MissingFolder", func(t *testing.T) {
		_, _, err := jsondump.Read(filepath.Join(t.TempDir(), "absent"))
		wantCode(t, err, authoring.ENOTFOUND)
	})
	t.Run("File", func(t *testing.T) {
		f := filepath.Join(t.TempDir(), "f")
		os.WriteFile(f, nil, 0o644)
		_, _, err := jsondump.Read(f)
		wantCode(t, err, authoring.EINVALID)
	})
	t.Run("HiddenFilesIgnored", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "dump")
		p, media := testProject()
		mustWrite(t, dir, p, media)
		os.WriteFile(filepath.Join(dir, "media", ".DS_Store"), []byte{0}, 0o644)
		os.WriteFile(filepath.Join(dir, "README.md"), []byte("notes"), 0o644)
		if _, _, err := jsondump.Read(dir); err != nil {
			t.Fatal(err)
		}
	})
}

func TestChangedMediaIsCaughtOnRead(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "dump")
	p, media := testProject()
	mustWrite(t, dir, p, media)
	_, src, err := jsondump.Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	vtt := authoring.HashMedia(authoringtest.VTT)
	os.WriteFile(filepath.Join(dir, "media", vtt+".vtt"), []byte("WEBVTT\n\nchanged"), 0o644)
	_, err = src.ReadMedia(ctx, vtt)
	wantCode(t, err, authoring.ECORRUPT)
	_, err = src.ReadMedia(ctx, authoring.HashMedia([]byte("unknown")))
	wantCode(t, err, authoring.ENOTFOUND)
}

package sqlite_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/authoringtest"
	"github.com/stacklet/stacklet/authoring/sqlite"
)

var ctx = context.Background()

// MustCreate makes a project file in a temp dir holding the fixture project.
func MustCreate(tb testing.TB) (*sqlite.Store, string, *authoring.Project) {
	tb.Helper()
	p, media := authoringtest.Project()
	path := filepath.Join(tb.TempDir(), "site.stacklet")
	s, err := sqlite.Create(ctx, path, p)
	if err != nil {
		tb.Fatal(err)
	}
	if err := s.Replace(ctx, p, media); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s, path, p
}

func asJSON(tb testing.TB, v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return string(data)
}

func TestRoundTripEveryBlockKind(t *testing.T) {
	s, path, want := MustCreate(t)
	s.Close()
	s2, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	got, err := s2.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if asJSON(t, got.Modules) != asJSON(t, want.Modules) || !reflect.DeepEqual(got.Theme, want.Theme) ||
		!reflect.DeepEqual(got.TargetLocales, want.TargetLocales) || len(got.Media) != len(want.Media) {
		t.Fatalf("project changed on the way through SQLite:\n%s\n%s", asJSON(t, got), asJSON(t, want))
	}
	data, err := s2.ReadMedia(ctx, want.Theme.Logo)
	if err != nil || !bytes.Equal(data, authoringtest.PNG) {
		t.Errorf("media bytes: %v", err)
	}
}

func blockIDs(tb testing.TB, s *sqlite.Store) []string {
	p, err := s.Load(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	var ids []string
	for _, b := range p.Modules[0].Blocks {
		ids = append(ids, b.ID)
	}
	return ids
}

func TestBlockActionsKeepOrder(t *testing.T) {
	s, _, p := MustCreate(t)
	first, second := p.Modules[0].Blocks[0].ID, p.Modules[0].Blocks[1].ID
	if err := s.MoveBlock(ctx, "ladders", first, 5); err != nil {
		t.Fatal(err)
	}
	ids := blockIDs(t, s)
	if ids[0] != second || ids[5] != first {
		t.Errorf("after move: %v", ids[:6])
	}
	nb := authoring.Block{ID: "new-one", Content: &authoring.Statement{Text: "New"}}
	if err := s.InsertBlock(ctx, "ladders", nb, 1); err != nil {
		t.Fatal(err)
	}
	if ids := blockIDs(t, s); ids[1] != "new-one" || len(ids) != len(p.Modules[0].Blocks)+1 {
		t.Errorf("after insert: %v", ids[:3])
	}
	nb.Content = &authoring.Statement{Text: "Changed"}
	if err := s.UpdateBlock(ctx, "ladders", nb); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteBlock(ctx, "ladders", second); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Load(ctx)
	if st := got.Modules[0].Blocks[0].Content.(*authoring.Statement); st.Text != "Changed" {
		t.Errorf("update lost: %q", st.Text)
	}
	if err := s.InsertBlock(ctx, "ladders", nb, 0); authoring.ErrorCode(err) != authoring.ECONFLICT {
		t.Errorf("duplicate id: %v", err)
	}
	if err := s.DeleteBlock(ctx, "ladders", "nope"); authoring.ErrorCode(err) != authoring.ENOTFOUND {
		t.Errorf("missing block: %v", err)
	}
}

func TestModuleActions(t *testing.T) {
	s, _, p := MustCreate(t)
	m2 := p.Modules[0]
	m2.ID, m2.Title = "ropes", "Rope safety"
	if err := s.InsertModule(ctx, &m2, 0); err != nil {
		t.Fatal(err)
	}
	if err := s.MoveModule(ctx, "ropes", 9); err != nil {
		t.Fatal(err)
	}
	m2.Minutes = 9
	if err := s.UpdateModule(ctx, &m2); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Load(ctx)
	if got.Modules[1].ID != "ropes" || got.Modules[1].Minutes != 9 || len(got.Modules[1].Blocks) != len(p.Modules[0].Blocks) {
		t.Fatalf("modules: %s", asJSON(t, got.Modules[1].ID))
	}
	if err := s.DeleteModule(ctx, "ladders"); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Load(ctx)
	if len(got.Modules) != 1 || got.Modules[0].ID != "ropes" {
		t.Errorf("after delete: %d modules", len(got.Modules))
	}
}

func TestMedia(t *testing.T) {
	s, _, p := MustCreate(t)
	again, err := s.AddMedia(ctx, "copy.png", authoringtest.PNG)
	if err != nil || again.Hash != p.Theme.Logo || again.Name != "dot.png" {
		t.Errorf("same bytes should give the stored entry: %+v %v", again, err)
	}
	if _, err := s.AddMedia(ctx, "fake.vtt", []byte("hello")); authoring.ErrorCode(err) != authoring.EINVALID {
		t.Errorf("bad WebVTT accepted: %v", err)
	}
	if _, err := s.AddMedia(ctx, "x.png", []byte("GIF89a....")); authoring.ErrorCode(err) != authoring.EINVALID {
		t.Errorf("GIF named .png accepted: %v", err)
	}
	if err := s.RemoveMedia(ctx, p.Theme.Logo); authoring.ErrorCode(err) != authoring.ECONFLICT {
		t.Errorf("removing a used logo: %v", err)
	}
	extra, _ := s.AddMedia(ctx, "unused.vtt", []byte("WEBVTT\n\nextra"))
	if err := s.RemoveMedia(ctx, extra.Hash); err != nil {
		t.Error(err)
	}
	if _, err := s.ReadMedia(ctx, extra.Hash); authoring.ErrorCode(err) != authoring.ENOTFOUND {
		t.Errorf("removed media still there: %v", err)
	}
}

// TestRefusedFilesStayUntouched opens files Stacklet must not change.
func TestRefusedFilesStayUntouched(t *testing.T) {
	dir := t.TempDir()
	_, good, _ := MustCreate(t)
	newer := filepath.Join(dir, "newer.stacklet")
	copyFile(t, good, newer)
	exec(t, newer, "PRAGMA user_version = 99")
	other := filepath.Join(dir, "other.stacklet")
	exec(t, other, "CREATE TABLE t (x)")
	damaged := filepath.Join(dir, "damaged.stacklet")
	data, _ := os.ReadFile(good)
	for i := 4096 + 100; i < len(data) && i < 4096*3; i++ {
		data[i] = 0xA5
	}
	os.WriteFile(damaged, data, 0o644)
	text := filepath.Join(dir, "notes.stacklet")
	os.WriteFile(text, []byte("Dear diary, today I wrote a module. It was fine, really quite fine."), 0o644)

	tests := []struct {
		name, path, code string
	}{
		{"NewerSchema", newer, authoring.EVERSION},
		{"OtherSQLite", other, authoring.ECORRUPT},
		{"Damaged", damaged, authoring.ECORRUPT},
		{"NotSQLite", text, authoring.ECORRUPT},
		{"Missing", filepath.Join(dir, "absent.stacklet"), authoring.ENOTFOUND},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := os.ReadFile(tt.path)
			s, err := sqlite.Open(ctx, tt.path)
			if err == nil {
				s.Close()
			}
			if code := authoring.ErrorCode(err); code != tt.code {
				t.Fatalf("code %q (%v), want %q", code, err, tt.code)
			}
			after, _ := os.ReadFile(tt.path)
			if !bytes.Equal(before, after) {
				t.Error("the refused file was changed")
			}
		})
	}
}

func copyFile(t *testing.T, from, to string) {
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(to, data, 0o644)
	if wal, err := os.ReadFile(from + "-wal"); err == nil {
		os.WriteFile(to+"-wal", wal, 0o644)
	}
}

func exec(t *testing.T, path, stmt string) {
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(stmt); err != nil {
		t.Fatal(err)
	}
	db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
}

// TestFailedImportChangesNothing runs imports that fail half-way from many
// goroutines: each rolls back and the project stays as it was.
func TestFailedImportChangesNothing(t *testing.T) {
	s, _, _ := MustCreate(t)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p, err := s.Load(ctx) // keeps other connections busy
			if err == nil && len(p.Modules) == 0 {
				err = os.ErrInvalid
			}
			errs <- s.Replace(ctx, &authoring.Project{Title: "x", SourceLocale: "en",
				Modules: []authoring.Module{{ID: "m", Blocks: []authoring.Block{{ID: "b", Content: &authoring.Image{Media: "missing"}}}}},
				Media:   []authoring.Media{{Hash: "missing", Name: "m.png", Type: "image/png"}},
			}, authoringtest.MediaMap{})
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err == nil {
			t.Fatal("Replace with unreadable media succeeded")
		}
	}
	got, err := s.Load(ctx)
	if err != nil || len(got.Modules) != 1 || got.Modules[0].ID != "ladders" {
		t.Fatalf("a failed import changed the project: %v", err)
	}
}

func TestForeignKeyPragma(t *testing.T) {
	_, path, _ := MustCreate(t)
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.InsertBlock(ctx, "no-such-module", authoring.Block{ID: "b", Content: &authoring.Divider{}}, 0); authoring.ErrorCode(err) != authoring.ENOTFOUND {
		t.Errorf("block for a missing module: %v", err)
	}
}

func BenchmarkOpenProject(b *testing.B) {
	p, media := authoringtest.Project()
	base := p.Modules[0]
	p.Modules = nil
	for i := 0; i < 20; i++ {
		m := base
		m.ID = "m" + string(rune('a'+i))
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
		if _, err := s.Load(ctx); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

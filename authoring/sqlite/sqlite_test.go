package sqlite_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/authoringtest"
	"github.com/stacklet/stacklet/authoring/sqlite"
)

func TestRoundTripEveryBlockKind(t *testing.T) {
	path := MustCreateClosed(t)
	want, media := fixture()
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got := mustLoad(t, s)
	sort.Slice(want.Media, func(i, j int) bool { return want.Media[i].Hash < want.Media[j].Hash })
	if g, w := snapshot(t, got), snapshot(t, want); g != w {
		t.Fatalf("project changed on the way through SQLite:\n got %s\nwant %s", g, w)
	}
	var kinds []authoring.BlockKind
	for _, b := range got.Modules[0].Blocks {
		kinds = append(kinds, b.Kind())
	}
	if !slices.Equal(kinds, authoring.BlockKinds()) {
		t.Errorf("kinds %v, want every kind in order", kinds)
	}
	for hash, bytesWant := range media {
		data, err := s.ReadMedia(ctx, hash)
		if err != nil || !bytes.Equal(data, bytesWant) {
			t.Errorf("media %s: %v", hash, err)
		}
	}
	_, err = s.ReadMedia(ctx, authoring.HashMedia([]byte("never added")))
	wantCode(t, err, authoring.ENOTFOUND)
}

func TestCreate(t *testing.T) {
	dir := t.TempDir()
	p, _ := fixture()
	t.Run("Settings", func(t *testing.T) {
		path := filepath.Join(dir, "new.stacklet")
		s, err := sqlite.Create(ctx, path, p)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		got := mustLoad(t, s)
		if got.Title != p.Title || got.Theme != p.Theme || !slices.Equal(got.TargetLocales, p.TargetLocales) ||
			len(got.Credentials) != 1 || len(got.Modules) != 0 || len(got.Media) != 0 {
			t.Errorf("new project: %s", snapshot(t, got))
		}
	})
	t.Run("ExistingFile", func(t *testing.T) {
		path := filepath.Join(dir, "precious.stacklet")
		os.WriteFile(path, []byte("precious"), 0o644)
		_, err := sqlite.Create(ctx, path, p)
		wantCode(t, err, authoring.ECONFLICT)
		if data, _ := os.ReadFile(path); string(data) != "precious" {
			t.Error("Create changed an existing file")
		}
	})
	t.Run("MissingFolder", func(t *testing.T) {
		_, err := sqlite.Create(ctx, filepath.Join(dir, "absent", "p.stacklet"), p)
		wantCode(t, err, authoring.ENOTFOUND)
	})
	t.Run("DuplicateLocaleLeavesNoFile", func(t *testing.T) {
		bad := *p
		bad.TargetLocales = []authoring.Locale{"de", "de"}
		path := filepath.Join(dir, "bad.stacklet")
		_, err := sqlite.Create(ctx, path, &bad)
		wantCode(t, err, authoring.EINVALID)
		if _, err := os.Stat(path); !os.IsNotExist(err) {
			t.Error("a failed Create left a file behind")
		}
	})
}

// TestFileIsMarked checks the header fields other tools see: the
// application id ("STKL") and the schema version.
func TestFileIsMarked(t *testing.T) {
	data, err := os.ReadFile(MustCreateClosed(t))
	if err != nil {
		t.Fatal(err)
	}
	if got := string(data[68:72]); got != "STKL" {
		t.Errorf("application id %q", got)
	}
	if data[60] != 0 || data[61] != 0 || data[62] != 0 || data[63] == 0 {
		t.Errorf("user_version bytes % x", data[60:64])
	}
}

func TestSettings(t *testing.T) {
	s, path, p := MustCreate(t)
	changed := *p
	changed.Title = "Site safety 2"
	changed.TargetLocales = []authoring.Locale{"fr"}
	changed.Theme = authoring.Theme{Accent: "#000000", Font: authoring.FontSerif}
	changed.Credentials = nil
	if err := s.UpdateSettings(ctx, &changed); err != nil {
		t.Fatal(err)
	}
	got := mustLoad(t, s)
	if got.Title != changed.Title || got.Theme != changed.Theme || !slices.Equal(got.TargetLocales, changed.TargetLocales) ||
		len(got.Credentials) != 0 || len(got.Modules) != 1 {
		t.Fatalf("settings: %s", snapshot(t, got))
	}
	before := snapshot(t, got)
	changed.Title, changed.TargetLocales = "lost", []authoring.Locale{"fr", "it", "fr"}
	wantCode(t, s.UpdateSettings(ctx, &changed), authoring.EINVALID)
	if after := snapshot(t, mustLoad(t, s)); after != before {
		t.Errorf("a refused settings change was half saved:\n%s", after)
	}
	checkDense(t, path)
}

func TestBlockActions(t *testing.T) {
	s, path, _ := MustCreate(t)
	if err := s.InsertModule(ctx, statements("m", "a", "b", "c", "d"), 0); err != nil {
		t.Fatal(err)
	}
	stmt := func(id, text string) authoring.Block {
		return authoring.Block{ID: id, Content: &authoring.Statement{Text: text}}
	}
	tests := []struct {
		name string
		do   func() error
		want []string // order afterwards
	}{
		{"InsertMiddle", func() error { return s.InsertBlock(ctx, "m", stmt("x", "X"), 1) }, []string{"a", "x", "b", "c", "d"}},
		{"InsertBeforeStartClamps", func() error { return s.InsertBlock(ctx, "m", stmt("y", "Y"), -3) }, []string{"y", "a", "x", "b", "c", "d"}},
		{"InsertPastEndClamps", func() error { return s.InsertBlock(ctx, "m", stmt("z", "Z"), 99) }, []string{"y", "a", "x", "b", "c", "d", "z"}},
		{"MoveDown", func() error { return s.MoveBlock(ctx, "m", "a", 3) }, []string{"y", "x", "b", "a", "c", "d", "z"}},
		{"MoveUp", func() error { return s.MoveBlock(ctx, "m", "d", 0) }, []string{"d", "y", "x", "b", "a", "c", "z"}},
		{"MovePastEnd", func() error { return s.MoveBlock(ctx, "m", "y", 99) }, []string{"d", "x", "b", "a", "c", "z", "y"}},
		{"MoveInPlace", func() error { return s.MoveBlock(ctx, "m", "b", 2) }, []string{"d", "x", "b", "a", "c", "z", "y"}},
		{"DeleteFirst", func() error { return s.DeleteBlock(ctx, "m", "d") }, []string{"x", "b", "a", "c", "z", "y"}},
		{"DeleteMiddle", func() error { return s.DeleteBlock(ctx, "m", "a") }, []string{"x", "b", "c", "z", "y"}},
		{"DeleteLast", func() error { return s.DeleteBlock(ctx, "m", "y") }, []string{"x", "b", "c", "z"}},
		{"UpdateChangesKind", func() error {
			return s.UpdateBlock(ctx, "m", authoring.Block{ID: "b", Content: &authoring.Callout{Tone: authoring.ToneTip, Body: "Tip"}})
		}, []string{"x", "b", "c", "z"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.do(); err != nil {
				t.Fatal(err)
			}
			wantIDs(t, blockIDs(t, s, "m"), tt.want...)
			checkDense(t, path)
		})
	}
	m, _ := mustLoad(t, s).Module("m")
	if c, ok := m.Blocks[1].Content.(*authoring.Callout); !ok || c.Body != "Tip" {
		t.Errorf("update lost: %#v", m.Blocks[1].Content)
	}
}

func TestBlockActionErrors(t *testing.T) {
	s, path, _ := MustCreate(t)
	if err := s.InsertModule(ctx, statements("m", "a", "b"), 0); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, mustLoad(t, s))
	div := func(id string) authoring.Block { return authoring.Block{ID: id, Content: &authoring.Divider{}} }
	tests := []struct {
		name string
		err  error
		code string
	}{
		{"InsertDuplicateID", s.InsertBlock(ctx, "m", div("a"), 0), authoring.ECONFLICT},
		{"InsertIntoMissingModule", s.InsertBlock(ctx, "nope", div("c"), 0), authoring.ENOTFOUND},
		{"InsertBadID", s.InsertBlock(ctx, "m", div("Bad ID"), 0), authoring.EINVALID},
		{"InsertNoContent", s.InsertBlock(ctx, "m", authoring.Block{ID: "c"}, 0), authoring.EINVALID},
		{"UpdateMissing", s.UpdateBlock(ctx, "m", div("nope")), authoring.ENOTFOUND},
		{"UpdateInOtherModule", s.UpdateBlock(ctx, "ladders", div("a")), authoring.ENOTFOUND},
		{"MoveMissing", s.MoveBlock(ctx, "m", "nope", 0), authoring.ENOTFOUND},
		{"DeleteMissing", s.DeleteBlock(ctx, "m", "nope"), authoring.ENOTFOUND},
		{"DeleteFromOtherModule", s.DeleteBlock(ctx, "ladders", "a"), authoring.ENOTFOUND},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantCode(t, tt.err, tt.code) })
	}
	if after := snapshot(t, mustLoad(t, s)); after != before {
		t.Errorf("refused actions changed the project")
	}
	checkDense(t, path)
}

func TestModuleActions(t *testing.T) {
	s, path, _ := MustCreate(t)
	tests := []struct {
		name string
		do   func() error
		want []string
	}{
		{"InsertFront", func() error { return s.InsertModule(ctx, statements("a", "a1"), 0) }, []string{"a", "ladders"}},
		{"InsertEnd", func() error { return s.InsertModule(ctx, statements("b", "b1", "b2"), 99) }, []string{"a", "ladders", "b"}},
		{"InsertMiddle", func() error { return s.InsertModule(ctx, statements("c"), 1) }, []string{"a", "c", "ladders", "b"}},
		{"MoveToEnd", func() error { return s.MoveModule(ctx, "a", 9) }, []string{"c", "ladders", "b", "a"}},
		{"MoveToFront", func() error { return s.MoveModule(ctx, "b", -1) }, []string{"b", "c", "ladders", "a"}},
		{"DeleteMiddle", func() error { return s.DeleteModule(ctx, "c") }, []string{"b", "ladders", "a"}},
		{"DeleteFirst", func() error { return s.DeleteModule(ctx, "b") }, []string{"ladders", "a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.do(); err != nil {
				t.Fatal(err)
			}
			wantIDs(t, moduleIDs(t, s), tt.want...)
			checkDense(t, path)
		})
	}
	t.Run("DeleteTakesBlocks", func(t *testing.T) {
		if n := column(t, rawDB(t, path), "SELECT count(*) FROM blocks WHERE module_id IN ('b', 'c')"); n[0] != "0" {
			t.Errorf("%s blocks of deleted modules remain", n[0])
		}
	})
}

func TestUpdateModuleKeepsBlocks(t *testing.T) {
	s, _, p := MustCreate(t)
	m := p.Modules[0]
	m.Title, m.Minutes, m.Outcomes, m.Keywords, m.RevealAnswers = "Ladders", 7, nil, []string{"a", "b"}, false
	m.Blocks = nil // settings only: blocks are saved one by one
	if err := s.UpdateModule(ctx, &m); err != nil {
		t.Fatal(err)
	}
	got, _ := mustLoad(t, s).Module("ladders")
	if got.Title != "Ladders" || got.Minutes != 7 || got.Outcomes == nil || len(got.Outcomes) != 0 ||
		!slices.Equal(got.Keywords, m.Keywords) || got.RevealAnswers || len(got.Blocks) != len(p.Modules[0].Blocks) {
		t.Errorf("after update: %+v", got)
	}
	m.ID = "nope"
	wantCode(t, s.UpdateModule(ctx, &m), authoring.ENOTFOUND)
}

func TestModuleActionErrors(t *testing.T) {
	s, path, p := MustCreate(t)
	before := snapshot(t, mustLoad(t, s))
	tests := []struct {
		name string
		err  error
		code string
	}{
		{"InsertDuplicateID", s.InsertModule(ctx, statements("ladders", "x"), 0), authoring.ECONFLICT},
		{"InsertBadID", s.InsertModule(ctx, statements("../evil", "x"), 0), authoring.EINVALID},
		// The third block clashes: the module and its first blocks must go too.
		{"InsertRollsBack", s.InsertModule(ctx, statements("new", "x", "y", "x"), 0), authoring.ECONFLICT},
		{"InsertBadBlockRollsBack", s.InsertModule(ctx, statements("new", "x", "Y"), 0), authoring.EINVALID},
		{"MoveMissing", s.MoveModule(ctx, "nope", 0), authoring.ENOTFOUND},
		{"DeleteMissing", s.DeleteModule(ctx, "nope"), authoring.ENOTFOUND},
		{"ReplaceWithUnreadableMedia", s.Replace(ctx, &authoring.Project{Title: "x", SourceLocale: "en",
			Media: p.Media}, authoringtest.MediaMap{}), authoring.ENOTFOUND},
		{"ReplaceWithWrongBytes", s.Replace(ctx, &authoring.Project{Title: "x", SourceLocale: "en",
			Media: p.Media[:1]}, authoringtest.MediaMap{p.Media[0].Hash: authoringtest.VTT}), authoring.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantCode(t, tt.err, tt.code) })
	}
	if after := snapshot(t, mustLoad(t, s)); after != before {
		t.Errorf("refused actions changed the project:\n%s", after)
	}
	checkDense(t, path)
}

func TestReplaceChecksMediaHash(t *testing.T) {
	s, _, _ := MustCreate(t)
	png, _ := authoring.NewMedia("dot.png", authoringtest.PNG)
	other := append(slices.Clone(authoringtest.PNG), 0) // still a PNG, other hash
	err := s.Replace(ctx, &authoring.Project{Title: "x", SourceLocale: "en", Media: []authoring.Media{png}},
		authoringtest.MediaMap{png.Hash: other})
	wantCode(t, err, authoring.ECORRUPT)
}

func TestReplace(t *testing.T) {
	s, _, _ := MustCreate(t)
	next := &authoring.Project{Title: "Other", SourceLocale: "fr", Theme: authoring.Theme{Accent: "#123456"},
		Modules: []authoring.Module{*statements("one", "a"), *statements("two", "b", "c")}}
	if err := s.Replace(ctx, next, authoringtest.MediaMap{}); err != nil {
		t.Fatal(err)
	}
	got := mustLoad(t, s)
	if got.Title != "Other" || len(got.Media) != 0 || len(got.TargetLocales) != 0 {
		t.Errorf("old settings or media survived: %s", snapshot(t, got))
	}
	wantIDs(t, moduleIDs(t, s), "one", "two")
	wantIDs(t, blockIDs(t, s, "two"), "b", "c")
}

func TestMedia(t *testing.T) {
	s, path, p := MustCreate(t)
	svg := []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>`)
	bom := append([]byte("\xef\xbb\xbf"), authoringtest.VTT...)
	adds := []struct {
		name     string
		data     []byte
		code     string
		wantType string
	}{
		{"logo.svg", svg, "", "image/svg+xml"},
		{"Sub.VTT", bom, "", "text/vtt"},
		{"again.png", authoringtest.PNG, "", "image/png"}, // stored already as dot.png
		{"fake.vtt", []byte("hello"), authoring.EINVALID, ""},
		{"gif.png", []byte("GIF89a\x01\x00\x01\x00"), authoring.EINVALID, ""},
		{"notes.txt", []byte("text"), authoring.EINVALID, ""},
		{"empty.mp3", nil, authoring.EINVALID, ""},
	}
	for _, tt := range adds {
		t.Run("Add/"+tt.name, func(t *testing.T) {
			m, err := s.AddMedia(ctx, tt.name, tt.data)
			wantCode(t, err, tt.code)
			if err == nil && (m.Type != tt.wantType || m.Hash != authoring.HashMedia(tt.data) || m.Size != int64(len(tt.data))) {
				t.Errorf("entry %+v", m)
			}
		})
	}
	t.Run("DedupeKeepsFirstName", func(t *testing.T) {
		m, _ := s.AddMedia(ctx, "again.png", authoringtest.PNG)
		if m.Name != "dot.png" {
			t.Errorf("name %q", m.Name)
		}
		got := mustLoad(t, s).Media
		if len(got) != len(p.Media)+2 || !sort.SliceIsSorted(got, func(i, j int) bool { return got[i].Hash < got[j].Hash }) {
			t.Errorf("library not deduped or not sorted by hash: %+v", got)
		}
	})
	vtt := authoring.HashMedia(authoringtest.VTT)
	removes := []struct {
		name, hash, code string
	}{
		{"Logo", p.Theme.Logo, authoring.ECONFLICT},
		{"Captions", vtt, authoring.ECONFLICT},
		{"Video", authoring.HashMedia(authoringtest.MP4), authoring.ECONFLICT},
		{"Unknown", authoring.HashMedia([]byte("x")), authoring.ENOTFOUND},
		{"Unused", authoring.HashMedia(bom), ""},
	}
	for _, tt := range removes {
		t.Run("Remove/"+tt.name, func(t *testing.T) {
			wantCode(t, s.RemoveMedia(ctx, tt.hash), tt.code)
			_, err := s.ReadMedia(ctx, tt.hash)
			if tt.code == "" || tt.code == authoring.ENOTFOUND {
				wantCode(t, err, authoring.ENOTFOUND)
			} else if err != nil {
				t.Errorf("refused removal lost the file: %v", err)
			}
		})
	}
	t.Run("RemoveAfterLastUse", func(t *testing.T) {
		if err := s.DeleteModule(ctx, "ladders"); err != nil {
			t.Fatal(err)
		}
		wantCode(t, s.RemoveMedia(ctx, vtt), "")
	})
	checkDense(t, path)
}

// TestUnknownKindIsCorrupt stores a block of a kind this build does not
// know, as a newer Stacklet or a damaged file might hold.
func TestUnknownKindIsCorrupt(t *testing.T) {
	s, path, _ := MustCreate(t)
	s.Close()
	db := openRW(t, path)
	if _, err := db.Exec(`UPDATE blocks SET content = json_set(content, '$.kind', 'hologram') WHERE id = 'divider-m'`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s2, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	_, err = s2.Load(ctx)
	wantCode(t, err, authoring.ECORRUPT)
}

package jsondump_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/authoringtest"
	"github.com/stacklet/stacklet/authoring/jsondump"
	"github.com/stacklet/stacklet/authoring/sqlite"
)

var ctx = context.Background()

// TestDumpImportDumpIsByteIdentical goes folder → SQLite file → folder.
func TestDumpImportDumpIsByteIdentical(t *testing.T) {
	dir := t.TempDir()
	p, media := authoringtest.Project()
	first := filepath.Join(dir, "first")
	if err := jsondump.Write(ctx, first, p, media); err != nil {
		t.Fatal(err)
	}
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
	if err := jsondump.Write(ctx, second, loaded, store); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("diff", "-r", first, second).CombinedOutput(); err != nil {
		t.Fatalf("dumps differ:\n%s", out)
	}
}

func TestWriteRefusesForeignFolder(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "thesis.docx"), []byte("precious"), 0o644)
	p, media := authoringtest.Project()
	if err := jsondump.Write(ctx, dir, p, media); authoring.ErrorCode(err) != authoring.ECONFLICT {
		t.Fatalf("code %q", authoring.ErrorCode(err))
	}
	if _, err := os.Stat(filepath.Join(dir, "thesis.docx")); err != nil {
		t.Fatal("the folder's own file is gone")
	}
}

func TestReadErrors(t *testing.T) {
	p, media := authoringtest.Project()
	tests := []struct {
		name    string
		breakIt func(dir string)
		code    string
	}{
		{"CutModule", func(d string) { truncate(d, "modules/ladders.json") }, authoring.EINVALID},
		{"UnknownField", func(d string) { replace(d, "modules/ladders.json", `"minutes"`, `"minutez"`) }, authoring.EINVALID},
		{"UnknownKind", func(d string) { replace(d, "modules/ladders.json", `"kind": "divider"`, `"kind": "hologram"`) }, authoring.EINVALID},
		{"NewerVersion", func(d string) { replace(d, "project.json", `"version": 1`, `"version": 7`) }, authoring.EVERSION},
		{"ModuleFileMissing", func(d string) { os.Remove(filepath.Join(d, "modules/ladders.json")) }, authoring.EINVALID},
		{"MediaMissing", func(d string) { removeGlob(d, "media/*.png") }, authoring.ECORRUPT},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "dump")
			if err := jsondump.Write(ctx, dir, p, media); err != nil {
				t.Fatal(err)
			}
			tt.breakIt(dir)
			_, _, err := jsondump.Read(dir)
			if code := authoring.ErrorCode(err); code != tt.code {
				t.Fatalf("code %q (%v), want %q", code, err, tt.code)
			}
		})
	}
}

func TestChangedMediaIsCaught(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "dump")
	p, media := authoringtest.Project()
	jsondump.Write(ctx, dir, p, media)
	files, _ := filepath.Glob(filepath.Join(dir, "media", "*.vtt"))
	os.WriteFile(files[0], []byte("WEBVTT\n\nchanged"), 0o644)
	_, src, err := jsondump.Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	vtt := p.Modules[0].Blocks[6].Content.(*authoring.Video).Captions
	if _, err := src.ReadMedia(ctx, vtt); authoring.ErrorCode(err) != authoring.ECORRUPT {
		t.Errorf("changed media: %v", err)
	}
}

func truncate(dir, name string) {
	data, _ := os.ReadFile(filepath.Join(dir, name))
	os.WriteFile(filepath.Join(dir, name), data[:len(data)/2], 0o644)
}

func replace(dir, name, old, new string) {
	data, _ := os.ReadFile(filepath.Join(dir, name))
	if !strings.Contains(string(data), old) {
		panic("test setup: " + old + " not found in " + name)
	}
	os.WriteFile(filepath.Join(dir, name), []byte(strings.Replace(string(data), old, new, 1)), 0o644)
}

func removeGlob(dir, pattern string) {
	files, _ := filepath.Glob(filepath.Join(dir, pattern))
	for _, f := range files {
		os.Remove(f)
	}
}

// FuzzDecodeModule feeds outside input to the module reader: it must return
// an error or a module, never panic.
func FuzzDecodeModule(f *testing.F) {
	f.Add([]byte(`{"id":"m","title":"t","blocks":[{"id":"b","kind":"text","body":"**x**"}]}`))
	f.Add([]byte(`{"id":"m","blocks":[{"id":"q","kind":"single-choice","choices":[{"id":"a"}]}]}`))
	f.Add([]byte(`{"blocks":[{"kind":"hologram"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var m authoring.Module
		if err := jsondump.Decode(data, &m); err != nil {
			return
		}
		p := &authoring.Project{Modules: []authoring.Module{m}}
		p.Validate(&p.Modules[0])
	})
}

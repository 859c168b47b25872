package export_test

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stacklet/stacklet/assets"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/jsondump"
	"github.com/stacklet/stacklet/export"
	"github.com/stacklet/stacklet/export/archive"
	"github.com/stacklet/stacklet/internal/testenv"
)

func sample(tb testing.TB) (*authoring.Project, authoring.MediaSource) {
	tb.Helper()
	p, media, err := jsondump.ReadFS(assets.SampleFS())
	if err != nil {
		tb.Fatal(err)
	}
	return p, media
}

func build(tb testing.TB, p *authoring.Project, media authoring.MediaSource, id string, f authoring.Format) []archive.File {
	tb.Helper()
	files, err := export.Build(context.Background(), export.Job{Project: p, ModuleID: id, Format: f, Media: media})
	if err != nil {
		tb.Fatal(err)
	}
	return files
}

func file(files []archive.File, name string) []byte {
	for _, f := range files {
		if f.Name == name {
			return f.Data
		}
	}
	return nil
}

// TestSampleManifestsValidate checks every module of the sample in both SCORM
// versions against the official XSDs.
func TestSampleManifestsValidate(t *testing.T) {
	p, media := sample(t)
	schemas := map[authoring.Format]testenv.Schema{
		authoring.FormatSCORM12: testenv.SCORM12, authoring.FormatSCORM2004: testenv.SCORM2004,
	}
	for _, m := range p.Modules {
		for format, schema := range schemas {
			t.Run(m.ID+"/"+string(format), func(t *testing.T) {
				manifest := file(build(t, p, media, m.ID, format), "imsmanifest.xml")
				if ok, out := testenv.Xmllint(t, schema, manifest); !ok {
					t.Fatalf("xmllint:\n%s\n%s", out, manifest)
				}
				if bytes.Contains(manifest, []byte("schemaLocation")) {
					t.Error("manifest names schema files the package does not carry")
				}
			})
		}
	}
}

func TestPackagesAreDeterministic(t *testing.T) {
	p, media := sample(t)
	dir1, dir2 := t.TempDir(), t.TempDir()
	for _, f := range authoring.Formats {
		job := export.Job{Project: p, ModuleID: p.Modules[0].ID, Format: f, Media: media}
		a, err := export.WriteZip(context.Background(), job, dir1)
		if err != nil {
			t.Fatal(err)
		}
		p2, media2 := sample(t) // a fresh read: no shared caches
		job.Project, job.Media = p2, media2
		b, err := export.WriteZip(context.Background(), job, dir2)
		if err != nil {
			t.Fatal(err)
		}
		x, _ := os.ReadFile(a)
		y, _ := os.ReadFile(b)
		if !bytes.Equal(x, y) {
			t.Errorf("%s: two exports differ", f)
		}
		if _, err := zip.OpenReader(a); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

func TestUnusedMediaIsLeftOut(t *testing.T) {
	p, media := sample(t)
	for _, m := range p.Modules {
		used := map[string]bool{}
		for _, h := range m.MediaHashes() {
			used[h] = true
		}
		for _, f := range build(t, p, media, m.ID, authoring.FormatWeb) {
			if !strings.HasPrefix(f.Name, "media/") {
				continue
			}
			hashPrefix := strings.TrimSuffix(strings.TrimPrefix(f.Name, "media/"), filepath.Ext(f.Name))
			found := p.Theme.Logo != "" && strings.HasPrefix(p.Theme.Logo, hashPrefix)
			for h := range used {
				found = found || strings.HasPrefix(h, hashPrefix)
			}
			if !found {
				t.Errorf("%s: %s is not used by the module", m.ID, f.Name)
			}
		}
	}
}

func TestInvalidModuleIsRefusedWithEveryProblem(t *testing.T) {
	p, media := sample(t)
	m := &p.Modules[0]
	m.Title = ""
	m.Blocks = append(m.Blocks, authoring.Block{ID: "broken-image", Content: &authoring.Image{Media: "nope"}})
	_, err := export.Build(context.Background(), export.Job{Project: p, ModuleID: m.ID, Format: authoring.FormatWeb, Media: media})
	if authoring.ErrorCode(err) != authoring.EINVALID {
		t.Fatalf("code %q: %v", authoring.ErrorCode(err), err)
	}
	for _, want := range []string{"title is missing", "alt text is missing", "missing from the media library"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

func TestSelfCheckCatchesBrokenManifests(t *testing.T) {
	p, media := sample(t)
	files := build(t, p, media, p.Modules[0].ID, authoring.FormatSCORM2004)
	if err := export.SelfCheck(files); err != nil {
		t.Fatal(err)
	}
	extra := append(append([]archive.File(nil), files...), archive.File{Name: "stray.txt"})
	if err := export.SelfCheck(extra); err == nil || !strings.Contains(err.Error(), "stray.txt") {
		t.Errorf("unlisted file not caught: %v", err)
	}
	var missing []archive.File
	for _, f := range files {
		if f.Name != "player.js" {
			missing = append(missing, f)
		}
	}
	if err := export.SelfCheck(missing); err == nil || !strings.Contains(err.Error(), "player.js") {
		t.Errorf("missing file not caught: %v", err)
	}
}

// TestPackageSizeBudget: a package without its media stays under 400 KB.
func TestPackageSizeBudget(t *testing.T) {
	p, media := sample(t)
	for _, m := range p.Modules {
		var text []archive.File
		for _, f := range build(t, p, media, m.ID, authoring.FormatSCORM2004) {
			if !strings.HasPrefix(f.Name, "media/") {
				text = append(text, f)
			}
		}
		var buf bytes.Buffer
		if err := archive.Write(&buf, text); err != nil {
			t.Fatal(err)
		}
		if buf.Len() > 400*1024 {
			t.Errorf("%s: %d bytes without media, budget 400 KB", m.ID, buf.Len())
		}
		t.Logf("%s: %d bytes without media", m.ID, buf.Len())
	}
}

func TestCanceledBatchLeavesNoFiles(t *testing.T) {
	p, media := sample(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	dir := t.TempDir()
	results := export.WriteAll(ctx, []export.Job{{Project: p, ModuleID: p.Modules[0].ID, Format: authoring.FormatWeb, Media: media}}, dir, nil)
	if authoring.ErrorCode(results[0].Err) != authoring.ECANCELED {
		t.Errorf("code %q", authoring.ErrorCode(results[0].Err))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left %d files", len(entries))
	}
}

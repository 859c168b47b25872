package main

import (
	"archive/zip"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/authoring/sqlite"
)

func TestL10nStatus(t *testing.T) {
	var rows []l10n.Status
	if err := json.Unmarshal([]byte(mustCLI(t, "l10n", "status", "--sample", "--json")), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Locale != "es" || rows[1].Locale != "ar" {
		t.Fatalf("rows %+v", rows)
	}
	for _, r := range rows {
		if r.Total == 0 || r.Approved != r.Total || r.Stale+r.Orphaned+r.Machine+r.Edited+r.Untranslated != 0 {
			t.Errorf("sample status %+v", r)
		}
	}
	text := mustCLI(t, "l10n", "status", "--sample", "--module", "issuing-and-verifying")
	if !strings.Contains(text, "approved") || !strings.Contains(text, "ar") {
		t.Errorf("text status:\n%s", text)
	}
}

// sampleWithGap imports the sample into a project file and removes one
// Spanish translation, returning the file and the segment id.
func sampleWithGap(t *testing.T) (string, string) {
	t.Helper()
	proj := filepath.Join(t.TempDir(), "s.stacklet")
	mustCLI(t, "import", "--sample", proj)
	const id = "m:what-is-a-micro-credential/b:b05-key-point/text"
	s, err := sqlite.Open(context.Background(), proj)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.DeleteTranslations(context.Background(), "es", id); err != nil {
		t.Fatal(err)
	}
	return proj, id
}

func TestL10nStatusOfAProjectFile(t *testing.T) {
	proj, _ := sampleWithGap(t)
	var rows []l10n.Status
	if err := json.Unmarshal([]byte(mustCLI(t, "l10n", "status", proj, "--json")), &rows); err != nil {
		t.Fatal(err)
	}
	if rows[0].Untranslated != 1 || rows[0].Approved != rows[0].Total-1 || rows[1].Approved != rows[1].Total {
		t.Errorf("status %+v", rows)
	}
}

func TestExportInATargetLocale(t *testing.T) {
	proj, id := sampleWithGap(t)
	out := t.TempDir()
	code, stdout, stderr := cli(t, "export", proj, "--locale", "ES", "--module", "what-is-a-micro-credential", "--format", "web", "-o", out)
	if code != 0 || !strings.Contains(stdout, "what-is-a-micro-credential-web-es.zip") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "warning") || !strings.Contains(stderr, id) {
		t.Errorf("no warning naming %s:\n%s", id, stderr)
	}
	code, _, stderr = cli(t, "export", proj, "--locale", "es", "--require-approved", "--module", "what-is-a-micro-credential", "-o", t.TempDir())
	if code != exitInvalid || !strings.Contains(stderr, id) {
		t.Errorf("--require-approved: exit %d, want %d\n%s", code, exitInvalid, stderr)
	}
	code, _, _ = cli(t, "export", proj, "--locale", "fr", "-o", t.TempDir())
	if code != exitInvalid {
		t.Errorf("a locale the project lacks: exit %d", code)
	}
}

func TestExportArabicIsRightToLeft(t *testing.T) {
	out := t.TempDir()
	mustCLI(t, "export", "--sample", "--locale", "ar", "--require-approved", "--module", "designing-for-stackability", "--format", "web", "-o", out)
	page := zipFile(t, filepath.Join(out, "designing-for-stackability-web-ar.zip"), "index.html")
	if !strings.Contains(page, `<html lang="ar" dir="rtl">`) || !strings.Contains(page, "التصميم من أجل التراكم") {
		t.Errorf("page is not Arabic, right to left:\n%.400s", page)
	}
}

func TestL10nUsage(t *testing.T) {
	if code, _, _ := cli(t, "l10n", "--sample"); code != exitUsage {
		t.Errorf("no subcommand: exit %d", code)
	}
	if code, _, _ := cli(t, "l10n", "status", "--sample", "extra"); code != exitUsage {
		t.Errorf("extra argument: exit %d", code)
	}
}

func zipFile(t *testing.T, path, name string) string {
	t.Helper()
	r, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	f, err := r.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestDumpAndImportKeepTranslations(t *testing.T) {
	dir := t.TempDir()
	proj := filepath.Join(dir, "s.stacklet")
	mustCLI(t, "import", "--sample", proj)
	mustCLI(t, "dump", proj, filepath.Join(dir, "d"))
	for _, name := range []string{"translations/es.json", "translations/ar.json", "glossary.json"} {
		if _, err := os.Stat(filepath.Join(dir, "d", name)); err != nil {
			t.Errorf("the dump lacks %s: %v", name, err)
		}
	}
	again := filepath.Join(dir, "again.stacklet")
	mustCLI(t, "import", filepath.Join(dir, "d"), again)
	if a, b := mustCLI(t, "l10n", "status", proj, "--json"), mustCLI(t, "l10n", "status", again, "--json"); a != b {
		t.Errorf("status changed through dump and import:\n%s\n%s", a, b)
	}
}

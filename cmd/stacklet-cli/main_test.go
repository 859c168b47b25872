package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// cli runs the CLI in-process and returns its exit code and output.
func cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), &env{stdout: &out, stderr: &errOut}, args)
	return code, out.String(), errOut.String()
}

func mustCLI(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := cli(t, args...)
	if code != 0 {
		t.Fatalf("stacklet-cli %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
	}
	return out
}

func TestImportDumpRoundTripIsByteIdentical(t *testing.T) {
	dir := t.TempDir()
	proj := filepath.Join(dir, "sample.stacklet")
	mustCLI(t, "import", "--sample", proj)
	mustCLI(t, "dump", proj, filepath.Join(dir, "d1"))
	proj2 := filepath.Join(dir, "again.stacklet")
	mustCLI(t, "import", filepath.Join(dir, "d1"), proj2)
	mustCLI(t, "dump", proj2, filepath.Join(dir, "d2"))
	diff := exec.Command("diff", "-r", filepath.Join(dir, "d1"), filepath.Join(dir, "d2"))
	if out, err := diff.CombinedOutput(); err != nil {
		t.Fatalf("dumps differ: %v\n%s", err, out)
	}
}

func TestListJSON(t *testing.T) {
	var rows []moduleRow
	if err := json.Unmarshal([]byte(mustCLI(t, "list", "--sample", "--json")), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) < 3 {
		t.Fatalf("sample lists %d modules", len(rows))
	}
	for _, r := range rows {
		if r.Errors != 0 {
			t.Errorf("sample module %s has %d errors", r.ID, r.Errors)
		}
	}
}

func TestExportAllFormats(t *testing.T) {
	out := t.TempDir()
	mustCLI(t, "export", "--sample", "--format", "scorm12,scorm2004,web", "--module", "all", "-o", out)
	zips, _ := filepath.Glob(filepath.Join(out, "*.zip"))
	var rows []moduleRow
	json.Unmarshal([]byte(mustCLI(t, "list", "--sample", "--json")), &rows)
	if len(zips) != 3*len(rows) {
		t.Fatalf("wrote %d zips, want %d", len(zips), 3*len(rows))
	}
	for _, z := range zips {
		r, err := zip.OpenReader(z)
		if err != nil {
			t.Fatalf("%s: %v", z, err)
		}
		r.Close()
	}
}

// TestExportJSONNamesTheLocale: a package in the source locale reports it,
// as its file name does, rather than an empty locale.
func TestExportJSONNamesTheLocale(t *testing.T) {
	out := t.TempDir()
	var rows []exportRow
	stdout := mustCLI(t, "export", "--sample", "--format", "web", "--module", "all", "-o", out, "--json")
	if err := json.Unmarshal([]byte(stdout), &rows); err != nil || len(rows) == 0 {
		t.Fatalf("rows %v, %v\n%s", rows, err, stdout)
	}
	for _, r := range rows {
		if r.Locale != "en" || !strings.HasSuffix(r.Path, "-en.zip") {
			t.Errorf("%s: locale %q, path %s", r.Module, r.Locale, r.Path)
		}
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	notProject := filepath.Join(dir, "notes.stacklet")
	os.WriteFile(notProject, []byte("this is not SQLite"), 0o644)
	broken := filepath.Join(dir, "broken")
	mustCLI(t, "dump", "--sample", broken)
	mods, _ := filepath.Glob(filepath.Join(broken, "modules", "*.json"))
	data, _ := os.ReadFile(mods[0])
	os.WriteFile(mods[0], data[:len(data)/2], 0o644) // a module file cut in half

	tests := []struct {
		name string
		args []string
		want int
	}{
		{"Help", []string{"export", "--help"}, 0},
		{"TopHelp", []string{"--help"}, 0},
		{"NoCommand", nil, exitUsage},
		{"UnknownCommand", []string{"frobnicate"}, exitUsage},
		{"UnknownFlag", []string{"list", "--nope"}, exitUsage},
		{"MissingProject", []string{"list", filepath.Join(dir, "absent.stacklet")}, exitNotFound},
		{"NotAProject", []string{"list", notProject}, exitCorrupt},
		{"UnknownModule", []string{"export", "--sample", "--module", "nope", "-o", dir}, exitNotFound},
		{"UnknownFormat", []string{"export", "--sample", "--format", "pdf", "-o", dir}, exitInvalid},
		{"BrokenDump", []string{"list", broken}, exitInvalid},
		{"ExistingFile", []string{"new", "--locale", "en", notProject}, exitConflict},
		{"NoLocale", []string{"new", filepath.Join(dir, "x.stacklet")}, exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code, out, errOut := cli(t, tt.args...); code != tt.want {
				t.Errorf("exit %d, want %d\n%s%s", code, tt.want, out, errOut)
			}
		})
	}
}

func TestNewThenValidateReportsEmptyProject(t *testing.T) {
	proj := filepath.Join(t.TempDir(), "new.stacklet")
	mustCLI(t, "new", "--locale", "pt-br", "--targets", "ar", "--title", "Segurança", proj)
	out := mustCLI(t, "list", proj)
	if !strings.Contains(out, "Segurança (pt-BR, ar)") {
		t.Errorf("list output:\n%s", out)
	}
}

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stacklet/stacklet/authoring"
)

// japaneseSample dumps the sample with Japanese as its source locale: the
// player has no Japanese catalog, so its buttons would be in English.
func japaneseSample(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "ja")
	mustCLI(t, "dump", "--sample", dir)
	path := filepath.Join(dir, "project.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), `"sourceLocale": "en"`, `"sourceLocale": "ja"`, 1)
	if edited == string(data) {
		t.Fatal("the sample's project.json has no English source locale to change")
	}
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func namesTheFallback(s string) bool {
	return strings.Contains(s, "Japanese") && strings.Contains(s, "English")
}

func TestValidateWarnsAboutAMissingPlayerCatalog(t *testing.T) {
	dir := japaneseSample(t)
	var problems []authoring.Problem
	stdout := mustCLI(t, "validate", dir, "--json") // a warning: exit 0
	if err := json.Unmarshal([]byte(stdout), &problems); err != nil {
		t.Fatal(err)
	}
	var warned []string
	for _, p := range problems {
		if namesTheFallback(p.Message) {
			if p.Severity != authoring.SeverityWarning {
				t.Errorf("severity %s, want a warning", p.Severity)
			}
			warned = append(warned, p.Field)
		}
	}
	if len(warned) != 1 || warned[0] != "sourceLocale" {
		t.Errorf("catalog warnings on %v, want one on sourceLocale (es and ar have catalogs)\n%s", warned, stdout)
	}

	text := mustCLI(t, "validate", dir, "--module", "what-is-a-micro-credential")
	if !strings.Contains(text, "warning: ") || !namesTheFallback(text) {
		t.Errorf("validate --module output has no catalog warning:\n%s", text)
	}
	if sample := mustCLI(t, "validate", "--sample"); strings.Contains(sample, "catalog") {
		t.Errorf("the sample's locales all have catalogs:\n%s", sample)
	}
}

func TestExportWarnsAboutAMissingPlayerCatalog(t *testing.T) {
	dir := japaneseSample(t)
	out := t.TempDir()
	var rows []exportRow
	stdout := mustCLI(t, "export", dir, "--format", "web,scorm12", "--module", "what-is-a-micro-credential", "-o", out, "--json")
	if err := json.Unmarshal([]byte(stdout), &rows); err != nil || len(rows) != 2 {
		t.Fatalf("rows %v, %v\n%s", rows, err, stdout)
	}
	for _, r := range rows {
		if r.Locale != "ja" || r.Path == "" || len(r.Warnings) != 1 || !namesTheFallback(r.Warnings[0]) {
			t.Errorf("%s: locale %q, path %q, warnings %q", r.Format, r.Locale, r.Path, r.Warnings)
		}
	}

	code, _, stderr := cli(t, "export", dir, "--format", "web", "--module", "what-is-a-micro-credential", "-o", out)
	if code != 0 || !strings.Contains(stderr, "warning: what-is-a-micro-credential (web, ja)") || !namesTheFallback(stderr) {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}

	code, _, stderr = cli(t, "export", dir, "--format", "cmi5", "--credential", "micro-credentials-essentials", "-o", out)
	if code != 0 || !namesTheFallback(stderr) {
		t.Errorf("stack: exit %d, stderr:\n%s", code, stderr)
	}

	stdout = mustCLI(t, "export", "--sample", "--format", "web", "--locale", "ar", "-o", out, "--json")
	if strings.Contains(stdout, `"warnings"`) {
		t.Errorf("Arabic has a catalog, yet:\n%s", stdout)
	}
}

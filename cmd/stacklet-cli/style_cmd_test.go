package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stacklet/stacklet/authoring/l10n"
)

func stylesListed(t *testing.T, project string) map[string]l10n.Style {
	t.Helper()
	var rows []localeStyle
	if err := json.Unmarshal([]byte(mustCLI(t, "style", "list", project, "--json")), &rows); err != nil {
		t.Fatal(err)
	}
	out := map[string]l10n.Style{}
	for _, r := range rows {
		out[string(r.Locale)] = r.Style
	}
	return out
}

// TestStyleIsStoredAndSentWithEveryBatch sets a locale's style once; every
// translate run sends it without flags, and a flag overrides one field
// for one run only. Project files and dump folders behave the same.
func TestStyleIsStoredAndSentWithEveryBatch(t *testing.T) {
	fake := withFakeOpenAI(t)
	proj := sampleProject(t)
	dump := filepath.Join(t.TempDir(), "dump")
	mustCLI(t, "dump", proj, dump)
	for _, project := range []string{proj, dump} {
		t.Run(filepath.Base(project), func(t *testing.T) {
			mustCLI(t, "style", "set", project, "--locale", "es", "--formality", "informal", "--audience", "nurses on night shifts")
			if got := stylesListed(t, project)["es"]; got != (l10n.Style{Formality: l10n.Informal, Audience: "nurses on night shifts"}) {
				t.Fatalf("stored style %+v", got)
			}
			before := len(fake.styleNotes())
			mustCLI(t, "translate", project, "--locale", "es", "--audience", "apprentices")
			notes := fake.styleNotes()[before:]
			if len(notes) == 0 {
				t.Fatal("no request was sent")
			}
			for _, n := range notes {
				if !strings.Contains(n, "informal register") || !strings.Contains(n, "apprentices") || strings.Contains(n, "nurses") {
					t.Errorf("style note %q: want the stored register and the run's audience", n)
				}
			}
			if got := stylesListed(t, project)["es"].Audience; got != "nurses on night shifts" {
				t.Errorf("a run's --audience changed the stored style to %q", got)
			}
			mustCLI(t, "style", "set", project, "--locale", "es")
			if got := stylesListed(t, project)["es"]; !got.IsZero() {
				t.Errorf("style after clearing: %+v", got)
			}
		})
	}
}

func TestStyleRefusals(t *testing.T) {
	proj := filepath.Join(t.TempDir(), "s.stacklet")
	mustCLI(t, "import", "--sample", proj)
	before := stylesListed(t, proj)
	if before["es"].Formality != l10n.Informal {
		t.Fatalf("the sample's Spanish style was not imported: %+v", before["es"])
	}
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"no action", []string{"style"}, exitUsage},
		{"no locale", []string{"style", "set", proj, "--formality", "formal"}, exitUsage},
		{"locale not a target", []string{"style", "set", proj, "--locale", "fr", "--formality", "formal"}, 3},
		{"unknown register", []string{"style", "set", proj, "--locale", "es", "--formality", "polite"}, 3},
		{"sample is read-only", []string{"style", "set", "--sample", "--locale", "es", "--formality", "formal"}, 3},
		{"translate with unknown register", []string{"translate", proj, "--locale", "es", "--formality", "polite"}, exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code, _, stderr := cli(t, tt.args...); code != tt.code {
				t.Errorf("exit %d, want %d: %s", code, tt.code, stderr)
			}
		})
	}
	if got := stylesListed(t, proj); got["es"] != before["es"] {
		t.Errorf("a refused change was stored: %+v", got["es"])
	}
}

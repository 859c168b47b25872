package main

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stacklet/stacklet/authoring/l10n"
)

func glossaryOf(t *testing.T, project string) map[string]l10n.Term {
	t.Helper()
	var g l10n.Glossary
	if err := json.Unmarshal([]byte(mustCLI(t, "glossary", "list", project, "--json")), &g); err != nil {
		t.Fatal(err)
	}
	out := map[string]l10n.Term{}
	for _, term := range g {
		out[term.Term] = term
	}
	return out
}

// TestGlossarySetAndRemove builds a term up one locale at a time, in a
// project file and in a dump folder, and removes another.
func TestGlossarySetAndRemove(t *testing.T) {
	proj := filepath.Join(t.TempDir(), "s.stacklet")
	mustCLI(t, "import", "--sample", proj)
	dump := filepath.Join(t.TempDir(), "dump")
	mustCLI(t, "dump", proj, dump)
	for _, project := range []string{proj, dump} {
		t.Run(filepath.Base(project), func(t *testing.T) {
			before := glossaryOf(t, project)
			mustCLI(t, "glossary", "set", project, "--term", "learning path", "--locale", "es", "--translation", "itinerario de aprendizaje")
			mustCLI(t, "glossary", "set", project, "--term", "learning path", "--locale", "ar", "--translation", "مسار التعلّم", "--note", "a sequence of modules")
			mustCLI(t, "glossary", "remove", project, "--term", "ESCO")
			after := glossaryOf(t, project)
			got := after["learning path"]
			if got.Translations["es"] != "itinerario de aprendizaje" || got.Translations["ar"] != "مسار التعلّم" || got.Note != "a sequence of modules" {
				t.Errorf("term saved as %+v", got)
			}
			if _, ok := after["ESCO"]; ok || len(after) != len(before) {
				t.Errorf("%d terms after adding one and removing one, had %d", len(after), len(before))
			}
		})
	}
}

func TestGlossaryRefusals(t *testing.T) {
	proj := filepath.Join(t.TempDir(), "s.stacklet")
	mustCLI(t, "import", "--sample", proj)
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"no action", []string{"glossary"}, exitUsage},
		{"no term", []string{"glossary", "set", proj}, exitUsage},
		{"locale not a target", []string{"glossary", "set", proj, "--term", "x", "--locale", "fr", "--translation", "y"}, 3},
		{"translated and do-not-translate", []string{"glossary", "set", proj, "--term", "ECTS", "--locale", "es", "--translation", "créditos"}, 3},
		{"unknown term", []string{"glossary", "remove", proj, "--term", "nope"}, 4},
		{"sample is read-only", []string{"glossary", "set", "--sample", "--term", "x", "--dnt"}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code, _, stderr := cli(t, tt.args...); code != tt.code {
				t.Errorf("exit %d, want %d; stderr: %s", code, tt.code, stderr)
			}
		})
	}
}

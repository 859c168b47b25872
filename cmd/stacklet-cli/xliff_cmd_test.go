package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/authoring/sqlite"
)

// renameModule changes a module title in a project file, as an author would
// after the translator received the XLIFF.
func renameModule(t *testing.T, proj, id, title string) {
	t.Helper()
	ctx := context.Background()
	store, err := sqlite.Open(ctx, proj)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	p, err := store.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	m, err := p.Module(id)
	if err != nil {
		t.Fatal(err)
	}
	m.Title = title
	if err := store.UpdateModule(ctx, m); err != nil {
		t.Fatal(err)
	}
}

func TestXLIFFExportEditImport(t *testing.T) {
	withFakeOpenAI(t)
	proj := sampleProject(t)
	mustCLI(t, "translate", proj, "--locale", "es")
	file := filepath.Join(t.TempDir(), "es.xlf")
	mustCLI(t, "xliff", "export", proj, "--locale", "es", "-o", file)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), ">ES:Micro-credentials in 10 minutes<", ">Microcredenciales en 10 minutos<", 1)
	if edited == string(data) {
		t.Fatalf("the export has no machine title:\n%.800s", data)
	}
	os.WriteFile(file, []byte(edited), 0o644)
	renameModule(t, proj, "designing-for-stackability", "Designing for stacking")

	out := mustCLI(t, "xliff", "import", proj, file)
	for _, want := range []string{"(project, es): 1 applied", "(designing-for-stackability, es): 0 applied", "1 skipped-stale", "stale: line "} {
		if !strings.Contains(out, want) {
			t.Errorf("import report lacks %q:\n%s", want, out)
		}
	}
	tr, segs := translations(t, proj, "es")
	if got := tr["p/title"]; got.Target != "Microcredenciales en 10 minutos" || got.State != l10n.Edited || got.By != "xliff:es.xlf" {
		t.Errorf("imported title %+v", got)
	}
	for _, s := range segs {
		if s.ID == "m:designing-for-stackability/title" && (!tr[s.ID].Stale(s) || tr[s.ID].State != l10n.Machine) {
			t.Errorf("the renamed module's title was overwritten: %+v", tr[s.ID])
		}
	}
}

func TestXLIFFExportIsStableAndReimportsAsUnchanged(t *testing.T) {
	withFakeOpenAI(t)
	proj := sampleProject(t)
	mustCLI(t, "translate", proj, "--locale", "es", "--module", "issuing-and-verifying")
	first := mustCLI(t, "xliff", "export", proj, "--locale", "es")
	if second := mustCLI(t, "xliff", "export", proj, "--locale", "es"); second != first {
		t.Fatal("two exports of the same project differ")
	}
	file := filepath.Join(t.TempDir(), "es.xlf")
	os.WriteFile(file, []byte(first), 0o644)
	out := mustCLI(t, "xliff", "import", proj, file)
	if strings.Contains(out, "\n  ") || !strings.Contains(out, "0 applied") || strings.Contains(out, " 1 applied") {
		t.Errorf("reimport changed something:\n%s", out)
	}
	if again := mustCLI(t, "xliff", "export", proj, "--locale", "es"); again != first {
		t.Error("export → import → export is not byte-identical")
	}
}

func TestXLIFFErrors(t *testing.T) {
	withoutOpenAI(t)
	proj := sampleProject(t)
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte(content), 0o644)
		return path
	}
	malformed := write("bad.xlf", "<xliff version=\"1.2\">\n<file source-language=\"en\" target-language=\"es\"><body>\n<trans-unit id=\"x\"><source>a</trans-unit>")
	french := write("fr.xlf", `<xliff version="1.2"><file original="project" source-language="en" target-language="fr"><body/></file></xliff>`)
	german := write("de-src.xlf", `<xliff version="1.2"><file original="project" source-language="de" target-language="es"><body/></file></xliff>`)
	tests := []struct {
		name string
		args []string
		exit int
		msg  string
	}{
		{"Malformed", []string{"xliff", "import", proj, malformed}, exitCorrupt, "bad.xlf: line 3:"},
		{"NotATargetLocale", []string{"xliff", "import", proj, french}, exitInvalid, "fr is not a target locale"},
		{"OtherSourceLanguage", []string{"xliff", "import", proj, german}, exitInvalid, "translates from de"},
		{"MissingFile", []string{"xliff", "import", proj, filepath.Join(dir, "none.xlf")}, exitNotFound, "not found"},
		{"NoLocale", []string{"xliff", "export", proj}, exitUsage, "--locale"},
		{"NoSubcommand", []string{"xliff", proj}, exitUsage, "subcommand"},
		{"SampleIsReadOnly", []string{"xliff", "import", "--sample", french}, exitInvalid, "read-only"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := cli(t, tt.args...)
			if code != tt.exit || !strings.Contains(errOut, tt.msg) {
				t.Errorf("exit %d, want %d; stderr %q lacks %q", code, tt.exit, errOut, tt.msg)
			}
		})
	}
}

func TestXLIFFExportSample(t *testing.T) {
	out := mustCLI(t, "xliff", "export", "--sample", "--locale", "es", "--module", "what-is-a-micro-credential")
	if !bytes.HasPrefix([]byte(out), []byte(`<?xml version="1.0" encoding="UTF-8"?>`)) || !strings.Contains(out, `original="what-is-a-micro-credential"`) {
		t.Errorf("export:\n%.400s", out)
	}
}

// TestXLIFFRefusalChangesNothing: a <file> or a whole XLIFF file with the
// wrong languages is refused before anything is saved, even when it comes
// after a good one.
func TestXLIFFRefusalChangesNothing(t *testing.T) {
	withoutOpenAI(t)
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	const before, after = ">Microcredenciales en 10 minutos<", ">Microcredenciales en diez minutos<"
	frenchFile := `<file original="project" source-language="en" target-language="fr" datatype="plaintext"><body/></file>`
	tests := []struct {
		name string
		docs func(good string) []string
	}{
		{"LaterFileElement", func(good string) []string {
			return []string{write("two-files.xlf", strings.Replace(good, "</xliff>", frenchFile+"\n</xliff>", 1))}
		}},
		{"LaterXLIFFFile", func(good string) []string {
			return []string{write("good.xlf", good),
				write("fr.xlf", `<xliff version="1.2">`+frenchFile+`</xliff>`)}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			proj := filepath.Join(t.TempDir(), "sample.stacklet")
			mustCLI(t, "import", "--sample", proj) // with the sample's Spanish
			exported := mustCLI(t, "xliff", "export", proj, "--locale", "es")
			good := strings.Replace(exported, before, after, 1)
			if good == exported {
				t.Fatalf("the export has no Spanish title %s", before)
			}
			args := append([]string{"xliff", "import", proj}, tt.docs(good)...)
			code, out, errOut := cli(t, args...)
			if code != exitInvalid || !strings.Contains(errOut, "fr is not a target locale") {
				t.Errorf("exit %d, want %d; stderr %q", code, exitInvalid, errOut)
			}
			if strings.Contains(out, "applied") {
				t.Errorf("a refused import reports applied units:\n%s", out)
			}
			tr, _ := translations(t, proj, "es")
			if got := tr["p/title"].Target; ">"+got+"<" != before {
				t.Errorf("Spanish title is %q after a refused import, want it unchanged", got)
			}
		})
	}
}

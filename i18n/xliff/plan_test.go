package xliff

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
)

// TestExportEditImport exports the sample, edits targets as a translator
// would in a CAT tool, changes one source in the project meanwhile, and
// checks what an import would do with every unit.
func TestExportEditImport(t *testing.T) {
	segs, tr := sample()
	var buf bytes.Buffer
	if err := Write(&buf, Build("en", "es", segs, tr)); err != nil {
		t.Fatal(err)
	}
	edited := strings.NewReplacer(
		// a human fix of the machine translation
		`no la espalda.<x id="2"/></target>`, `no con la espalda.<x id="2"/></target>`,
		// the untranslated prompt gets a translation
		`<target state="needs-translation"/>`, `<target state="translated">¿Qué es seguro: a &lt; b o "{x}"?</target>`,
		// the broken pair is still broken
	).Replace(buf.String())
	doc, err := Read(strings.NewReader(edited))
	if err != nil {
		t.Fatal(err)
	}
	bySeg := map[string]l10n.Segment{}
	for _, s := range segs {
		bySeg[s.ID] = s
	}
	// The module title changed after the export; one segment was deleted.
	title := seg("lift", "m:lift/title", "Lifting and carrying safely", "module title")
	bySeg[title.ID] = title
	delete(bySeg, "p/title")

	got := map[string]string{}
	for i := range doc.Files {
		for _, d := range Plan(&doc.Files[i], bySeg, tr) {
			got[d.ID] = string(d.Action) + "/" + authoring.ErrorCode(d.Err)
			if d.Action == Apply && d.ID == "m:lift/b:quiz/prompt" && d.Target != `¿Qué es seguro: a < b o "{{x}"?` {
				t.Errorf("applied target %q", d.Target)
			}
		}
	}
	want := map[string]string{
		"p/title":                       "unknown/not_found",
		"m:lift/title":                  "stale/conflict",
		"m:lift/b:intro/body[1]":        "apply/",
		"m:lift/b:intro/body[2]":        "unchanged/",
		"m:lift/b:quiz/prompt":          "apply/",
		"m:lift/b:quiz/choices[a].text": "invalid/invalid",
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: %s, want %s", id, got[id], w)
		}
	}
}

func TestPlanUnchangedAndConfirmed(t *testing.T) {
	s := seg("m", "a", "Hello", "")
	machine := l10n.Translations{"a": l10n.NewTranslation(s, "Hola", l10n.Machine, "model:x", at)}
	approved := l10n.Translations{"a": l10n.NewTranslation(s, "Hola", l10n.Approved, "ana", at)}
	old := s
	old.Source = "Hi"
	stale := l10n.Translations{"a": l10n.NewTranslation(old, "Hola", l10n.Approved, "ana", at)}
	tests := []struct {
		name    string
		state   l10n.State
		target  string
		current l10n.Translations
		want    Action
		stale   bool
	}{
		{"StaleStillMarked", l10n.Approved, "Hola", stale, Unchanged, true},
		{"StaleMarkCleared", l10n.Edited, "Hola", stale, Apply, false},
		{"SameMachineText", l10n.Machine, "Hola", machine, Unchanged, false},
		{"MachineTextConfirmedByTranslator", l10n.Edited, "Hola", machine, Apply, false},
		{"ApprovedNotDowngraded", l10n.Edited, "Hola", approved, Unchanged, false},
		{"ApprovedChanged", l10n.Approved, "Buenas", approved, Apply, false},
		{"NoTarget", l10n.Untranslated, "", approved, Empty, false},
		{"NothingYet", l10n.Edited, "Hola", l10n.Translations{}, Apply, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &File{Units: []Unit{{ID: "a", Source: "Hello", SourceHash: s.Hash, Target: tt.target, State: tt.state, Stale: tt.stale}}}
			if got := Plan(f, map[string]l10n.Segment{"a": s}, tt.current)[0].Action; got != tt.want {
				t.Errorf("action %s, want %s", got, tt.want)
			}
		})
	}
}

func TestPlanWithoutHashComparesSourceText(t *testing.T) {
	s := seg("m", "a", "Hello", "")
	for source, want := range map[string]Action{"Hello": Apply, "Hello!": Stale} {
		f := &File{Units: []Unit{{ID: "a", Source: source, Target: "Hola", State: l10n.Edited}}}
		if got := Plan(f, map[string]l10n.Segment{"a": s}, nil)[0].Action; got != want {
			t.Errorf("source %q: %s, want %s", source, got, want)
		}
	}
}

// FuzzRead reads arbitrary bytes: it must never panic, and whatever it
// accepts must write and read back to the same document and bytes.
func FuzzRead(f *testing.F) {
	f.Add([]byte(`<xliff version="1.2"><file source-language="en" target-language="es"><body><trans-unit id="a"><source>a <g id="1">b</g> <x id="2"/></source><target state="final">c</target></trans-unit></body></file></xliff>`))
	f.Add([]byte(`<xliff version="1.2"><file source-language="en" target-language="es"><body><group><trans-unit id="&amp;"><source>{{<bx id="3"/></source><note>n</note></trans-unit></group></body></file></xliff>`))
	segs, tr := sample()
	var buf bytes.Buffer
	Write(&buf, Build("en", "es", segs, tr))
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read(bytes.NewReader(data))
		if err != nil {
			if authoring.ErrorCode(err) != authoring.ECORRUPT {
				t.Fatalf("error code %s: %v", authoring.ErrorCode(err), err)
			}
			return
		}
		var first, second bytes.Buffer
		Write(&first, doc)
		doc2, err := Read(bytes.NewReader(first.Bytes()))
		if err != nil {
			t.Fatalf("our own output is refused: %v\n%s", err, first.Bytes())
		}
		Write(&second, doc2)
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Fatalf("write → read → write differs:\n%s\n%s", first.Bytes(), second.Bytes())
		}
	})
}

package xliff

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
)

var update = flag.Bool("update", false, "update golden files")

func seg(module, id, source, context string, marks ...l10n.Mark) l10n.Segment {
	return l10n.Segment{ID: id, Source: source, Hash: l10n.HashText(source), Context: context, ModuleID: module, Marks: marks}
}

var at = time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)

// sample is a project's segments and Spanish translations in every state.
func sample() ([]l10n.Segment, l10n.Translations) {
	segs := []l10n.Segment{
		seg("", "p/title", "Warehouse safety", "project title"),
		seg("lift", "m:lift/title", "Lifting & carrying", "module title"),
		seg("lift", "m:lift/b:intro/body[1]", "Bend your {1}knees{/1}, not your back.{2/}", "text block › paragraph",
			l10n.Mark{ID: 1, Kind: l10n.MarkBold}),
		seg("lift", "m:lift/b:intro/body[2]", "Loads over 25 kg need two people.\nAsk a colleague.", "text block › paragraph"),
		seg("lift", "m:lift/b:quiz/prompt", "Which is safe: a < b or \"{{x}\"?", "question › prompt"),
		seg("lift", "m:lift/b:quiz/choices[a].text", "Use the {1}trolley{/1}", "choice", l10n.Mark{ID: 1, Kind: l10n.MarkLink, URL: "https://example.com"}),
	}
	segs[1].MaxLen = 40
	tr := l10n.Translations{}
	add := func(s l10n.Segment, target string, st l10n.State) {
		tr[s.ID] = l10n.NewTranslation(s, target, st, "test", at)
	}
	add(segs[0], "Seguridad en el almacén", l10n.Approved)
	add(segs[1], "Levantar y cargar", l10n.Edited)
	add(segs[2], "Doble las {1}rodillas{/1}, no la espalda.{2/}", l10n.Machine)
	stale := segs[3]
	stale.Source = "Loads over 20 kg need two people."
	add(stale, "Las cargas de más de 20 kg requieren dos personas.", l10n.Approved)
	// a target a person left with a broken pair: written as <bx/>/<ex/>
	add(segs[5], "Use la {1}carretilla", l10n.Edited)
	return segs, tr
}

func sampleXLIFF(t *testing.T) []byte {
	t.Helper()
	segs, tr := sample()
	var buf bytes.Buffer
	if err := Write(&buf, Build("en", "es", segs, tr)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestWriteGolden(t *testing.T) {
	got := sampleXLIFF(t)
	golden := filepath.Join("testdata", "sample.es.xlf")
	if *update {
		os.WriteFile(golden, got, 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run with -update to accept):\n%s", golden, got)
	}
}

func TestRoundTripIsByteIdentical(t *testing.T) {
	first := sampleXLIFF(t)
	doc, err := Read(bytes.NewReader(first))
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := Write(&again, doc); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, again.Bytes()) {
		t.Errorf("export → read → write changed the file:\n%s\nvs\n%s", first, again.Bytes())
	}
	segs, tr := sample()
	want := Build("en", "es", segs, tr)
	for fi := range doc.Files {
		for ui := range doc.Files[fi].Units {
			doc.Files[fi].Units[ui].Line = 0
		}
	}
	if !reflect.DeepEqual(doc, want) {
		t.Errorf("read\n%+v\nwant\n%+v", doc, want)
	}
}

func TestStatesMapBothWays(t *testing.T) {
	doc, err := Read(bytes.NewReader(sampleXLIFF(t)))
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		state l10n.State
		stale bool
	}
	got := map[string]row{}
	for _, f := range doc.Files {
		for _, u := range f.Units {
			got[u.ID] = row{u.State, u.Stale}
		}
	}
	want := map[string]row{
		"p/title":                       {l10n.Approved, false},
		"m:lift/title":                  {l10n.Edited, false},
		"m:lift/b:intro/body[1]":        {l10n.Machine, false},
		"m:lift/b:intro/body[2]":        {l10n.Approved, true},
		"m:lift/b:quiz/prompt":          {l10n.Untranslated, false},
		"m:lift/b:quiz/choices[a].text": {l10n.Edited, false},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("states %v, want %v", got, want)
	}
}

func TestReadForeignTool(t *testing.T) {
	const file = `<?xml version="1.0" encoding="UTF-8"?>
<!-- edited in a CAT tool -->
<xliff version="1.2">
 <file original="lift" source-language="en" target-language="pt-br" datatype="plaintext" tool-id="cat">
  <header><tool tool-id="cat" tool-name="CAT"/></header>
  <body>
   <group id="g1">
    <trans-unit id="a">
     <source>Bend your <g id="1">knees</g></source>
     <target state="signed-off"><mrk mtype="seg" mid="0">Dobre os <g id="1">joelhos</g></mrk></target>
     <alt-trans><target>ignored</target></alt-trans>
     <note from="me">first</note>
     <note>second</note>
    </trans-unit>
   </group>
   <trans-unit id="b"><source>New</source><target state="new">Novo</target></trans-unit>
   <trans-unit id="c"><source>Empty</source></trans-unit>
   <trans-unit id="d"><source>MT</source><target state="needs-review-translation" state-qualifier="leveraged-mt">TA</target></trans-unit>
  </body>
 </file>
</xliff>`
	doc, err := Read(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	f := doc.Files[0]
	if f.TargetLanguage != "pt-BR" || f.Original != "lift" || len(f.Units) != 4 {
		t.Fatalf("file %+v", f)
	}
	want := []Unit{
		{ID: "a", Source: "Bend your {1}knees{/1}", Target: "Dobre os {1}joelhos{/1}", State: l10n.Approved, Note: "first\nsecond", Line: 8},
		{ID: "b", Source: "New", Target: "Novo", State: l10n.Edited, Line: 16},
		{ID: "c", Source: "Empty", State: l10n.Untranslated, Line: 17},
		{ID: "d", Source: "MT", Target: "TA", State: l10n.Machine, Line: 18},
	}
	if !reflect.DeepEqual(f.Units, want) {
		t.Errorf("units\n%+v\nwant\n%+v", f.Units, want)
	}
}

func TestReadRejectsMalformedFiles(t *testing.T) {
	const head = `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">` + "\n" +
		`<file original="m" source-language="en" target-language="es"><body>` + "\n"
	const tail = "\n</body></file></xliff>\n"
	unit := func(inner string) string { return head + inner + tail }
	tests := []struct {
		name, file string
		line       int
		reason     string
	}{
		{"Empty", "", 1, "no <xliff>"},
		{"NotXML", "hello", 1, "text before"},
		{"Unclosed", unit(`<trans-unit id="a"><source>x</source>`), 5, "malformed"},
		{"WrongRoot", `<html/>`, 1, "not <xliff>"},
		{"Version2", `<xliff version="2.0"/>`, 1, "version"},
		{"NoTargetLanguage", `<xliff version="1.2"><file original="m" source-language="en"/></xliff>`, 1, "target-language"},
		{"BadLocale", `<xliff version="1.2"><file source-language="en" target-language="e s"/></xliff>`, 1, "BCP 47"},
		{"NoID", unit(`<trans-unit><source>x</source></trans-unit>`), 4, "no id"},
		{"DuplicateID", unit("<trans-unit id=\"a\"><source>x</source></trans-unit>\n<trans-unit id=\"a\"><source>y</source></trans-unit>"), 5, "twice"},
		{"NoSource", unit(`<trans-unit id="a"><target>x</target></trans-unit>`), 4, "no <source>"},
		{"UnsupportedInline", unit("<trans-unit id=\"a\">\n<source>x <ph id=\"1\">&lt;br&gt;</ph></source></trans-unit>"), 5, "<ph>"},
		{"NonNumericID", unit(`<trans-unit id="a"><source><g id="b1">x</g></source></trans-unit>`), 4, "placeholder number"},
		{"TextInX", unit(`<trans-unit id="a"><source><x id="1">x</x></source></trans-unit>`), 4, "must be empty"},
		{"UnknownState", unit(`<trans-unit id="a"><source>x</source><target state="done">y</target></trans-unit>`), 4, "not an XLIFF 1.2 state"},
		{"BadStale", unit(`<trans-unit id="a" xmlns:stk="urn:stacklet:xliff:1"><source>x</source><target stk:stale="great">y</target></trans-unit>`), 4, "translation state"},
		{"ElementInNote", unit(`<trans-unit id="a"><source>x</source><note><b>y</b></note></trans-unit>`), 4, "plain text"},
		{"TextInBody", unit(`stray words`), 4, "directly inside <body>"},
		{"BadMaxWidth", unit(`<trans-unit id="a" maxwidth="wide"><source>x</source></trans-unit>`), 4, "maxwidth"},
		{"TooDeep", unit(`<trans-unit id="a"><source>` + strings.Repeat(`<g id="1">`, 70) + strings.Repeat(`</g>`, 70) + `</source></trans-unit>`), 4, "nested"},
		{"SecondRoot", `<xliff version="1.2"/>` + "\n<xliff/>", 2, "second element"},
		{"UndefinedEntity", unit(`<trans-unit id="a"><source>&nbsp;</source></trans-unit>`), 4, "malformed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.file))
			if authoring.ErrorCode(err) != authoring.ECORRUPT {
				t.Fatalf("error %v, want corrupt", err)
			}
			msg := authoring.ErrorMessage(err)
			if !strings.HasPrefix(msg, "line "+strconv.Itoa(tt.line)+":") || !strings.Contains(msg, tt.reason) {
				t.Errorf("message %q, want line %d and %q", msg, tt.line, tt.reason)
			}
		})
	}
}

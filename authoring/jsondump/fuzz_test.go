package jsondump

import (
	"bytes"
	"testing"
	"testing/fstest"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/authoringtest"
)

// FuzzRead feeds outside input to the reader as a module file of an
// otherwise good dump. Whatever it is, the reader must not panic and must
// answer either EINVALID or a module that writes and reads back unchanged.
func FuzzRead(f *testing.F) {
	p, _ := authoringtest.Project()
	good, err := encode(normalModule(p.Modules[0]))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add([]byte(`{"id":"ladders","blocks":[{"id":"b","kind":"text","body":"**x**","Body":"y"}]}`))
	f.Add([]byte(`{"id":"ladders","blocks":[{"id":"q","kind":"single-choice","choices":[{"id":"a"}],"weight":1e3}]}`))
	f.Add([]byte(`{"id":"ladders","blocks":[null,{"kind":"hologram"},[]]}`))
	f.Add([]byte("{\"id\":\"ladders\",\"title\":\"\xff\"}  x"))
	project := []byte(`{"format":"stacklet-project","version":1,"title":"t","sourceLocale":"en","targetLocales":[],` +
		`"theme":{"accent":"#000000","font":"sans"},"credentials":[],"modules":["ladders"]}`)
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{
			"project.json":         {Data: project},
			"media.json":           {Data: []byte("[]")},
			"modules/ladders.json": {Data: data},
		}
		p, _, err := ReadFS(fsys)
		if err != nil {
			if code := authoring.ErrorCode(err); code != authoring.EINVALID {
				t.Fatalf("code %q for bad input: %v", code, err)
			}
			return
		}
		if len(p.Modules) != 1 || p.Modules[0].ID != "ladders" {
			t.Fatalf("read %d modules", len(p.Modules))
		}
		checkRewrite(t, p.Modules[0])
	})
}

// checkRewrite writes m as a dump would and reads it back: the bytes of a
// second write must equal the first.
func checkRewrite(t *testing.T, m authoring.Module) {
	first, err := encode(normalModule(m))
	if err != nil {
		t.Fatalf("a module that was read cannot be written: %v", err)
	}
	again, err := decodeModule("modules/ladders.json", first)
	if err != nil {
		t.Fatalf("a written module does not read back: %v\n%s", err, first)
	}
	second, _ := encode(normalModule(again))
	if !bytes.Equal(first, second) {
		t.Fatalf("write, read, write changed the module:\n%s\n%s", first, second)
	}
}

// FuzzReadTranslations feeds outside input to the reader as a translations
// file. It must not panic, must answer EINVALID for what it refuses, and
// what it accepts must write and read back to the same translations.
func FuzzReadTranslations(f *testing.F) {
	f.Add([]byte(`[{"id":"p/title","source":"A","target":"B","state":"approved","by":"x","at":"2026-11-22T08:00:00Z"}]`))
	f.Add([]byte(`[{"id":"a","state":"untranslated","comments":[{"by":"r","at":"2026-11-22T08:00:00Z","text":"?"}]}]`))
	f.Add([]byte(`[{"id":"a","target":"{1}x{/1}","state":"machine","at":"0001-01-01T00:00:00Z"},null,1]`))
	f.Add([]byte("[{\"id\":\"\xff\",\"state\":\"edited\",\"target\":\"t\"}] x"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tr, err := decodeTranslations("translations/de.json", data)
		if err != nil {
			if code := authoring.ErrorCode(err); code != authoring.EINVALID {
				t.Fatalf("code %q for bad input: %v", code, err)
			}
			return
		}
		first, err := encode(sortedTranslations(tr))
		if err != nil {
			t.Fatalf("accepted translations cannot be written: %v", err)
		}
		again, err := decodeTranslations("translations/de.json", first)
		if err != nil {
			t.Fatalf("written translations do not read back: %v\n%s", err, first)
		}
		second, _ := encode(sortedTranslations(again))
		if !bytes.Equal(first, second) {
			t.Fatalf("write, read, write changed the file:\n%s\n%s", first, second)
		}
	})
}

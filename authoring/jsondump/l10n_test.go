package jsondump_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/jsondump"
	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/authoring/sqlite"
)

var when = time.Date(2026, 11, 22, 8, 0, 0, 0, time.UTC)

// testBundle translates a few segments of testProject into both targets.
func testBundle(p *authoring.Project) *l10n.Bundle {
	segs := l10n.ProjectSegments(p, nil)
	de, ar := l10n.Translations{}, l10n.Translations{}
	for i, s := range segs[:6] {
		de[s.ID] = l10n.NewTranslation(s, "DE "+s.Source, l10n.States[i%4], "ana", when)
		ar[s.ID] = l10n.NewTranslation(s, "ع "+s.Source+" <&>", l10n.Approved, "model:x", when)
	}
	t := de[segs[1].ID]
	t.Comments = []l10n.Comment{{By: "rev", At: when, Text: "Check «this»"}}
	de[segs[1].ID] = t
	return &l10n.Bundle{
		Translations: map[authoring.Locale]l10n.Translations{"de": de, "ar": ar},
		Glossary: l10n.Glossary{
			{Term: "HSE", DoNotTranslate: true},
			{Term: "ladder", Translations: map[authoring.Locale]string{"de": "Leiter", "ar": "سلّم"}, Note: "the tool"},
		},
		Styles: map[authoring.Locale]l10n.Style{"de": {Formality: l10n.Formal, Audience: "site managers", Notes: "Use «Sie»."}},
	}
}

// TestBundleDumpImportDumpIsByteIdentical goes folder → SQLite → folder
// with translations and a glossary.
func TestBundleDumpImportDumpIsByteIdentical(t *testing.T) {
	dir := t.TempDir()
	p, media := testProject()
	b := testBundle(p)
	first := filepath.Join(dir, "first")
	if err := jsondump.WriteBundle(ctx, first, p, media, b); err != nil {
		t.Fatal(err)
	}
	read, readMedia, err := jsondump.Read(first)
	if err != nil {
		t.Fatal(err)
	}
	rb, err := jsondump.ReadBundle(first, read)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rb, b) {
		t.Errorf("bundle read back\n%+v\nwant\n%+v", rb, b)
	}
	store, err := sqlite.Create(ctx, filepath.Join(dir, "p.stacklet"), read)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if err := store.Replace(ctx, read, readMedia); err != nil {
		t.Fatal(err)
	}
	if err := store.ReplaceL10n(ctx, rb); err != nil {
		t.Fatal(err)
	}
	loaded, _ := store.Load(ctx)
	lb, err := store.LoadL10n(ctx)
	if err != nil {
		t.Fatal(err)
	}
	second := filepath.Join(dir, "second")
	if err := jsondump.WriteBundle(ctx, second, loaded, store, lb); err != nil {
		t.Fatal(err)
	}
	sameTree(t, first, second)
	files := tree(t, first)
	for _, name := range []string{"translations/de.json", "translations/ar.json", "glossary.json", "translation-styles.json"} {
		if files[name] == nil {
			t.Errorf("%s is not written", name)
		}
	}
	if !strings.Contains(string(files["translations/ar.json"]), "<&>") {
		t.Error("translations are HTML-escaped")
	}
	// A second write over the first is allowed: it is a dump.
	if err := jsondump.WriteBundle(ctx, first, p, media, b); err != nil {
		t.Fatalf("rewrite over a dump with translations: %v", err)
	}
}

func TestBundleIsOptional(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "d")
	p, media := testProject()
	mustWrite(t, dir, p, media)
	b, err := jsondump.ReadBundle(dir, p)
	if err != nil || len(b.Translations) != 0 || len(b.Glossary) != 0 {
		t.Errorf("bundle of a plain dump: %+v, %v", b, err)
	}
}

func TestReadBundleErrors(t *testing.T) {
	entry := `{"id": "p/title", "source": "A", "target": "B", "state": "approved", "by": "x", "at": "2026-11-22T08:00:00Z"}`
	tests := []struct {
		name, file, content, where string
	}{
		{"unknown field", "translations/de.json", "[\n" + strings.Replace(entry, `"by"`, `"who": 1, "by"`, 1) + "\n]", "line 2"},
		{"bad state", "translations/de.json", "[\n" + strings.Replace(entry, "approved", "done", 1) + "\n]", "line 2"},
		{"twice", "translations/de.json", "[\n" + entry + ",\n" + entry + "\n]", "line 3"},
		{"null entry", "translations/de.json", "[\nnull\n]", "line 2"},
		{"not a list", "translations/de.json", `{"id": "x"}`, "line 1"},
		{"bad time", "translations/de.json", "[" + strings.Replace(entry, "2026-11-22T08:00:00Z", "yesterday", 1) + "]", "de.json"},
		{"untargeted locale", "translations/fr.json", "[]", "fr"},
		{"source locale", "translations/en-GB.json", "[]", "en-GB"},
		{"locale not canonical", "translations/ar-eg.json", "[]", "ar-EG"},
		{"not json", "translations/de.txt", "", "de.txt"},
		{"glossary twice", "glossary.json", `[{"term": "a"}, {"term": "a"}]`, "line 1"},
		{"glossary empty term", "glossary.json", "[\n  {\"term\": \"\"}\n]", "line 2"},
		{"glossary dnt and translated", "glossary.json", `[{"term": "a", "doNotTranslate": true, "translations": {"de": "b"}}]`, "do-not-translate"},
		{"style unknown register", "translation-styles.json", "{\n  \"de\": {\"formality\": \"polite\"}\n}", "line 2"},
		{"style unknown field", "translation-styles.json", "{\n  \"de\": {\"tone\": \"dry\"}\n}", "line 2"},
		{"style untargeted locale", "translation-styles.json", `{"fr": {"formality": "formal"}}`, "fr"},
		{"styles not an object", "translation-styles.json", `[]`, "line 1"},
	}
	p, media := testProject()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "d")
			mustWrite(t, dir, p, media)
			full := filepath.Join(dir, filepath.FromSlash(tt.file))
			if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(full, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := jsondump.ReadBundle(dir, p)
			wantCode(t, err, authoring.EINVALID)
			if !strings.Contains(err.Error(), tt.where) {
				t.Errorf("error %q does not say %q", err, tt.where)
			}
		})
	}
}

func TestWriteBundleRefusesForeignLocale(t *testing.T) {
	p, media := testProject()
	b := &l10n.Bundle{Translations: map[authoring.Locale]l10n.Translations{
		"fr": {"p/title": {ID: "p/title", Source: "x", Target: "y", State: l10n.Approved}}}}
	err := jsondump.WriteBundle(ctx, filepath.Join(t.TempDir(), "d"), p, media, b)
	wantCode(t, err, authoring.EINVALID)
}

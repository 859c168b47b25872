package jsondump

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
)

// The translation files of a dump.
const (
	translationsDir = "translations"
	glossaryName    = "glossary.json"
	stylesName      = "translation-styles.json"
)

func translationsPath(l authoring.Locale) string { return translationsDir + "/" + string(l) + ".json" }

// writeBundle writes one file per locale that has translations, sorted by
// segment id, glossary.json when there are terms and
// translation-styles.json when a locale has a style. A project without
// translations dumps exactly as before they existed.
func writeBundle(root string, p *authoring.Project, b *l10n.Bundle) error {
	if b == nil {
		return nil
	}
	for locale, tr := range b.Translations {
		if len(tr) == 0 {
			continue
		}
		if err := checkLocaleFile(translationsPath(locale), locale, p); err != nil {
			return err
		}
		if err := writeJSON(root, translationsPath(locale), sortedTranslations(tr)); err != nil {
			return err
		}
	}
	if err := writeStyles(root, p, b.Styles); err != nil {
		return err
	}
	if len(b.Glossary) == 0 {
		return nil
	}
	g := slices.Clone(b.Glossary)
	g.Sort()
	return writeJSON(root, glossaryName, g)
}

// writeStyles writes the styles as one object keyed by locale (sorted, as
// maps marshal), leaving out locales without one.
func writeStyles(root string, p *authoring.Project, styles map[authoring.Locale]l10n.Style) error {
	set := map[authoring.Locale]l10n.Style{}
	for locale, st := range styles {
		if st.IsZero() {
			continue
		}
		if err := checkLocaleFile(stylesName, locale, p); err != nil {
			return err
		}
		set[locale] = st
	}
	if len(set) == 0 {
		return nil
	}
	return writeJSON(root, stylesName, set)
}

func sortedTranslations(tr l10n.Translations) []l10n.Translation {
	out := make([]l10n.Translation, 0, len(tr))
	for _, t := range tr {
		out = append(out, t)
	}
	slices.SortFunc(out, func(a, b l10n.Translation) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// checkLocaleFile refuses translations for a locale the project does not
// target: the file name must be the canonical tag of a target locale.
func checkLocaleFile(file string, l authoring.Locale, p *authoring.Project) error {
	canon, err := authoring.ParseLocale(string(l))
	switch {
	case err != nil:
		return authoring.Errorf(authoring.EINVALID, "%s: %q is not a locale", file, l)
	case canon != l:
		return authoring.Errorf(authoring.EINVALID, "%s: write the locale as %q", file, canon)
	case l == p.SourceLocale || !p.HasLocale(l):
		return authoring.Errorf(authoring.EINVALID, "%s: %s is not a target locale of the project: add it to targetLocales in %s or delete the file", file, l, projectName)
	}
	return nil
}

// ReadBundle reads the translations and glossary of the dump in dir; see
// ReadBundleFS.
func ReadBundle(dir string, p *authoring.Project) (*l10n.Bundle, error) {
	b, err := ReadBundleFS(os.DirFS(dir), p)
	var e *authoring.Error
	if errors.As(err, &e) {
		err = authoring.Errorf(e.Code, "dump %s: %s", dir, e.Message)
	}
	return b, err
}

// ReadBundleFS reads translations/<locale>.json, glossary.json and
// translation-styles.json of the dump in fsys, which holds project p. All
// are optional. It is as strict as
// ReadFS: unknown fields, entries listed twice, bad states and files for
// locales the project does not target are refused with the file and line.
func ReadBundleFS(fsys fs.FS, p *authoring.Project) (*l10n.Bundle, error) {
	b := &l10n.Bundle{Translations: map[authoring.Locale]l10n.Translations{}}
	entries, err := fs.ReadDir(fsys, translationsDir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, authoring.Errorf(authoring.EINVALID, "%s cannot be read: %v", translationsDir, err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		locale, tr, err := readTranslationsFile(fsys, e, p)
		if err != nil {
			return nil, err
		}
		b.Translations[locale] = tr
	}
	if b.Glossary, err = readGlossary(fsys); err != nil {
		return nil, err
	}
	if b.Styles, err = readStyles(fsys, p); err != nil {
		return nil, err
	}
	return b, nil
}

func readTranslationsFile(fsys fs.FS, e fs.DirEntry, p *authoring.Project) (authoring.Locale, l10n.Translations, error) {
	file := translationsDir + "/" + e.Name()
	name, ok := strings.CutSuffix(e.Name(), ".json")
	if !ok || e.IsDir() {
		return "", nil, authoring.Errorf(authoring.EINVALID, "%s is not a translations file: they are named <locale>.json", file)
	}
	locale := authoring.Locale(name)
	if err := checkLocaleFile(file, locale, p); err != nil {
		return "", nil, err
	}
	data, err := readFile(fsys, file, "")
	if err != nil {
		return "", nil, err
	}
	tr, err := decodeTranslations(file, data)
	return locale, tr, err
}

// decodeTranslations reads a translations file entry by entry, so that an
// error names the line of the entry at fault.
func decodeTranslations(file string, data []byte) (l10n.Translations, error) {
	var raws []json.RawMessage
	if err := decodeLoose(file, data, &raws); err != nil {
		return nil, err
	}
	tr := l10n.Translations{}
	at := 0
	for _, raw := range raws {
		off := at + max(bytes.Index(data[at:], raw), 0)
		at = off + len(raw)
		var t l10n.Translation
		if err := decodeEntry(file, data, off, raw, &t); err != nil {
			return nil, err
		}
		if err := t.Validate(); err != nil {
			return nil, invalidAt(file, data, off, authoring.ErrorMessage(err))
		}
		utc(&t)
		if _, dup := tr[t.ID]; dup {
			return nil, invalidAt(file, data, off, fmt.Sprintf("segment %s is listed twice", t.ID))
		}
		tr[t.ID] = t
	}
	return tr, nil
}

// decodeEntry decodes the entry at byte off of a file strictly; null is
// refused like any other entry that is not an object.
func decodeEntry(file string, data []byte, off int, raw []byte, v any) error {
	if bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		return invalidAt(file, data, off, "an entry is null: each entry is an object {...}")
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(file, data, off, err)
	}
	return nil
}

func readGlossary(fsys fs.FS) (l10n.Glossary, error) {
	data, err := fs.ReadFile(fsys, glossaryName)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, authoring.Errorf(authoring.EINVALID, "%s cannot be read: %v", glossaryName, err)
	}
	var raws []json.RawMessage
	if err := decodeLoose(glossaryName, data, &raws); err != nil {
		return nil, err
	}
	var g l10n.Glossary
	seen := map[string]bool{}
	at := 0
	for _, raw := range raws {
		off := at + max(bytes.Index(data[at:], raw), 0)
		at = off + len(raw)
		var t l10n.Term
		if err := decodeEntry(glossaryName, data, off, raw, &t); err != nil {
			return nil, err
		}
		if err := t.Validate(); err != nil {
			return nil, invalidAt(glossaryName, data, off, authoring.ErrorMessage(err))
		}
		if seen[t.Term] {
			return nil, invalidAt(glossaryName, data, off, fmt.Sprintf("term %q is listed twice", t.Term))
		}
		seen[t.Term] = true
		g = append(g, t)
	}
	g.Sort()
	return g, nil
}

// readStyles reads translation-styles.json, if there is one, as strictly as
// the other files: an error names the line of the locale at fault.
func readStyles(fsys fs.FS, p *authoring.Project) (map[authoring.Locale]l10n.Style, error) {
	data, err := fs.ReadFile(fsys, stylesName)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, authoring.Errorf(authoring.EINVALID, "%s cannot be read: %v", stylesName, err)
	}
	var raws map[string]json.RawMessage
	if err := decodeLoose(stylesName, data, &raws); err != nil {
		return nil, err
	}
	var out map[authoring.Locale]l10n.Style
	for _, name := range slices.Sorted(maps.Keys(raws)) {
		raw := raws[name]
		off := max(bytes.Index(data, raw), 0)
		locale := authoring.Locale(name)
		if err := checkLocaleFile(stylesName, locale, p); err != nil {
			return nil, err
		}
		var st l10n.Style
		if err := decodeEntry(stylesName, data, off, raw, &st); err != nil {
			return nil, err
		}
		if err := st.Validate(); err != nil {
			return nil, invalidAt(stylesName, data, off, fmt.Sprintf("%s: %s", locale, authoring.ErrorMessage(err)))
		}
		if out == nil {
			out = map[authoring.Locale]l10n.Style{}
		}
		out[locale] = st
	}
	return out, nil
}

// utc puts provenance times in UTC, as a store keeps them, so that a file
// edited by hand with local offsets dumps back the way Stacklet writes it.
func utc(t *l10n.Translation) {
	t.At = t.At.UTC()
	for i := range t.Comments {
		t.Comments[i].At = t.Comments[i].At.UTC()
	}
}

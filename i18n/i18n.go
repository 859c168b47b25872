// Package i18n holds the translated strings learners see, as go-i18n
// catalogs embedded in the binary: one TOML file per language under player/.
// English is the source catalog; every other catalog has exactly its ids.
package i18n

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/stacklet/stacklet/authoring"
)

//go:embed player/*.toml
var playerFS embed.FS

// fallback is the language used when nothing closer exists.
const fallback authoring.Locale = "en"

type catalogs struct {
	bundle  *goi18n.Bundle
	locales []authoring.Locale // sorted
	ids     []string           // English message ids, sorted
}

var loadPlayer = sync.OnceValues(func() (*catalogs, error) {
	return loadCatalogs(playerFS, "player/active.*.toml")
})

// loadCatalogs parses every catalog file matching glob. A language may be
// split over several files ("editor.fr.toml", "export.fr.toml"); go-i18n
// reads the language from the second-last part of the file name.
func loadCatalogs(fsys embed.FS, glob string) (*catalogs, error) {
	b := goi18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	files, err := fs.Glob(fsys, glob)
	if err != nil {
		return nil, err
	}
	c := &catalogs{bundle: b}
	seen := map[authoring.Locale]bool{}
	for _, name := range files {
		data, err := fsys.ReadFile(name)
		if err != nil {
			return nil, err
		}
		mf, err := b.ParseMessageFileBytes(data, name)
		if err != nil {
			return nil, fmt.Errorf("catalog %s: %w", path.Base(name), err)
		}
		if l := authoring.Locale(mf.Tag.String()); !seen[l] {
			seen[l] = true
			c.locales = append(c.locales, l)
		}
		if mf.Tag == language.English {
			for _, m := range mf.Messages {
				c.ids = append(c.ids, m.ID)
			}
		}
	}
	sort.Slice(c.locales, func(i, j int) bool { return c.locales[i] < c.locales[j] })
	sort.Strings(c.ids)
	return c, nil
}

// PlayerLocales returns the languages the player has catalogs for, sorted.
func PlayerLocales() []authoring.Locale {
	c, err := loadPlayer()
	if err != nil {
		return nil
	}
	return append([]authoring.Locale(nil), c.locales...)
}

// PlayerMessageIDs returns the ids of every player string, sorted.
func PlayerMessageIDs() []string {
	c, err := loadPlayer()
	if err != nil {
		return nil
	}
	return append([]string(nil), c.ids...)
}

// Strings localizes player strings in one language.
type Strings struct {
	lang authoring.Locale
	loc  *goi18n.Localizer
}

// PlayerStrings returns the player strings for l: its own catalog when there
// is one, else the catalog of its base language ("pt" serves "pt-PT"), else
// English. A malformed tag is an EINVALID error.
func PlayerStrings(l authoring.Locale) (Strings, error) {
	return stringsFrom(loadPlayer, "player", l)
}

func stringsFrom(load func() (*catalogs, error), what string, l authoring.Locale) (Strings, error) {
	c, err := load()
	if err != nil {
		return Strings{}, authoring.Errorf(authoring.EINTERNAL, "%s catalogs: %v", what, err)
	}
	canon, err := authoring.ParseLocale(string(l))
	if err != nil {
		return Strings{}, err
	}
	lang := c.match(canon)
	return Strings{lang: lang, loc: goi18n.NewLocalizer(c.bundle, string(lang))}, nil
}

func (c *catalogs) match(l authoring.Locale) authoring.Locale {
	for _, have := range c.locales {
		if strings.EqualFold(string(have), string(l)) {
			return have
		}
	}
	for _, have := range c.locales {
		if have.Base() == l.Base() {
			return have
		}
	}
	return fallback
}

// PlayerFallback returns the catalog language the player's strings come
// from when l has no catalog in its own language (its base language counts:
// "es" serves "es-MX"), and whether that happened. A malformed tag reports
// no fallback: validation names it on its own.
func PlayerFallback(l authoring.Locale) (authoring.Locale, bool) {
	c, err := loadPlayer()
	if err != nil {
		return "", false
	}
	canon, err := authoring.ParseLocale(string(l))
	if err != nil {
		return "", false
	}
	got := c.match(canon)
	return got, got.Base() != canon.Base()
}

// PlayerFallbackWarning is the warning for a package in l whose buttons and
// messages have no catalog, naming both languages in English:
// "player buttons and messages have no Japanese catalog: they will be in
// English". It is empty when l has a catalog.
func PlayerFallbackWarning(l authoring.Locale) string {
	got, fellBack := PlayerFallback(l)
	if !fellBack {
		return ""
	}
	return fmt.Sprintf("player buttons and messages have no %s catalog: they will be in %s",
		englishName(l), englishName(got))
}

// PlayerCatalogProblems warns about each project locale, source or target,
// whose packages would show the player's buttons and messages in another
// language. They are warnings: the module text is still in the locale.
func PlayerCatalogProblems(p *authoring.Project) []authoring.Problem {
	var problems []authoring.Problem
	add := func(field string, l authoring.Locale) {
		if w := PlayerFallbackWarning(l); w != "" {
			problems = append(problems, authoring.Problem{Severity: authoring.SeverityWarning,
				Module: p.Title, Field: field, Message: fmt.Sprintf("locale %s: %s", l, w)})
		}
	}
	add("sourceLocale", p.SourceLocale)
	for i, l := range p.TargetLocales {
		add(fmt.Sprintf("targetLocales[%d]", i), l)
	}
	return problems
}

// englishName is a locale's English name ("Japanese", "European
// Portuguese"), or its tag when it has none.
func englishName(l authoring.Locale) string {
	t, err := language.Parse(string(l))
	if err != nil {
		return string(l)
	}
	if name := display.English.Tags().Name(t); name != "" {
		return name
	}
	return string(l)
}

// Lang is the catalog language the strings come from.
func (s Strings) Lang() authoring.Locale { return s.lang }

// Text returns message id filled with data (nil when it has no fields).
func (s Strings) Text(id string, data map[string]any) (string, error) {
	return s.localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: data})
}

// Plural returns message id in the CLDR plural form for count; data.Count is
// set to count unless data already has a Count (a placeholder, say).
func (s Strings) Plural(id string, count int, data map[string]any) (string, error) {
	d := map[string]any{"Count": count}
	for k, v := range data {
		d[k] = v
	}
	return s.localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: d, PluralCount: count})
}

func (s Strings) localize(cfg *goi18n.LocalizeConfig) (string, error) {
	if s.loc == nil {
		return "", authoring.Errorf(authoring.EINTERNAL, "strings used before they were loaded")
	}
	msg, err := s.loc.Localize(cfg)
	var notFound *goi18n.MessageNotFoundErr
	if errors.As(err, &notFound) && msg != "" {
		return msg, nil // the English text stands in for a missing translation
	}
	if err != nil {
		return "", authoring.Errorf(authoring.EINTERNAL, "string %q in %s: %v", cfg.MessageID, s.lang, err)
	}
	return msg, nil
}

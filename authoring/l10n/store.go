package l10n

import (
	"context"

	"github.com/stacklet/stacklet/authoring"
)

// Store keeps translations, comments and the glossary beside a project.
// Every method that changes something is one transaction. *sqlite.Store
// implements it.
type Store interface {
	// Translations returns one locale's translations with their comments.
	Translations(ctx context.Context, locale authoring.Locale) (Translations, error)
	// SaveTranslations inserts or replaces ts, all or none; comments stay.
	SaveTranslations(ctx context.Context, locale authoring.Locale, ts []Translation) error
	DeleteTranslations(ctx context.Context, locale authoring.Locale, ids ...string) error
	// AddComment appends a comment to a segment, translated or not.
	AddComment(ctx context.Context, locale authoring.Locale, segmentID string, c Comment) error

	Glossary(ctx context.Context) (Glossary, error)
	SaveTerm(ctx context.Context, t Term) error // inserts or replaces by term
	DeleteTerm(ctx context.Context, term string) error

	// Style returns how locale's translations should sound; the zero Style
	// when none was set.
	Style(ctx context.Context, locale authoring.Locale) (Style, error)
	// SaveStyle replaces locale's style; the zero Style removes it.
	SaveStyle(ctx context.Context, locale authoring.Locale, s Style) error

	// LoadL10n reads everything, for a dump or the translation memory.
	LoadL10n(ctx context.Context) (*Bundle, error)
	// ReplaceL10n swaps everything for b, for an import.
	ReplaceL10n(ctx context.Context, b *Bundle) error
}

// Bundle is all translation data of a project.
type Bundle struct {
	Translations map[authoring.Locale]Translations
	Glossary     Glossary
	Styles       map[authoring.Locale]Style // only locales with a style set
}

// Validate checks every translation and term of b, naming the first bad one.
func (b *Bundle) Validate() error {
	for locale, tr := range b.Translations {
		if _, err := authoring.ParseLocale(string(locale)); err != nil {
			return err
		}
		for id, t := range tr {
			if t.ID != id {
				return authoring.Errorf(authoring.EINVALID, "%s: translation %q is filed under %q", locale, t.ID, id)
			}
			if err := t.Validate(); err != nil {
				return authoring.Errorf(authoring.EINVALID, "%s: %s", locale, authoring.ErrorMessage(err))
			}
		}
	}
	seen := map[string]bool{}
	for _, t := range b.Glossary {
		if err := t.Validate(); err != nil {
			return err
		}
		if seen[t.Term] {
			return authoring.Errorf(authoring.EINVALID, "glossary term %q is listed twice", t.Term)
		}
		seen[t.Term] = true
	}
	for locale, st := range b.Styles {
		if _, err := authoring.ParseLocale(string(locale)); err != nil {
			return err
		}
		if err := st.Validate(); err != nil {
			return authoring.Errorf(authoring.EINVALID, "%s style: %s", locale, authoring.ErrorMessage(err))
		}
	}
	return nil
}

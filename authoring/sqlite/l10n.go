package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
)

var _ l10n.Store = (*Store)(nil)

// timeFormat stores provenance times as sortable UTC text.
const timeFormat = time.RFC3339Nano

func formatTime(t time.Time) string { return t.UTC().Format(timeFormat) }

func parseTime(what, s string) (time.Time, error) {
	t, err := time.Parse(timeFormat, s)
	if err != nil {
		return time.Time{}, &badData{what, err}
	}
	return t, nil
}

// Translations returns one locale's translations with their comments.
// Segments that have only comments come back in state untranslated.
func (s *Store) Translations(ctx context.Context, locale authoring.Locale) (l10n.Translations, error) {
	var tr l10n.Translations
	err := s.read(ctx, func(tx *sql.Tx) error {
		all, err := loadTranslations(ctx, tx, "WHERE locale = ?", locale)
		tr = all[locale]
		return err
	})
	if tr == nil {
		tr = l10n.Translations{}
	}
	return tr, err
}

// read runs fn in one read transaction, turning bad stored data into ECORRUPT.
func (s *Store) read(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.reads.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("read project: %w", err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return s.unreadable(err)
	}
	return nil
}

// SaveTranslations inserts or replaces ts in one transaction: all or none.
func (s *Store) SaveTranslations(ctx context.Context, locale authoring.Locale, ts []l10n.Translation) error {
	if err := checkLocale(locale); err != nil {
		return err
	}
	for _, t := range ts {
		if err := t.Validate(); err != nil {
			return err
		}
	}
	return s.tx(ctx, func(tx *sql.Tx) error { return putTranslations(ctx, tx, locale, ts) })
}

func checkLocale(l authoring.Locale) error {
	canon, err := authoring.ParseLocale(string(l))
	if err != nil {
		return err
	}
	if canon != l {
		return authoring.Errorf(authoring.EINVALID, "locale %q must be written %q", l, canon)
	}
	return nil
}

func putTranslations(ctx context.Context, tx *sql.Tx, locale authoring.Locale, ts []l10n.Translation) error {
	for _, t := range ts {
		_, err := tx.ExecContext(ctx, `INSERT INTO translations (locale, segment_id, source, target, state, made_by, made_at)
			VALUES (?,?,?,?,?,?,?) ON CONFLICT (locale, segment_id) DO UPDATE SET source = excluded.source,
			target = excluded.target, state = excluded.state, made_by = excluded.made_by, made_at = excluded.made_at`,
			locale, t.ID, t.Source, t.Target, t.State, t.By, formatTime(t.At))
		if err != nil {
			return err
		}
	}
	return nil
}

// DeleteTranslations removes translations and their comments.
func (s *Store) DeleteTranslations(ctx context.Context, locale authoring.Locale, ids ...string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		for _, id := range ids {
			res, err := tx.ExecContext(ctx, "DELETE FROM translations WHERE locale = ? AND segment_id = ?", locale, id)
			if err := found(res, err, "%s has no translation of segment %s", locale, id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, "DELETE FROM translation_comments WHERE locale = ? AND segment_id = ?", locale, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// AddComment appends c to the segment's comments in locale.
func (s *Store) AddComment(ctx context.Context, locale authoring.Locale, segmentID string, c l10n.Comment) error {
	if err := checkLocale(locale); err != nil {
		return err
	}
	if segmentID == "" || isBlank(c.Text) {
		return authoring.Errorf(authoring.EINVALID, "a comment needs a segment and some text")
	}
	return s.tx(ctx, func(tx *sql.Tx) error { return putComment(ctx, tx, locale, segmentID, c) })
}

func putComment(ctx context.Context, tx *sql.Tx, locale authoring.Locale, segmentID string, c l10n.Comment) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO translation_comments (locale, segment_id, position, made_by, made_at, text)
		VALUES (?, ?, (SELECT count(*) FROM translation_comments WHERE locale = ? AND segment_id = ?), ?, ?, ?)`,
		locale, segmentID, locale, segmentID, c.By, formatTime(c.At), c.Text)
	return err
}

func isBlank(s string) bool {
	for _, r := range s {
		if r != ' ' && r != '\t' && r != '\n' && r != '\r' {
			return false
		}
	}
	return true
}

// loadTranslations reads translations and comments matching where
// ("" for all), grouped by locale.
func loadTranslations(ctx context.Context, tx *sql.Tx, where string, args ...any) (map[authoring.Locale]l10n.Translations, error) {
	out := map[authoring.Locale]l10n.Translations{}
	q := "SELECT locale, segment_id, source, target, state, made_by, made_at FROM translations " + where
	err := eachRow(ctx, tx, q, args, func(rows *sql.Rows) error {
		var t l10n.Translation
		var locale authoring.Locale
		var at string
		if err := rows.Scan(&locale, &t.ID, &t.Source, &t.Target, &t.State, &t.By, &at); err != nil {
			return err
		}
		var err error
		if t.At, err = parseTime(fmt.Sprintf("translation %s %s", locale, t.ID), at); err != nil {
			return err
		}
		entry(out, locale)[t.ID] = t
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, loadComments(ctx, tx, out, where, args)
}

func loadComments(ctx context.Context, tx *sql.Tx, out map[authoring.Locale]l10n.Translations, where string, args []any) error {
	q := "SELECT locale, segment_id, made_by, made_at, text FROM translation_comments " + where + " ORDER BY locale, segment_id, position"
	return eachRow(ctx, tx, q, args, func(rows *sql.Rows) error {
		var c l10n.Comment
		var locale authoring.Locale
		var id, at string
		if err := rows.Scan(&locale, &id, &c.By, &at, &c.Text); err != nil {
			return err
		}
		var err error
		if c.At, err = parseTime(fmt.Sprintf("comment on %s %s", locale, id), at); err != nil {
			return err
		}
		tr := entry(out, locale)
		t, ok := tr[id]
		if !ok {
			t = l10n.Translation{ID: id, State: l10n.Untranslated}
		}
		t.Comments = append(t.Comments, c)
		tr[id] = t
		return nil
	})
}

func entry(m map[authoring.Locale]l10n.Translations, l authoring.Locale) l10n.Translations {
	if m[l] == nil {
		m[l] = l10n.Translations{}
	}
	return m[l]
}

func eachRow(ctx context.Context, tx *sql.Tx, query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Glossary returns the terms sorted by term.
func (s *Store) Glossary(ctx context.Context) (l10n.Glossary, error) {
	var g l10n.Glossary
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		g, err = loadGlossary(ctx, tx)
		return err
	})
	return g, err
}

func loadGlossary(ctx context.Context, tx *sql.Tx) (l10n.Glossary, error) {
	var g l10n.Glossary
	q := "SELECT term, translations, do_not_translate, note FROM glossary ORDER BY term"
	err := eachRow(ctx, tx, q, nil, func(rows *sql.Rows) error {
		var t l10n.Term
		var tr string
		if err := rows.Scan(&t.Term, &tr, &t.DoNotTranslate, &t.Note); err != nil {
			return err
		}
		if err := decode(fmt.Sprintf("glossary term %q", t.Term), tr, &t.Translations); err != nil {
			return err
		}
		if len(t.Translations) == 0 {
			t.Translations = nil // "{}" and none are the same entry
		}
		g = append(g, t)
		return nil
	})
	g.Sort() // SQLite's ORDER BY and Go's byte order agree; this makes it certain
	return g, err
}

// SaveTerm inserts t or replaces the entry with the same term.
func (s *Store) SaveTerm(ctx context.Context, t l10n.Term) error {
	if err := t.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error { return putTerm(ctx, tx, t) })
}

func putTerm(ctx context.Context, tx *sql.Tx, t l10n.Term) error {
	tr, err := json.Marshal(t.Translations) // map keys marshal sorted
	if err != nil {
		return err
	}
	if t.Translations == nil {
		tr = []byte("{}")
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO glossary (term, translations, do_not_translate, note) VALUES (?,?,?,?)
		ON CONFLICT (term) DO UPDATE SET translations = excluded.translations,
		do_not_translate = excluded.do_not_translate, note = excluded.note`,
		t.Term, string(tr), t.DoNotTranslate, t.Note)
	return err
}

// DeleteTerm removes a glossary entry.
func (s *Store) DeleteTerm(ctx context.Context, term string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM glossary WHERE term = ?", term)
		return found(res, err, "the glossary has no term %q", term)
	})
}

// LoadL10n reads every translation, comment, glossary term and style in
// one read transaction.
func (s *Store) LoadL10n(ctx context.Context) (*l10n.Bundle, error) {
	b := &l10n.Bundle{}
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		if b.Translations, err = loadTranslations(ctx, tx, ""); err != nil {
			return err
		}
		if b.Glossary, err = loadGlossary(ctx, tx); err != nil {
			return err
		}
		b.Styles, err = loadStyles(ctx, tx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return b, nil
}

// ReplaceL10n swaps all translation data for b in one transaction.
func (s *Store) ReplaceL10n(ctx context.Context, b *l10n.Bundle) error {
	if err := b.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		for _, table := range []string{"translations", "translation_comments", "glossary", "translation_styles"} {
			if _, err := tx.ExecContext(ctx, "DELETE FROM "+table); err != nil {
				return err
			}
		}
		for locale, tr := range b.Translations {
			if err := putLocale(ctx, tx, locale, tr); err != nil {
				return err
			}
		}
		for _, t := range b.Glossary {
			if err := putTerm(ctx, tx, t); err != nil {
				return err
			}
		}
		for locale, st := range b.Styles {
			if err := checkLocale(locale); err != nil {
				return err
			}
			if err := putStyle(ctx, tx, locale, st); err != nil {
				return err
			}
		}
		return nil
	})
}

// putLocale stores one locale's translations; entries that only hold
// comments keep no translation row.
func putLocale(ctx context.Context, tx *sql.Tx, locale authoring.Locale, tr l10n.Translations) error {
	if err := checkLocale(locale); err != nil {
		return err
	}
	for _, t := range tr {
		if t.State != l10n.Untranslated || t.Target != "" || len(t.Comments) == 0 {
			if err := putTranslations(ctx, tx, locale, []l10n.Translation{t}); err != nil {
				return err
			}
		}
		for _, c := range t.Comments {
			if err := putComment(ctx, tx, locale, t.ID, c); err != nil {
				return err
			}
		}
	}
	return nil
}

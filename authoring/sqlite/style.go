package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
)

// Style returns locale's translation style; the zero Style when none is set.
func (s *Store) Style(ctx context.Context, locale authoring.Locale) (l10n.Style, error) {
	var st l10n.Style
	err := s.read(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, "SELECT formality, audience, notes FROM translation_styles WHERE locale = ?", locale).
			Scan(&st.Formality, &st.Audience, &st.Notes)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return nil
		case err != nil:
			return err
		}
		if err := st.Validate(); err != nil {
			return &badData{"translation style of " + string(locale), err}
		}
		return nil
	})
	return st, err
}

// SaveStyle replaces locale's style; the zero Style removes the row.
func (s *Store) SaveStyle(ctx context.Context, locale authoring.Locale, st l10n.Style) error {
	if err := checkLocale(locale); err != nil {
		return err
	}
	if err := st.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error { return putStyle(ctx, tx, locale, st) })
}

func putStyle(ctx context.Context, tx *sql.Tx, locale authoring.Locale, st l10n.Style) error {
	if st.IsZero() {
		_, err := tx.ExecContext(ctx, "DELETE FROM translation_styles WHERE locale = ?", locale)
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO translation_styles (locale, formality, audience, notes) VALUES (?,?,?,?)
		ON CONFLICT (locale) DO UPDATE SET formality = excluded.formality, audience = excluded.audience, notes = excluded.notes`,
		locale, st.Formality, st.Audience, st.Notes)
	return err
}

func loadStyles(ctx context.Context, tx *sql.Tx) (map[authoring.Locale]l10n.Style, error) {
	var out map[authoring.Locale]l10n.Style
	q := "SELECT locale, formality, audience, notes FROM translation_styles ORDER BY locale"
	err := eachRow(ctx, tx, q, nil, func(rows *sql.Rows) error {
		var locale authoring.Locale
		var st l10n.Style
		if err := rows.Scan(&locale, &st.Formality, &st.Audience, &st.Notes); err != nil {
			return err
		}
		if err := st.Validate(); err != nil {
			return &badData{"translation style of " + string(locale), err}
		}
		if out == nil {
			out = map[authoring.Locale]l10n.Style{}
		}
		out[locale] = st
		return nil
	})
	return out, err
}

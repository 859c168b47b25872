package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"

	"github.com/stacklet/stacklet/authoring"
)

// UpdateSettings saves title, source and target locales, theme and credentials.
func (s *Store) UpdateSettings(ctx context.Context, p *authoring.Project) error {
	return s.tx(ctx, func(tx *sql.Tx) error { return saveSettings(ctx, tx, p) })
}

func saveSettings(ctx context.Context, tx *sql.Tx, p *authoring.Project) error {
	theme, err := json.Marshal(p.Theme)
	if err != nil {
		return err
	}
	creds, err := json.Marshal(nonNil(p.Credentials))
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO settings (id, title, source_locale, theme, credentials)
		VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET title = excluded.title,
		source_locale = excluded.source_locale, theme = excluded.theme, credentials = excluded.credentials`,
		p.Title, p.SourceLocale, string(theme), string(creds))
	if err != nil {
		return err
	}
	return saveTargets(ctx, tx, p.TargetLocales)
}

func saveTargets(ctx context.Context, tx *sql.Tx, targets []authoring.Locale) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM target_locales"); err != nil {
		return err
	}
	for i, l := range targets {
		_, err := tx.ExecContext(ctx, "INSERT INTO target_locales (locale, position) VALUES (?, ?)", l, i)
		if isUnique(err) {
			return authoring.Errorf(authoring.EINVALID, "target locale %s is listed twice", l)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// InsertModule adds m with its blocks at index (clamped to the ends).
func (s *Store) InsertModule(ctx context.Context, m *authoring.Module, index int) error {
	return s.tx(ctx, func(tx *sql.Tx) error { return insertModule(ctx, tx, m, index) })
}

func insertModule(ctx context.Context, tx *sql.Tx, m *authoring.Module, index int) error {
	// Module ids name files in dumps and packages: refuse what would break them.
	if !authoring.ValidID(m.ID) {
		return authoring.Errorf(authoring.EINVALID, "module id %q must be lowercase letters, digits, '-' or '_'", m.ID)
	}
	index, err := openGap(ctx, tx, modulesList, "", index)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO modules (id, position, title, description, minutes, outcomes,
		keywords, completion, mastery_score, attempts, reveal_answers) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
		m.ID, index, m.Title, m.Description, m.Minutes, jsonList(m.Outcomes), jsonList(m.Keywords),
		m.Completion, m.MasteryScore, m.Attempts, m.RevealAnswers)
	if isUnique(err) {
		return authoring.Errorf(authoring.ECONFLICT, "a module with id %q already exists", m.ID)
	}
	if err != nil {
		return err
	}
	for i, b := range m.Blocks {
		if err := insertBlock(ctx, tx, m.ID, b, i); err != nil {
			return err
		}
	}
	return nil
}

// UpdateModule saves a module's settings; blocks are saved one by one.
func (s *Store) UpdateModule(ctx context.Context, m *authoring.Module) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE modules SET title = ?, description = ?, minutes = ?,
			outcomes = ?, keywords = ?, completion = ?, mastery_score = ?, attempts = ?, reveal_answers = ?
			WHERE id = ?`, m.Title, m.Description, m.Minutes, jsonList(m.Outcomes), jsonList(m.Keywords),
			m.Completion, m.MasteryScore, m.Attempts, m.RevealAnswers, m.ID)
		return found(res, err, "module %q not found", m.ID)
	})
}

// DeleteModule removes a module; its blocks go with it (ON DELETE CASCADE).
func (s *Store) DeleteModule(ctx context.Context, moduleID string) error {
	return s.tx(ctx, func(tx *sql.Tx) error { return removeFromList(ctx, tx, modulesList, "", moduleID) })
}

// MoveModule puts a module at index (clamped to the ends).
func (s *Store) MoveModule(ctx context.Context, moduleID string, index int) error {
	return s.tx(ctx, func(tx *sql.Tx) error { return move(ctx, tx, modulesList, "", moduleID, index) })
}

// InsertBlock adds b to a module at index (clamped to the ends).
func (s *Store) InsertBlock(ctx context.Context, moduleID string, b authoring.Block, index int) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := moduleExists(ctx, tx, moduleID); err != nil {
			return err
		}
		index, err := openGap(ctx, tx, blocksList, moduleID, index)
		if err != nil {
			return err
		}
		return insertBlock(ctx, tx, moduleID, b, index)
	})
}

func insertBlock(ctx context.Context, tx *sql.Tx, moduleID string, b authoring.Block, index int) error {
	if !authoring.ValidID(b.ID) {
		return authoring.Errorf(authoring.EINVALID, "module %q: block id %q must be lowercase letters, digits, '-' or '_'", moduleID, b.ID)
	}
	content, err := blockJSON(b)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "INSERT INTO blocks (module_id, id, position, kind, content) VALUES (?,?,?,?,?)",
		moduleID, b.ID, index, b.Kind(), content)
	if isUnique(err) {
		return authoring.Errorf(authoring.ECONFLICT, "module %q already has a block %q", moduleID, b.ID)
	}
	return err
}

// blockJSON is the stored form of a block: its own JSON, so that a new block
// kind needs no migration.
func blockJSON(b authoring.Block) (string, error) {
	if b.Content == nil {
		return "", authoring.Errorf(authoring.EINVALID, "block %q has no content", b.ID)
	}
	data, err := json.Marshal(b)
	if err != nil {
		return "", authoring.Errorf(authoring.EINVALID, "block %q cannot be saved: %v", b.ID, err)
	}
	return string(data), nil
}

// UpdateBlock saves a block's content, which may change its kind.
func (s *Store) UpdateBlock(ctx context.Context, moduleID string, b authoring.Block) error {
	content, err := blockJSON(b)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE blocks SET kind = ?, content = ? WHERE module_id = ? AND id = ?",
			b.Kind(), content, moduleID, b.ID)
		return found(res, err, "module %q has no block %q", moduleID, b.ID)
	})
}

// DeleteBlock removes a block.
func (s *Store) DeleteBlock(ctx context.Context, moduleID, blockID string) error {
	return s.tx(ctx, func(tx *sql.Tx) error { return removeFromList(ctx, tx, blocksList, moduleID, blockID) })
}

// MoveBlock puts a block at index within its module (clamped to the ends).
func (s *Store) MoveBlock(ctx context.Context, moduleID, blockID string, index int) error {
	return s.tx(ctx, func(tx *sql.Tx) error { return move(ctx, tx, blocksList, moduleID, blockID, index) })
}

func moduleExists(ctx context.Context, tx *sql.Tx, id string) error {
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM modules WHERE id = ?", id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return authoring.Errorf(authoring.ENOTFOUND, "module %q not found", id)
	}
	return nil
}

// found turns "no row changed" into ENOTFOUND.
func found(res sql.Result, err error, format string, args ...any) error {
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return authoring.Errorf(authoring.ENOTFOUND, format, args...)
	}
	return nil
}

// jsonList stores a nil list as [] so that Load gives the same value for a
// module saved with no outcomes whichever way it was built.
func jsonList(items []string) string {
	data, _ := json.Marshal(nonNil(items)) // a []string always marshals
	return string(data)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

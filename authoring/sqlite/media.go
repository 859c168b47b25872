package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/stacklet/stacklet/authoring"
)

// AddMedia stores data once by content hash; the same bytes added again,
// under any name, return the entry already there.
func (s *Store) AddMedia(ctx context.Context, name string, data []byte) (authoring.Media, error) {
	m, err := authoring.NewMedia(name, data)
	if err != nil {
		return authoring.Media{}, err
	}
	err = s.tx(ctx, func(tx *sql.Tx) error { return putMedia(ctx, tx, &m, data) })
	if err != nil {
		return authoring.Media{}, err
	}
	return m, nil
}

// putMedia inserts m unless its hash is stored, then reads back the stored
// entry, which keeps the name the bytes were first imported under.
func putMedia(ctx context.Context, tx *sql.Tx, m *authoring.Media, data []byte) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO media (hash, name, type, size, data) VALUES (?,?,?,?,?)
		ON CONFLICT (hash) DO NOTHING`, m.Hash, m.Name, m.Type, m.Size, data)
	if err != nil {
		return err
	}
	return tx.QueryRowContext(ctx, "SELECT name, type, size FROM media WHERE hash = ?", m.Hash).
		Scan(&m.Name, &m.Type, &m.Size)
}

// RemoveMedia deletes a media file that neither the theme nor any block uses.
// The check and the delete share one transaction, so no block can start
// using the file in between.
func (s *Store) RemoveMedia(ctx context.Context, hash string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := checkUnused(ctx, tx, hash); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM media WHERE hash = ?", hash)
		return found(res, err, "media %s is not in the project", hash)
	})
}

func checkUnused(ctx context.Context, tx *sql.Tx, hash string) error {
	var themeJSON string
	if err := tx.QueryRowContext(ctx, "SELECT theme FROM settings WHERE id = 1").Scan(&themeJSON); err != nil {
		return fmt.Errorf("settings: %w", err)
	}
	var theme authoring.Theme
	if err := json.Unmarshal([]byte(themeJSON), &theme); err != nil {
		return fmt.Errorf("theme: %w", err)
	}
	if theme.Logo == hash {
		return authoring.Errorf(authoring.ECONFLICT, "this file is the project's logo: choose another logo first")
	}
	return checkBlocksUnused(ctx, tx, hash)
}

// checkBlocksUnused names the first block that uses hash. LIKE narrows the
// rows cheaply; decoding the block decides, so a hash quoted in text does
// not count as a use.
func checkBlocksUnused(ctx context.Context, tx *sql.Tx, hash string) error {
	rows, err := tx.QueryContext(ctx, `SELECT m.title, b.position, b.content FROM blocks b
		JOIN modules m ON m.id = b.module_id WHERE b.content LIKE '%' || ? || '%'
		ORDER BY m.position, b.position`, hash)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var title, content string
		var pos int
		if err := rows.Scan(&title, &pos, &content); err != nil {
			return err
		}
		var b authoring.Block
		if err := json.Unmarshal([]byte(content), &b); err != nil {
			return fmt.Errorf("module %q, block %d: %w", title, pos+1, err)
		}
		if usesMedia(b, hash) {
			return authoring.Errorf(authoring.ECONFLICT, "module %q, block %d (%s %q) uses this file: remove it there first",
				title, pos+1, b.Kind(), b.ID)
		}
	}
	return rows.Err()
}

func usesMedia(b authoring.Block, hash string) bool {
	m := authoring.Module{Blocks: []authoring.Block{b}}
	for _, h := range m.MediaHashes() {
		if h == hash {
			return true
		}
	}
	return false
}

// Replace swaps the whole project for p in one transaction: an import that
// fails half-way leaves the file as it was.
func (s *Store) Replace(ctx context.Context, p *authoring.Project, media authoring.MediaSource) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		// Blocks go first: the foreign key forbids orphaning them.
		for _, table := range []string{"blocks", "modules", "media", "target_locales"} {
			if _, err := tx.ExecContext(ctx, "DELETE FROM "+table); err != nil {
				return err
			}
		}
		if err := saveSettings(ctx, tx, p); err != nil {
			return err
		}
		if err := copyMedia(ctx, tx, p.Media, media); err != nil {
			return err
		}
		for i := range p.Modules {
			if err := insertModule(ctx, tx, &p.Modules[i], i); err != nil {
				return err
			}
		}
		return nil
	})
}

// copyMedia stores each library entry's bytes. Type and size are derived
// from the bytes again rather than trusted, since imports come from outside.
func copyMedia(ctx context.Context, tx *sql.Tx, items []authoring.Media, src authoring.MediaSource) error {
	for _, item := range items {
		data, err := src.ReadMedia(ctx, item.Hash)
		if err != nil {
			return err
		}
		m, err := authoring.NewMedia(item.Name, data)
		if err != nil {
			return err
		}
		if m.Hash != item.Hash {
			return authoring.Errorf(authoring.ECORRUPT, "media %q does not match its hash %s", item.Name, item.Hash)
		}
		if err := putMedia(ctx, tx, &m, data); err != nil {
			return err
		}
	}
	return nil
}

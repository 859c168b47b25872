package sqlite

import (
	"context"
	"database/sql"

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
	return m, err
}

func putMedia(ctx context.Context, tx *sql.Tx, m *authoring.Media, data []byte) error {
	_, err := tx.ExecContext(ctx, "INSERT INTO media (hash, name, type, size, data) VALUES (?,?,?,?,?) ON CONFLICT (hash) DO NOTHING",
		m.Hash, m.Name, m.Type, m.Size, data)
	if err != nil {
		return err
	}
	return tx.QueryRowContext(ctx, "SELECT name, type, size FROM media WHERE hash = ?", m.Hash).Scan(&m.Name, &m.Type, &m.Size)
}

// RemoveMedia deletes a media file no block and no theme uses.
func (s *Store) RemoveMedia(ctx context.Context, hash string) error {
	p, err := s.Load(ctx)
	if err != nil {
		return err
	}
	if p.Theme.Logo == hash {
		return authoring.Errorf(authoring.ECONFLICT, "this file is the project's logo: choose another logo first")
	}
	for _, m := range p.Modules {
		for i, b := range m.Blocks {
			for _, h := range (&authoring.Module{Blocks: []authoring.Block{b}}).MediaHashes() {
				if h == hash {
					return authoring.Errorf(authoring.ECONFLICT, "module %q, block %d (%s) uses this file: remove it there first", m.Title, i+1, b.Kind())
				}
			}
		}
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM media WHERE hash = ?", hash)
		return found(res, err, "media %s is not in the project", hash)
	})
}

// Replace swaps the whole project for p in one transaction: an import that
// fails half-way leaves the file as it was.
func (s *Store) Replace(ctx context.Context, p *authoring.Project, media authoring.MediaSource) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
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

func copyMedia(ctx context.Context, tx *sql.Tx, items []authoring.Media, src authoring.MediaSource) error {
	for _, m := range items {
		data, err := src.ReadMedia(ctx, m.Hash)
		if err != nil {
			return err
		}
		if authoring.HashMedia(data) != m.Hash {
			return authoring.Errorf(authoring.ECORRUPT, "media %q does not match its hash", m.Name)
		}
		if err := putMedia(ctx, tx, &m, data); err != nil {
			return err
		}
	}
	return nil
}

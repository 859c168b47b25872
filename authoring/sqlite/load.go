package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/stacklet/stacklet/authoring"
)

// Load reads the whole project in one read transaction, so it sees one
// consistent state even while another connection writes. Modules and blocks
// come in their order, media sorted by hash.
func (s *Store) Load(ctx context.Context) (*authoring.Project, error) {
	tx, err := s.reads.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("load project: %w", err)
	}
	defer tx.Rollback()
	p := &authoring.Project{}
	for _, load := range []func(context.Context, *sql.Tx, *authoring.Project) error{
		loadSettings, loadTargets, loadMedia, loadModules, loadBlocks,
	} {
		if err := load(ctx, tx, p); err != nil {
			return nil, s.unreadable(err)
		}
	}
	return p, nil
}

// badData is stored data that passed the open checks but does not decode,
// such as a block of a kind this build does not know.
type badData struct {
	what string
	err  error
}

func (e *badData) Error() string { return e.what + ": " + e.err.Error() }

// decode reads one stored JSON value.
func decode(what, data string, v any) error {
	if err := json.Unmarshal([]byte(data), v); err != nil {
		return &badData{what, err}
	}
	return nil
}

// unreadable turns bad stored data into ECORRUPT; other failures (a
// canceled context, a disk error) keep their own cause.
func (s *Store) unreadable(err error) error {
	var bad *badData
	if errors.As(err, &bad) || errors.Is(err, sql.ErrNoRows) {
		return authoring.Errorf(authoring.ECORRUPT, "%s: project data cannot be read (%v): restore it from a backup or a dump", s.path, err)
	}
	return fmt.Errorf("load project: %w", err)
}

func loadSettings(ctx context.Context, tx *sql.Tx, p *authoring.Project) error {
	var theme, creds string
	err := tx.QueryRowContext(ctx, "SELECT title, source_locale, theme, credentials FROM settings WHERE id = 1").
		Scan(&p.Title, &p.SourceLocale, &theme, &creds)
	if err != nil {
		return fmt.Errorf("settings: %w", err)
	}
	if err := decode("theme", theme, &p.Theme); err != nil {
		return err
	}
	return decode("credentials", creds, &p.Credentials)
}

func loadTargets(ctx context.Context, tx *sql.Tx, p *authoring.Project) error {
	return each(ctx, tx, "SELECT locale FROM target_locales ORDER BY position", func(rows *sql.Rows) error {
		var l authoring.Locale
		err := rows.Scan(&l)
		p.TargetLocales = append(p.TargetLocales, l)
		return err
	})
}

func loadMedia(ctx context.Context, tx *sql.Tx, p *authoring.Project) error {
	return each(ctx, tx, "SELECT hash, name, type, size FROM media ORDER BY hash", func(rows *sql.Rows) error {
		var m authoring.Media
		err := rows.Scan(&m.Hash, &m.Name, &m.Type, &m.Size)
		p.Media = append(p.Media, m)
		return err
	})
}

func loadModules(ctx context.Context, tx *sql.Tx, p *authoring.Project) error {
	const q = `SELECT id, title, description, minutes, outcomes, keywords, completion,
		mastery_score, attempts, reveal_answers FROM modules ORDER BY position`
	return each(ctx, tx, q, func(rows *sql.Rows) error {
		var m authoring.Module
		var outcomes, keywords string
		err := rows.Scan(&m.ID, &m.Title, &m.Description, &m.Minutes, &outcomes, &keywords,
			&m.Completion, &m.MasteryScore, &m.Attempts, &m.RevealAnswers)
		if err != nil {
			return err
		}
		if err := decode(fmt.Sprintf("module %q outcomes", m.ID), outcomes, &m.Outcomes); err != nil {
			return err
		}
		if err := decode(fmt.Sprintf("module %q keywords", m.ID), keywords, &m.Keywords); err != nil {
			return err
		}
		p.Modules = append(p.Modules, m)
		return nil
	})
}

func loadBlocks(ctx context.Context, tx *sql.Tx, p *authoring.Project) error {
	index := map[string]int{}
	for i, m := range p.Modules {
		index[m.ID] = i
	}
	return each(ctx, tx, "SELECT module_id, content FROM blocks ORDER BY module_id, position", func(rows *sql.Rows) error {
		var moduleID, content string
		if err := rows.Scan(&moduleID, &content); err != nil {
			return err
		}
		var b authoring.Block
		if err := decode(fmt.Sprintf("module %q", moduleID), content, &b); err != nil {
			return err
		}
		i, ok := index[moduleID]
		if !ok { // the foreign key rules this out; fail loudly if it was off
			return &badData{fmt.Sprintf("block %q", b.ID), fmt.Errorf("module %q does not exist", moduleID)}
		}
		p.Modules[i].Blocks = append(p.Modules[i].Blocks, b)
		return nil
	})
}

func each(ctx context.Context, tx *sql.Tx, query string, fn func(*sql.Rows) error) error {
	rows, err := tx.QueryContext(ctx, query)
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

// ReadMedia returns the bytes of a media file.
func (s *Store) ReadMedia(ctx context.Context, hash string) ([]byte, error) {
	var data []byte
	err := s.reads.QueryRowContext(ctx, "SELECT data FROM media WHERE hash = ?", hash).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, authoring.Errorf(authoring.ENOTFOUND, "media %s is not in the project", hash)
	}
	return data, err
}

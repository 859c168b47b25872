package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/stacklet/stacklet/authoring"
)

// list is an ordered table: modules in the project, or blocks in a module.
// Positions stay dense (0..n-1) after every change.
type list struct {
	table string
	scope string // the column that groups rows into one list, or ""
	what  string
}

var (
	modulesList = list{table: "modules", what: "module"}
	blocksList  = list{table: "blocks", scope: "module_id", what: "block"}
)

func (l list) where(scopeID string) (string, []any) {
	if l.scope == "" {
		return "1 = 1", nil
	}
	return l.scope + " = ?", []any{scopeID}
}

func (l list) count(ctx context.Context, tx *sql.Tx, scopeID string) (int, error) {
	cond, args := l.where(scopeID)
	var n int
	err := tx.QueryRowContext(ctx, fmt.Sprintf("SELECT count(*) FROM %s WHERE %s", l.table, cond), args...).Scan(&n)
	return n, err
}

// shift moves every row at or after position from by delta.
func (l list) shift(ctx context.Context, tx *sql.Tx, scopeID string, from, delta int) error {
	cond, args := l.where(scopeID)
	q := fmt.Sprintf("UPDATE %s SET position = position + ? WHERE %s AND position >= ?", l.table, cond)
	_, err := tx.ExecContext(ctx, q, append(append([]any{delta}, args...), from)...)
	return err
}

// openGap clamps index to the list and makes room there.
func openGap(ctx context.Context, tx *sql.Tx, l list, scopeID string, index int) (int, error) {
	n, err := l.count(ctx, tx, scopeID)
	if err != nil {
		return 0, err
	}
	index = min(max(index, 0), n)
	return index, l.shift(ctx, tx, scopeID, index, 1)
}

func position(ctx context.Context, tx *sql.Tx, l list, scopeID, id string) (int, error) {
	cond, args := l.where(scopeID)
	var pos int
	err := tx.QueryRowContext(ctx, fmt.Sprintf("SELECT position FROM %s WHERE %s AND id = ?", l.table, cond),
		append(args, id)...).Scan(&pos)
	switch {
	case errors.Is(err, sql.ErrNoRows) && l.scope != "":
		return 0, authoring.Errorf(authoring.ENOTFOUND, "module %q has no %s %q", scopeID, l.what, id)
	case errors.Is(err, sql.ErrNoRows):
		return 0, authoring.Errorf(authoring.ENOTFOUND, "%s %q not found", l.what, id)
	}
	return pos, err
}

func removeFromList(ctx context.Context, tx *sql.Tx, l list, scopeID, id string) error {
	pos, err := position(ctx, tx, l, scopeID, id)
	if err != nil {
		return err
	}
	cond, args := l.where(scopeID)
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("DELETE FROM %s WHERE %s AND id = ?", l.table, cond), append(args, id)...); err != nil {
		return err
	}
	return l.shift(ctx, tx, scopeID, pos+1, -1)
}

func move(ctx context.Context, tx *sql.Tx, l list, scopeID, id string, index int) error {
	pos, err := position(ctx, tx, l, scopeID, id)
	if err != nil {
		return err
	}
	cond, args := l.where(scopeID)
	park := fmt.Sprintf("UPDATE %s SET position = -1 WHERE %s AND id = ?", l.table, cond)
	if _, err := tx.ExecContext(ctx, park, append(args, id)...); err != nil {
		return err
	}
	if err := l.shift(ctx, tx, scopeID, pos+1, -1); err != nil {
		return err
	}
	n, err := l.count(ctx, tx, scopeID)
	if err != nil {
		return err
	}
	index = min(max(index, 0), n-1)
	if err := l.shift(ctx, tx, scopeID, index, 1); err != nil {
		return err
	}
	put := fmt.Sprintf("UPDATE %s SET position = ? WHERE %s AND id = ?", l.table, cond)
	_, err = tx.ExecContext(ctx, put, append(append([]any{index}, args...), id)...)
	return err
}

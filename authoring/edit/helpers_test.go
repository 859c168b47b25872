package edit_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/authoringtest"
	"github.com/stacklet/stacklet/authoring/edit"
	"github.com/stacklet/stacklet/authoring/sqlite"
)

var ctx = context.Background()

// mustSession creates a project file holding the fixture project (one module
// with every block kind) and opens an editing session over it.
func mustSession(tb testing.TB, opts edit.Options) (*edit.Session, string) {
	tb.Helper()
	p, media := authoringtest.Project()
	path := filepath.Join(tb.TempDir(), "site.stacklet")
	st, err := sqlite.Create(ctx, path, p)
	if err != nil {
		tb.Fatal(err)
	}
	if err := st.Replace(ctx, p, media); err != nil {
		tb.Fatal(err)
	}
	loaded, err := st.Load(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	s := edit.New(loaded, st, opts)
	tb.Cleanup(func() { s.Close() })
	return s, path
}

// onDisk reads the project file through a second, independent store, as
// the app would after being killed and restarted.
func onDisk(tb testing.TB, path string) *authoring.Project {
	tb.Helper()
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		tb.Fatal(err)
	}
	defer st.Close()
	p, err := st.Load(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// state is a comparable text form of everything a project holds. Empty and
// nil lists read the same: the store keeps no difference between them.
func state(tb testing.TB, p *authoring.Project) string {
	tb.Helper()
	data, err := json.Marshal(struct {
		*authoring.Project
		Media   []authoring.Media
		Modules []authoring.Module
	}{p, p.Media, p.Modules})
	if err != nil {
		tb.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		tb.Fatal(err)
	}
	out, _ := json.MarshalIndent(nullsAsEmpty(v), "", " ")
	return string(out)
}

func nullsAsEmpty(v any) any {
	switch x := v.(type) {
	case nil:
		return []any{}
	case map[string]any:
		for k, e := range x {
			x[k] = nullsAsEmpty(e)
		}
	case []any:
		for i, e := range x {
			x[i] = nullsAsEmpty(e)
		}
	}
	return v
}

// mustFlush waits for the writer and fails on any save error.
func mustFlush(tb testing.TB, s *edit.Session) {
	tb.Helper()
	if err := s.Flush(); err != nil {
		tb.Fatalf("save failed: %v", err)
	}
}

// clock is a settable time for undo merging.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

const moduleID = "ladders"

func mustOK(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Fatal(err)
	}
}

package edit_test

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/authoringtest"
	"github.com/stacklet/stacklet/authoring/edit"
	"github.com/stacklet/stacklet/authoring/sqlite"
)

// countingStore counts block updates and can be told to fail them.
type countingStore struct {
	authoring.Store
	updates atomic.Int32
	fail    atomic.Bool
}

func (c *countingStore) UpdateBlock(ctx context.Context, moduleID string, b authoring.Block) error {
	c.updates.Add(1)
	if c.fail.Load() {
		return errors.New("disk I/O error")
	}
	return c.Store.UpdateBlock(ctx, moduleID, b)
}

func wrappedSession(t *testing.T, opts edit.Options) (*edit.Session, *countingStore, string) {
	t.Helper()
	p, media := authoringtest.Project()
	path := filepath.Join(t.TempDir(), "site.stacklet")
	st, err := sqlite.Create(ctx, path, p)
	mustOK(t, err)
	mustOK(t, st.Replace(ctx, p, media))
	loaded, err := st.Load(ctx)
	mustOK(t, err)
	cs := &countingStore{Store: st}
	s := edit.New(loaded, cs, opts)
	t.Cleanup(func() { s.Close() })
	return s, cs, path
}

func typeInto(t *testing.T, s *edit.Session, text string) {
	t.Helper()
	for i := 1; i <= len(text); i++ {
		mustOK(t, s.EditBlock(moduleID, "text-a", edit.Typing("body"), func(c authoring.Content) {
			c.(*authoring.Text).Body = text[:i]
		}))
	}
}

func TestKeystrokesCoalesceIntoFewWrites(t *testing.T) {
	s, cs, path := wrappedSession(t, edit.Options{SaveDelay: 200 * time.Millisecond})
	text := "A burst of fast typing that should reach the disk as one update."
	typeInto(t, s, text)
	mustFlush(t, s)
	if n := cs.updates.Load(); n != 1 {
		t.Errorf("%d block updates for %d keystrokes, want 1", n, len(text))
	}
	b, _, _ := onDisk(t, path).Modules[0].Block("text-a")
	if got := b.Content.(*authoring.Text).Body; got != text {
		t.Errorf("file holds %q, want the last keystroke's text", got)
	}
}

func TestEditsSaveWithoutFlush(t *testing.T) {
	s, cs, path := wrappedSession(t, edit.Options{SaveDelay: 20 * time.Millisecond})
	typeInto(t, s, "Saved by itself")
	deadline := time.Now().Add(5 * time.Second)
	for cs.updates.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond) // let the transaction commit
	b, _, _ := onDisk(t, path).Modules[0].Block("text-a")
	if got := b.Content.(*authoring.Text).Body; got != "Saved by itself" {
		t.Errorf("file holds %q without a flush", got)
	}
}

// TestOrderIsKeptAcrossTargets: an edit still waiting for more keystrokes
// is written before a later delete of the same block, never after it.
func TestOrderIsKeptAcrossTargets(t *testing.T) {
	s, _, path := wrappedSession(t, edit.Options{SaveDelay: time.Hour})
	typeInto(t, s, "gone soon")
	mustOK(t, s.DeleteBlock(moduleID, "text-a"))
	mustFlush(t, s)
	if _, _, err := onDisk(t, path).Modules[0].Block("text-a"); authoring.ErrorCode(err) != authoring.ENOTFOUND {
		t.Errorf("deleted block is still on disk: %v", err)
	}
}

func TestSaveErrorsAreReported(t *testing.T) {
	s, cs, _ := wrappedSession(t, edit.Options{})
	var mu sync.Mutex
	var heard []error
	got := make(chan struct{}, 1)
	s.OnSaveError(func(err error) {
		mu.Lock()
		heard = append(heard, err)
		mu.Unlock()
		got <- struct{}{}
	})
	cs.fail.Store(true)
	typeInto(t, s, "x")
	if err := s.Flush(); err == nil {
		t.Error("Flush reported no error for a failed write")
	}
	select {
	case <-got:
	case <-time.After(5 * time.Second):
		t.Fatal("OnSaveError was not called")
	}
	if err := s.Flush(); err != nil {
		t.Errorf("the same error was reported twice by Flush: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(heard) != 1 {
		t.Errorf("heard %d errors, want 1", len(heard))
	}
}

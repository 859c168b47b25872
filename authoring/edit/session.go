// Package edit is the editing session of an open project: every user action
// changes the in-memory project at once, is recorded for undo and redo, is
// announced to observers, and is saved through an authoring.Store by one
// writer goroutine, so the caller (the UI goroutine) never waits on the disk.
//
// A Session is not safe for concurrent use: call it from one goroutine (the
// UI's). Only Media and the save-error callback cross goroutines.
package edit

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
)

// Options tune a Session; the zero value gives the defaults.
type Options struct {
	// SaveDelay is how long an edit of one field may wait for more
	// keystrokes before it is written: 30 ms unless set.
	SaveDelay time.Duration
	// MergeWindow is how long after a keystroke the next one in the same
	// field still joins the same undo step: 2 s unless set.
	MergeWindow time.Duration
	// Now is the clock; tests fix it.
	Now func() time.Time
}

// Session edits one project. Close it to get every edit on disk.
type Session struct {
	project   *authoring.Project
	store     authoring.Store
	w         *writer
	opts      Options
	hist      history
	observers map[int]func(Change)
	nextObs   int
	closed    bool
	captions  l10n.Captions // parsed caption tracks by hash, see Captions

	mu      sync.Mutex               // guards unsaved, read by Media from any goroutine
	unsaved map[string]*unsavedMedia // media bytes queued but not yet in the store
}

type unsavedMedia struct {
	data []byte
	adds int // queued AddMedia ops for these bytes
}

// New starts a session over p, which must be what store holds (as Load
// returned it). The session takes ownership of both.
func New(p *authoring.Project, store authoring.Store, opts Options) *Session {
	if opts.SaveDelay <= 0 {
		opts.SaveDelay = 30 * time.Millisecond
	}
	if opts.MergeWindow <= 0 {
		opts.MergeWindow = 2 * time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Session{
		project: p, store: store, opts: opts,
		w:         newWriter(store, opts.SaveDelay),
		observers: map[int]func(Change){},
		unsaved:   map[string]*unsavedMedia{},
	}
}

// Project is the live model. Read it on the session's goroutine only and
// change it only through the session's methods.
func (s *Session) Project() *authoring.Project { return s.project }

// OnSaveError sets fn to hear about every failed write. It is called on a
// goroutine of its own: a UI must hop back to its own goroutine.
func (s *Session) OnSaveError(fn func(error)) {
	s.w.mu.Lock()
	s.w.onError = fn
	s.w.mu.Unlock()
}

// Flush waits until every edit made so far is on disk and returns the save
// errors since the previous Flush.
func (s *Session) Flush() error { return s.w.flush() }

// Close saves what is pending and closes the store. The session is unusable
// afterwards.
func (s *Session) Close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	err := s.w.close()
	return errors.Join(err, s.store.Close())
}

// Media reads media bytes, including files added but not yet written. It is
// safe to call from any goroutine.
func (s *Session) Media() authoring.MediaSource { return mediaSource{s} }

type mediaSource struct{ s *Session }

func (m mediaSource) ReadMedia(ctx context.Context, hash string) ([]byte, error) {
	m.s.mu.Lock()
	u := m.s.unsaved[hash]
	m.s.mu.Unlock()
	if u != nil {
		return u.data, nil
	}
	return m.s.store.ReadMedia(ctx, hash)
}

// save queues a store call.
func (s *Session) save(key, what string, run func(context.Context, authoring.Store) error) {
	s.w.enqueue(&op{key: key, what: what, run: run})
}

package edit

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/stacklet/stacklet/authoring"
)

// op is one store call, built on the UI goroutine from snapshots only.
type op struct {
	key  string // ops with the same non-empty key in a row merge: the last one wins
	what string // for error messages: "save block \"intro\""
	due  time.Time
	run  func(ctx context.Context, st authoring.Store) error
	done func() // after a successful write; may be nil
}

// writer is the one goroutine that writes to the store, so the UI never
// waits on the disk and actions reach the file in the order they were made.
//
// Ops queue in order. An op with a key waits until its due time (delay after
// the first unsaved edit of that target) so a burst of keystrokes becomes
// one UpdateBlock; it is written at once when anything else queues behind
// it, so order is kept, and when Flush or Close asks.
type writer struct {
	store   authoring.Store
	delay   time.Duration
	onError func(error)                    // called on the writer goroutine
	written func(key string, op time.Time) // test hook: an op reached the disk

	mu       sync.Mutex
	idle     *sync.Cond // signalled when the queue drains
	queue    []*op
	busy     bool
	flushing int
	closed   bool
	errs     []error // since the last Flush
	wake     chan struct{}
	stopped  chan struct{}
}

func newWriter(store authoring.Store, delay time.Duration) *writer {
	w := &writer{store: store, delay: delay, wake: make(chan struct{}, 1), stopped: make(chan struct{})}
	w.idle = sync.NewCond(&w.mu)
	go w.loop()
	return w
}

// enqueue adds o, merging it into the queued op of the same target.
func (w *writer) enqueue(o *op) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		w.record(authoring.Errorf(authoring.EINTERNAL, "%s: the project is closed", o.what))
		return
	}
	if n := len(w.queue); o.key != "" && n > 0 && w.queue[n-1].key == o.key {
		o.due = w.queue[n-1].due // a steady stream of keystrokes still saves every delay
		w.queue[n-1] = o
	} else {
		if o.key != "" {
			o.due = time.Now().Add(w.delay)
		}
		w.queue = append(w.queue, o)
	}
	w.signal()
}

func (w *writer) signal() {
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

func (w *writer) loop() {
	defer close(w.stopped)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		o, wait, stop := w.take()
		switch {
		case stop:
			return
		case o != nil:
			w.write(o)
		case wait > 0:
			timer.Reset(wait)
			select {
			case <-w.wake:
			case <-timer.C:
			}
			timer.Stop()
		default:
			<-w.wake
		}
	}
}

// take pops the next op that may be written now; otherwise it says how long
// to wait (0: until woken) or that the writer is done.
func (w *writer) take() (o *op, wait time.Duration, stop bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.queue) == 0 {
		w.idle.Broadcast()
		return nil, 0, w.closed
	}
	head := w.queue[0]
	hurry := len(w.queue) > 1 || w.flushing > 0 || w.closed
	if d := time.Until(head.due); !hurry && head.key != "" && d > 0 {
		return nil, d, false
	}
	w.queue = w.queue[1:]
	w.busy = true
	return head, 0, false
}

func (w *writer) write(o *op) {
	err := o.run(context.Background(), w.store)
	if err == nil && o.done != nil {
		o.done()
	}
	w.mu.Lock()
	w.busy = false
	if err != nil {
		w.record(fmt.Errorf("%s: %w", o.what, err))
	}
	w.mu.Unlock()
	if w.written != nil && err == nil {
		w.written(o.key, time.Now())
	}
}

// record keeps err for Flush and reports it; w.mu is held.
func (w *writer) record(err error) {
	w.errs = append(w.errs, err)
	if w.onError != nil {
		go w.onError(err) // never call out while holding the lock
	}
}

// flush waits until every queued op is written and returns the errors since
// the previous flush.
func (w *writer) flush() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.flushing++
	w.signal()
	for len(w.queue) > 0 || w.busy {
		w.idle.Wait()
	}
	w.flushing--
	errs := w.errs
	w.errs = nil
	return errors.Join(errs...)
}

// close writes what is queued, stops the goroutine and returns the errors
// not yet reported by a flush.
func (w *writer) close() error {
	w.mu.Lock()
	w.closed = true
	w.signal()
	w.mu.Unlock()
	<-w.stopped
	w.mu.Lock()
	defer w.mu.Unlock()
	errs := w.errs
	w.errs = nil
	return errors.Join(errs...)
}

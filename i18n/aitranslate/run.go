package aitranslate

import (
	"context"
	"errors"
	"sort"
	"strings"
	"sync"

	"github.com/stacklet/stacklet/authoring"
)

// run is the state of one Translate call, shared by its workers.
type run struct {
	e     *Engine
	req   *Request
	index map[string]int // segment id -> position in req.Segments

	mu      sync.Mutex
	rep     *Report
	done    int
	unknown map[string]bool
}

func newRun(e *Engine, req *Request) (*run, error) {
	index, err := checkRequest(req)
	if err != nil {
		return nil, err
	}
	rep := &Report{Locale: req.TargetLocale, Model: e.Model(), Results: make([]Result, len(req.Segments))}
	rep.Tally.Segments = map[Outcome]int{}
	for i, s := range req.Segments {
		rep.Results[i].ID = s.ID
	}
	return &run{e: e, req: req, index: index, rep: rep, unknown: map[string]bool{}}, nil
}

// answerLocally settles blank segments and those the memory knows, and
// returns the rest, which need the model.
func (r *run) answerLocally() []Segment {
	var pending []Segment
	for i, s := range r.req.Segments {
		res := &r.rep.Results[i]
		if strings.TrimSpace(s.Source) == "" {
			res.Outcome = Skipped
			res.Err = authoring.Errorf(authoring.EINVALID, "the source text is blank: nothing to translate")
		} else if t, ok := r.lookup(s); ok {
			res.Outcome, res.Target = Memory, t
		} else {
			pending = append(pending, s)
			continue
		}
		r.done++
	}
	return pending
}

func (r *run) lookup(s Segment) (string, bool) {
	if r.req.Memory == nil {
		return "", false
	}
	t, ok := r.req.Memory(s)
	return t, ok && t != ""
}

// send runs the batches on a bounded pool. It returns the error that stopped
// the run early, or nil.
func (r *run) send(ctx context.Context, batches []*batch) error {
	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	work := make(chan *batch)
	var wg sync.WaitGroup
	for range min(r.e.cfg.Concurrency, len(batches)) {
		wg.Go(func() {
			for b := range work {
				r.do(ctx, b, stop)
			}
		})
	}
feed:
	for _, b := range batches {
		select {
		case work <- b:
		case <-ctx.Done():
			break feed
		}
	}
	close(work)
	wg.Wait()
	if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) {
		return cause
	}
	return nil
}

// do translates one batch and records what became of its segments.
func (r *run) do(ctx context.Context, b *batch, stop context.CancelCauseFunc) {
	reply, attempts, err := r.attempt(ctx, b)
	if err == nil {
		r.apply(b, reply)
		return
	}
	if ctx.Err() != nil {
		return // left for finish to mark canceled or stopped
	}
	err, fatal := finalErr(err, attempts)
	if fatal {
		stop(err)
	}
	r.fail(b, err)
}

// attempt sends b until it succeeds, fails for good or retries run out.
func (r *run) attempt(ctx context.Context, b *batch) (parsedReply, int, error) {
	for n := 1; ; n++ {
		reply, err := r.once(ctx, b)
		var ce *callError
		if err == nil || ctx.Err() != nil || !errors.As(err, &ce) || !ce.retryable() || n > max(r.e.cfg.MaxRetries, 0) {
			return reply, n, err
		}
		wait := r.e.wait(ce, n-1)
		if wait > r.e.cfg.MaxWait {
			return reply, n, tooLong(wait)
		}
		r.count(func(t *Tally) { t.Retries++ })
		if err := r.e.sleep(ctx, wait); err != nil {
			return reply, n, err
		}
	}
}

// once makes one request under the per-request timeout.
func (r *run) once(ctx context.Context, b *batch) (parsedReply, error) {
	actx, cancel := context.WithTimeout(ctx, r.e.cfg.RequestTimeout)
	defer cancel()
	reply, u, err := r.e.p.complete(actx, r.req, b)
	r.count(func(t *Tally) {
		if r.e.p.remote() {
			t.Requests++
		}
		t.PromptTokens += u.prompt
		t.CompletionTokens += u.completion
	})
	if err != nil && ctx.Err() == nil && errors.Is(actx.Err(), context.DeadlineExceeded) {
		// Our own timeout: the server may just be slow this once.
		return reply, &callError{err: err, transport: true, endpoint: r.e.cfg.BaseURL, model: r.e.cfg.Model}
	}
	return reply, err
}

func (r *run) count(f func(*Tally)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	f(&r.rep.Tally)
}

// apply validates a reply item by item.
func (r *run) apply(b *batch, reply parsedReply) {
	r.mu.Lock()
	defer r.mu.Unlock()
	asked := make(map[string]bool, len(b.segments))
	for _, s := range b.segments {
		asked[s.ID] = true
		res := &r.rep.Results[r.index[s.ID]]
		target, ok := reply.targets[s.ID]
		reason, bad := reply.bad[s.ID]
		switch {
		case bad:
			res.Outcome, res.Rule, res.Err = Rejected, RuleNotText, badValueErr(reason)
		case !ok:
			res.Outcome, res.Err = Missing, missingErr()
		default:
			if rule, err := checkTarget(s.Source, target); err != nil {
				res.Outcome, res.Rule, res.Err = Rejected, rule, err
			} else {
				res.Outcome, res.Target = Machine, target
			}
		}
	}
	r.noteUnknown(asked, reply)
	r.done += len(b.segments)
	r.progressLocked()
}

// noteUnknown records ids the model answered without being asked.
func (r *run) noteUnknown(asked map[string]bool, reply parsedReply) {
	for _, m := range []map[string]string{reply.targets, reply.bad} {
		for id := range m {
			if !asked[id] && !r.unknown[id] {
				r.unknown[id] = true
				r.rep.Tally.UnknownIDs++
			}
		}
	}
}

func (r *run) fail(b *batch, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, s := range b.segments {
		res := &r.rep.Results[r.index[s.ID]]
		res.Outcome, res.Err = Failed, err
	}
	r.done += len(b.segments)
	r.progressLocked()
}

func (r *run) progress() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.progressLocked()
}

func (r *run) progressLocked() {
	if r.req.Progress != nil {
		r.req.Progress(Progress{Locale: r.req.TargetLocale, Done: r.done, Total: len(r.req.Segments)})
	}
}

// finish marks what never got an answer and totals the outcomes.
func (r *run) finish(ctx context.Context, stopped error) (*Report, error) {
	var err error
	switch {
	case ctx.Err() != nil:
		err = authoring.Errorf(authoring.ECANCELED, "translation to %s canceled: finished segments are kept", r.req.TargetLocale)
	case stopped != nil:
		err = stopped
	}
	unfinished := err
	if unfinished == nil { // cannot happen: every batch ends in apply or fail
		unfinished = authoring.Errorf(authoring.EINTERNAL, "segment left without an answer")
	}
	for i := range r.rep.Results {
		res := &r.rep.Results[i]
		if res.Outcome == "" {
			res.Outcome, res.Err = Canceled, unfinished
			if ctx.Err() == nil {
				res.Outcome = Failed
			}
		}
		r.rep.Tally.Segments[res.Outcome]++
	}
	for id := range r.unknown {
		r.rep.Unknown = append(r.rep.Unknown, id)
	}
	sort.Strings(r.rep.Unknown)
	return r.rep, err
}

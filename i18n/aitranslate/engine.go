package aitranslate

import (
	"context"
	"math/rand/v2"
	"net/http"
	"time"

	"github.com/stacklet/stacklet/authoring"
)

// Engine translates requests with one provider and one configuration. It is
// safe for concurrent use.
type Engine struct {
	cfg Config
	p   provider

	// Test seams: the clock, the wait between retries and the jitter.
	now    func() time.Time
	sleep  func(context.Context, time.Duration) error
	jitter func() float64
}

// New returns an engine for cfg: the OpenAI-compatible endpoint it names,
// or pseudo-localisation when it names none (Config.Pseudo).
func New(cfg Config) (*Engine, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	e := &Engine{cfg: cfg, now: time.Now, sleep: sleepCtx, jitter: rand.Float64}
	if cfg.Pseudo() {
		e.p = pseudoProvider{}
	} else {
		e.p = newOpenAI(cfg, &http.Client{})
	}
	return e, nil
}

// Model names what translates: the model, or PseudoModel.
func (e *Engine) Model() string { return e.p.model() }

// Config returns the configuration in use, defaults filled in.
func (e *Engine) Config() Config { return e.cfg }

// Translate translates req's segments. Results come back in request order,
// one per segment, whatever happened: a segment the reply got wrong stays
// untranslated with its reason while the rest of its batch is applied.
//
// The error is nil unless the whole run stopped: ECANCELED when ctx ended,
// or the endpoint's error when no request can succeed (bad key, unknown
// model, unreachable server). Even then the report holds every segment that
// was finished.
func (e *Engine) Translate(ctx context.Context, req Request) (*Report, error) {
	r, err := newRun(e, &req)
	if err != nil {
		return nil, err
	}
	pending := r.answerLocally()
	r.progress()
	batches := makeBatches(&req, pending, e.cfg.BatchSegments, e.cfg.BatchChars)
	stopped := r.send(ctx, batches)
	return r.finish(ctx, stopped)
}

// checkRequest refuses a request whose ids cannot be matched to a reply.
func checkRequest(req *Request) (map[string]int, error) {
	index := make(map[string]int, len(req.Segments))
	for i, s := range req.Segments {
		if s.ID == "" {
			return nil, authoring.Errorf(authoring.EINVALID, "segment %d has no id", i+1)
		}
		if _, dup := index[s.ID]; dup {
			return nil, authoring.Errorf(authoring.EINVALID, "segment id %q appears twice in one request", s.ID)
		}
		index[s.ID] = i
	}
	return index, nil
}

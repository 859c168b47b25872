package aitranslate

import (
	"context"
	"errors"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/stacklet/stacklet/authoring"
)

// callError is a failed request as the engine needs to see it.
type callError struct {
	err        error
	status     int    // HTTP status; 0 when no response came
	transport  bool   // the request never got a response (refused, reset, timeout)
	retryAfter string // the Retry-After header, if any
	// retryAfterMs is Azure OpenAI's and OpenAI's finer retry-after-ms
	// header; it wins over Retry-After, which they round up to seconds.
	retryAfterMs string
	retryNow     bool // the provider changed something; try again without waiting
	endpoint     string
	model        string
}

func (e *callError) Error() string { return e.err.Error() }
func (e *callError) Unwrap() error { return e.err }

// Backoff bounds: the first retry waits about backoffBase, each next one
// twice as long, never more than backoffMax.
const (
	backoffBase = 500 * time.Millisecond
	backoffMax  = 30 * time.Second
)

// retryable reports whether a request that failed with ce may succeed if
// repeated: rate limits, server errors and lost connections are passing.
func (ce *callError) retryable() bool {
	switch {
	case ce.retryNow, ce.transport:
		return true
	case ce.status == http.StatusTooManyRequests, ce.status == http.StatusRequestTimeout:
		return true
	}
	return ce.status >= 500
}

// wait returns how long to wait before attempt+1, honouring retry-after-ms
// and Retry-After.
func (e *Engine) wait(ce *callError, attempt int) time.Duration {
	if ce.retryNow {
		return 0
	}
	if ms, err := strconv.ParseFloat(strings.TrimSpace(ce.retryAfterMs), 64); err == nil && ms >= 0 && ms < math.MaxInt64/float64(time.Millisecond) {
		return time.Duration(ms * float64(time.Millisecond)) // too long a wait is refused by the caller
	}
	if d, ok := parseRetryAfter(ce.retryAfter, e.now()); ok {
		return d
	}
	d := backoffBase << min(attempt, 16)
	if d > backoffMax || d <= 0 {
		d = backoffMax
	}
	// Full jitter over the upper half spreads workers that failed together.
	return d/2 + time.Duration(e.jitter()*float64(d/2))
}

// parseRetryAfter reads a Retry-After value: seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.Atoi(v); err == nil {
		return max(time.Duration(secs)*time.Second, 0), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// sleepCtx waits d or until ctx ends.
func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// finalErr turns the last failure of a batch into the error its segments
// carry. fatal means no other batch can succeed either (bad key, unknown
// model, unreachable server), so the run stops.
func finalErr(err error, attempts int) (_ error, fatal bool) {
	var ae *authoring.Error
	if errors.As(err, &ae) {
		return ae, false
	}
	var ce *callError
	if !errors.As(err, &ce) {
		return authoring.Errorf(authoring.EINTERNAL, "translation failed: %v", err), false
	}
	where := ce.endpoint
	if where == "" {
		where = "the OpenAI API"
	}
	switch {
	case ce.status == http.StatusUnauthorized || ce.status == http.StatusForbidden:
		return authoring.Errorf(authoring.EINVALID, "%s refused the API key (HTTP %d): check %s", where, ce.status, EnvAPIKey), true
	case ce.status == http.StatusNotFound:
		return authoring.Errorf(authoring.ENOTFOUND, "%s has no model %q (HTTP 404): check %s and %s", where, ce.model, EnvModel, EnvBaseURL), true
	case ce.transport:
		return authoring.Errorf(authoring.EINVALID, "cannot reach %s after %d attempts: %v", where, attempts, ce.err), true
	case ce.retryable():
		return authoring.Errorf(authoring.EINTERNAL, "%s kept failing (HTTP %d) after %d attempts: try again later", where, ce.status, attempts), false
	}
	return authoring.Errorf(authoring.EINVALID, "%s refused the request (HTTP %d): %s", where, ce.status, shorten(ce.err.Error())), false
}

func shorten(s string) string {
	const max = 300
	if len(s) > max {
		return strings.ToValidUTF8(s[:max], "") + "..."
	}
	return s
}

// tooLong is the error for a Retry-After beyond Config.MaxWait.
func tooLong(d time.Duration) error {
	return authoring.Errorf(authoring.EINTERNAL, "the endpoint asks to wait %s before retrying: try again later", d.Round(time.Second))
}

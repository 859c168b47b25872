package testenv

import (
	"io"
	"net/http"
	"testing"
	"time"
)

// Eventually polls fetch until ok holds, for at most 10 seconds: for work
// that lands on another goroutine (a rebuild, a server starting), where a
// fixed sleep would be either flaky or slow.
func Eventually(tb testing.TB, what string, fetch func() string, ok func(string) bool) {
	tb.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		got := fetch()
		if ok(got) {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("%s: last saw %.300q", what, got)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Body fetches u and returns its body, or the error's text: what a test
// polling a page compares.
func Body(u string) string {
	res, err := http.Get(u)
	if err != nil {
		return err.Error()
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return string(b)
}

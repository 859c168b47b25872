package aitranslate

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

// benchSegments returns n segments of the lengths a module has: short
// labels, sentences and the odd paragraph, some with placeholders.
func benchSegments(n int) []Segment {
	out := make([]Segment, n)
	for i := range out {
		text := fmt.Sprintf("Step %d: check the {1}label{/1} before you lift the box.", i)
		switch i % 5 {
		case 0:
			text = fmt.Sprintf("Next %d", i)
		case 3:
			text = strings.Repeat(text+" ", 3)
		}
		out[i] = Segment{ID: fmt.Sprintf("m%d.b%d", i/50, i), Source: text, Module: fmt.Sprintf("m%d", i/50)}
	}
	return out
}

func TestDefaultBatchingSendsFewRequests(t *testing.T) {
	fake, srv := newFake(t, nil)
	e, _ := testEngine(t, srv, Config{})
	rep, err := e.Translate(context.Background(), request(benchSegments(2000)...))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(fake.requests()); n > 2000/20 || rep.Tally.Segments[Machine] != 2000 {
		t.Errorf("%d requests for 2,000 segments (want at most 100), tally %+v", n, rep.Tally)
	}
}

// BenchmarkTranslate2000 sends 2,000 segments through an endpoint that takes
// 150 ms per request, with default settings. The issue asks for under 15 s
// and at most one request per 20 segments.
func BenchmarkTranslate2000(b *testing.B) {
	fake, srv := newFake(b, func(_ int, in promptInput, _ *http.Request) (int, http.Header, string) {
		time.Sleep(150 * time.Millisecond)
		return http.StatusOK, nil, echoReply(in)
	})
	e, _ := testEngine(b, srv, Config{})
	req := request(benchSegments(2000)...)
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		rep, err := e.Translate(context.Background(), req)
		if err != nil || rep.Tally.Segments[Machine] != 2000 {
			b.Fatalf("err %v, tally %+v", err, rep.Tally)
		}
		if d := time.Since(start); d > 15*time.Second {
			b.Fatalf("2,000 segments took %s, want under 15 s", d)
		}
	}
	requests := float64(len(fake.requests())) / float64(b.N)
	b.ReportMetric(requests, "requests/op")
	b.ReportMetric(2000/requests, "segments/request")
	if 2000/requests < 20 {
		b.Fatalf("%.1f segments per request, want at least 20", 2000/requests)
	}
}

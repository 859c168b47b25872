package preview

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stacklet/stacklet/authoring"
)

func TestServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	urls := make(chan string, 1)
	done := make(chan error, 1)
	h := Handler(samplePackage(), Options{Format: authoring.FormatSCORM12, Title: "Served"})
	go func() { done <- Serve(ctx, "127.0.0.1:0", h, func(url string) { urls <- url }) }()

	var base string
	select {
	case base = <-urls:
	case err := <-done:
		t.Fatalf("Serve returned before ready: %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("ready was not called")
	}
	if !strings.HasPrefix(base, "http://127.0.0.1:") || strings.HasSuffix(base, "/") {
		t.Fatalf("base URL %q, want http://127.0.0.1:PORT", base)
	}

	t.Run("ServesTheHandler", func(t *testing.T) {
		resp, err := http.Get(base + "/pkg/index.html")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("status %d", resp.StatusCode)
		}
	})
	for _, tt := range []struct {
		host   string
		status int
	}{
		{"localhost", 200},
		{"LOCALHOST:8080", 200},
		{"127.0.0.1", 200},
		{"[::1]:1234", 200},
		{"evil.example", 403},
		{"evil.example:80", 403},
		{"127.0.0.1.evil.example", 403},
	} {
		t.Run("Host "+tt.host, func(t *testing.T) {
			req, _ := http.NewRequest("GET", base+"/", nil)
			req.Host = tt.host
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.status)
			}
		})
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Serve after cancel: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after the context ended")
	}
}

func TestServeReportsListenErrors(t *testing.T) {
	called := false
	err := Serve(context.Background(), "127.0.0.1:99999", http.NotFoundHandler(), func(string) { called = true })
	if err == nil || called {
		t.Fatalf("Serve on a bad port: err %v, ready called %v", err, called)
	}
}

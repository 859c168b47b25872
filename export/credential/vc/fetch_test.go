package vc

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stacklet/stacklet/authoring"
)

// fakeWeb serves the standards folder's files for the pinned URLs (with
// changes) and records every URL asked for.
type fakeWeb struct {
	mu     sync.Mutex
	asked  []string
	dir    string
	change func(url string, data []byte) ([]byte, int)
}

func (w *fakeWeb) RoundTrip(r *http.Request) (*http.Response, error) {
	w.mu.Lock()
	w.asked = append(w.asked, r.URL.String())
	w.mu.Unlock()
	rec := httptest.NewRecorder()
	p, _ := pinned(r.URL.String())
	data, _ := os.ReadFile(filepath.Join(w.dir, p.File))
	data, status := w.change(r.URL.String(), data)
	rec.WriteHeader(status)
	rec.Write(data)
	return rec.Result(), nil
}

func TestFromWeb(t *testing.T) {
	same := func(_ string, data []byte) ([]byte, int) { return data, http.StatusOK }
	tests := []struct {
		name   string
		change func(url string, data []byte) ([]byte, int)
		code   string
	}{
		{"Published", same, ""},
		{"Changed", func(url string, data []byte) ([]byte, int) {
			if url == OpenBadgesURL {
				data = append(data, ' ')
			}
			return data, http.StatusOK
		}, authoring.ECORRUPT},
		{"Gone", func(string, []byte) ([]byte, int) { return nil, http.StatusNotFound }, authoring.ENOTFOUND},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			web := &fakeWeb{dir: obDir(t), change: tt.change}
			cache := Cache{Dir: t.TempDir()}
			_, err := cache.Fill(context.Background(), FromWeb(&http.Client{Transport: web}))
			if authoring.ErrorCode(err) != tt.code {
				t.Fatalf("error %v, want code %q", err, tt.code)
			}
			for _, url := range web.asked {
				if _, ok := pinned(url); !ok {
					t.Errorf("fetched %s, which is not pinned", url)
				}
			}
			if tt.code == "" && len(web.asked) != len(Pinned) {
				t.Fatalf("asked for %v", web.asked)
			}
		})
	}
}

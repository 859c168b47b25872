package previewer

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/assets"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/jsondump"
)

func sample(t *testing.T) (*authoring.Project, authoring.MediaSource) {
	t.Helper()
	p, media, err := jsondump.ReadFS(assets.SampleFS())
	if err != nil {
		t.Fatal(err)
	}
	return p, media
}

func get(t *testing.T, srv *httptest.Server, path string) (int, string) {
	t.Helper()
	res, err := srv.Client().Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, string(body)
}

func getState(t *testing.T, srv *httptest.Server) state {
	t.Helper()
	_, body := get(t, srv, "/live/state")
	var st state
	if err := json.Unmarshal([]byte(body), &st); err != nil {
		t.Fatalf("%s: %v", body, err)
	}
	return st
}

var texts = Texts{Problems: "Fix these:", Building: "Building…"}

func TestPageReloadsAfterARebuild(t *testing.T) {
	p, media := sample(t)
	s := NewServer(authoring.FormatSCORM2004, texts)
	srv := httptest.NewServer(s)
	defer srv.Close()
	id := p.Modules[0].ID

	if _, body := get(t, srv, "/"); !strings.Contains(body, "Building…") || !strings.Contains(body, "live/live.js") {
		t.Fatalf("before the first build: %s", body)
	}
	if err := s.Build(context.Background(), p, id, media); err != nil {
		t.Fatal(err)
	}
	code, page := get(t, srv, "/")
	if code != http.StatusOK || !strings.Contains(page, `<script src="live/live.js" defer></script>`) {
		t.Fatalf("simulator page %d without the live script:\n%s", code, page)
	}
	if !strings.Contains(page, "connect-src 'self'") {
		t.Error("the page's policy still forbids the live script's requests")
	}
	if code, _ := get(t, srv, "/pkg/index.html"); code != http.StatusOK {
		t.Errorf("package launch page: %d", code)
	}
	if code, js := get(t, srv, "/live/live.js"); code != http.StatusOK || !strings.Contains(js, "location.reload") {
		t.Errorf("live.js: %d", code)
	}
	first := getState(t, srv)

	p.Modules[0].Title = "Renamed while previewing"
	if err := s.Build(context.Background(), p, id, media); err != nil {
		t.Fatal(err)
	}
	if st := getState(t, srv); st.Version != first.Version+1 || st.Problem != "" {
		t.Errorf("state after an edit: %+v (before %+v)", st, first)
	}
	if _, page := get(t, srv, "/"); !strings.Contains(page, "Renamed while previewing") {
		t.Error("the page does not show the new title")
	}
}

func TestProblemsKeepTheLastGoodPackage(t *testing.T) {
	p, media := sample(t)
	s := NewServer(authoring.FormatSCORM12, texts)
	srv := httptest.NewServer(s)
	defer srv.Close()
	id := p.Modules[0].ID
	if err := s.Build(context.Background(), p, id, media); err != nil {
		t.Fatal(err)
	}
	p.Modules[0].Blocks = nil
	if err := s.Build(context.Background(), p, id, media); authoring.ErrorCode(err) != authoring.EINVALID {
		t.Fatalf("module without blocks: code %q", authoring.ErrorCode(err))
	}
	st := getState(t, srv)
	if st.Problem == "" || st.Notice != texts.Problems || st.Version != 2 {
		t.Errorf("state = %+v", st)
	}
	if code, _ := get(t, srv, "/pkg/index.html"); code != http.StatusOK {
		t.Errorf("last good package gone: %d", code)
	}
}

func TestFirstBuildFailingShowsTheProblems(t *testing.T) {
	p, media := sample(t)
	s := NewServer(authoring.FormatWeb, texts)
	srv := httptest.NewServer(s)
	defer srv.Close()
	if err := s.Build(context.Background(), p, "no-such-module", media); authoring.ErrorCode(err) != authoring.ENOTFOUND {
		t.Fatalf("code %q", authoring.ErrorCode(err))
	}
	code, body := get(t, srv, "/")
	if code != http.StatusOK || !strings.Contains(body, "Fix these:") || !strings.Contains(body, "no-such-module") {
		t.Errorf("%d %s", code, body)
	}
}

// TestSetTextsReachesThePage: the notice the page polls follows the
// interface language without a rebuild.
func TestSetTextsReachesThePage(t *testing.T) {
	s := NewServer(authoring.FormatSCORM2004, texts)
	srv := httptest.NewServer(s)
	defer srv.Close()
	if st := getState(t, srv); st.Notice != texts.Building {
		t.Fatalf("notice %q, want %q", st.Notice, texts.Building)
	}
	german := pageTexts(tr.New("de"))
	s.SetTexts(german)
	if st := getState(t, srv); st.Notice != german.Building || german.Building == texts.Building {
		t.Errorf("notice %q, want %q", st.Notice, german.Building)
	}
}

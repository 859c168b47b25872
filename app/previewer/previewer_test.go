package previewer

import (
	"context"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/edit"
	"github.com/stacklet/stacklet/authoring/sqlite"
	"github.com/stacklet/stacklet/internal/testenv"
)

func openSession(t *testing.T) *edit.Session {
	t.Helper()
	ctx := context.Background()
	src, media := sample(t)
	store, err := sqlite.Create(ctx, filepath.Join(t.TempDir(), "p.stacklet"), src)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Replace(ctx, src, media); err != nil {
		t.Fatal(err)
	}
	p, err := store.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s := edit.New(p, store, edit.Options{})
	t.Cleanup(func() { s.Close() })
	return s
}

// TestEditsReachTheOpenPreview opens a module, edits its title through the
// session and sees the served page change.
func TestEditsReachTheOpenPreview(t *testing.T) {
	a := test.NewApp()
	defer a.Quit()
	sess := openSession(t)
	opened := make(chan *url.URL, 1)
	p := Start(Options{Session: sess, T: tr.New("en"), Delay: 20 * time.Millisecond,
		OpenURL: func(u *url.URL) error { opened <- u; return nil }})
	defer p.Close()
	id := sess.Project().Modules[0].ID
	p.Show(id)

	var u *url.URL
	select {
	case u = <-opened:
	case <-time.After(10 * time.Second):
		t.Fatal("the browser was never opened")
	}
	if u.Hostname() != "127.0.0.1" {
		t.Errorf("preview on %s, want loopback", u)
	}
	page := func() string { return testenv.Body(u.String()) }
	testenv.Eventually(t, "first build", page, func(s string) bool { return strings.Contains(s, "sim-frame") })

	err := sess.EditModule(id, edit.Typing("title"), func(m *authoring.Module) { m.Title = "Edited live" })
	if err != nil {
		t.Fatal(err)
	}
	testenv.Eventually(t, "rebuild after the edit", page, func(s string) bool { return strings.Contains(s, "Edited live") })
}

// TestCloseStopsTheServer: after Close the address no longer answers, and
// a late Show (a menu item chosen as the project closes) opens nothing.
func TestCloseStopsTheServer(t *testing.T) {
	a := test.NewApp()
	defer a.Quit()
	sess := openSession(t)
	opened := make(chan *url.URL, 2)
	p := Start(Options{Session: sess, T: tr.New("en"), OpenURL: func(u *url.URL) error { opened <- u; return nil }})
	p.Show(sess.Project().Modules[0].ID)
	var u *url.URL
	select {
	case u = <-opened:
	case <-time.After(10 * time.Second):
		t.Fatal("the browser was never opened")
	}
	p.Close()
	testenv.Eventually(t, "the server stopped", func() string {
		res, err := http.Get(u.String())
		if err != nil {
			return "stopped"
		}
		res.Body.Close()
		return res.Status
	}, func(s string) bool { return s == "stopped" })
	p.Show(sess.Project().Modules[0].ID)
	select {
	case u := <-opened:
		t.Errorf("a closed preview opened %s", u)
	case <-time.After(100 * time.Millisecond):
	}
}

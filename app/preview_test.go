package app

import (
	"encoding/json"
	"net/http"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/stacklet/stacklet/app/apptest"
	"github.com/stacklet/stacklet/app/host"
	"github.com/stacklet/stacklet/app/previewer"
	"github.com/stacklet/stacklet/internal/testenv"
)

// TestPreviewLivesAsLongAsTheProject previews a new project's empty module
// through Module ▸ Preview in browser: the page's notice above the problems
// follows a switch of the interface language, and closing the project stops
// the server.
func TestPreviewLivesAsLongAsTheProject(t *testing.T) {
	fa := apptest.NewBrowser(test.NewTempApp(t))
	a := New(fa, Options{Language: "en", Extensions: []host.Extension{previewer.Extension()}})
	a.Window().Resize(fyne.NewSize(1280, 820))
	a.CreateProject(filepath.Join(t.TempDir(), "ladders.stacklet"), "Ladder safety", "en")
	if a.project == nil {
		t.Fatal("the new project did not open")
	}
	t.Cleanup(func() { a.closeProject() })
	a.ShowModule(a.Session().Project().Modules[0].ID)

	menuItem(t, a, a.t.S("PreviewTitle")).Action()
	var base string
	testenv.Eventually(t, "a browser opened", func() string { base = fa.Last(); return base }, func(s string) bool { return s != "" })
	notice := func() string {
		var st struct{ Notice string }
		body := testenv.Body(base + "live/state")
		if err := json.Unmarshal([]byte(body), &st); err != nil {
			return body
		}
		return st.Notice
	}
	english := a.t.S("PreviewProblems")
	testenv.Eventually(t, "the empty module's problems, in English", notice, func(s string) bool { return s == english })

	a.SetLanguage("de")
	german := a.t.S("PreviewProblems")
	if german == english {
		t.Fatal("PreviewProblems is not translated into German")
	}
	testenv.Eventually(t, "the notice in German", notice, func(s string) bool { return s == german })

	menuItem(t, a, a.t.S("MenuCloseProject")).Action()
	if a.project != nil {
		t.Fatal("the project did not close")
	}
	testenv.Eventually(t, "the server stopped", func() string {
		res, err := http.Get(base)
		if err != nil {
			return "stopped"
		}
		res.Body.Close()
		return res.Status
	}, func(s string) bool { return s == "stopped" })
}

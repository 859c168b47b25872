package app

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/assets"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/edit"
	"github.com/stacklet/stacklet/authoring/jsondump"
	"github.com/stacklet/stacklet/authoring/sqlite"
)

// Extension is the file type of a project.
const Extension = ".stacklet"

// OpenProject closes the open project, if any, and opens the one at path.
func (a *App) OpenProject(path string) {
	if !a.closeProject() {
		return
	}
	s, err := openSession(path)
	if err != nil {
		a.ShowError(err)
		a.forgetRecent(path)
		a.showStart()
		return
	}
	s.OnSaveError(func(err error) { fyne.Do(func() { a.showSaveError(err) }) })
	a.rememberRecent(path)
	a.project = newProjectView(a, s, path)
	a.project.rebuild() // after a.project is set: the menus enable their items by it
	a.win.SetTitle(a.title())
}

func openSession(path string) (*edit.Session, error) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	p, err := st.Load(ctx)
	if err != nil {
		st.Close()
		return nil, err
	}
	return edit.New(p, st, edit.Options{}), nil
}

// CreateProject makes a new project file with one empty module and opens it.
func (a *App) CreateProject(path, title string, source authoring.Locale) {
	if !strings.HasSuffix(strings.ToLower(path), Extension) {
		path += Extension
	}
	if err := createProject(path, title, source, a.t.S("NewModuleTitle")); err != nil {
		a.ShowError(err)
		return
	}
	a.OpenProject(path)
}

func createProject(path, title string, source authoring.Locale, moduleTitle string) error {
	ctx := context.Background()
	p := &authoring.Project{Title: title, SourceLocale: source,
		Theme: authoring.Theme{Accent: "#1f5fbf", Font: authoring.FontSans}}
	st, err := sqlite.Create(ctx, path, p)
	if err != nil {
		return err
	}
	m := newModule(p, moduleTitle)
	return errors.Join(st.InsertModule(ctx, &m, 0), st.Close())
}

// newModule is a module ready to fill: short, complete when viewed.
func newModule(p *authoring.Project, title string) authoring.Module {
	return authoring.Module{ID: edit.NewModuleID(p, title), Title: title, Minutes: 5,
		Completion: authoring.CompleteWhenViewed, MasteryScore: 80}
}

// OpenSample opens the user's own copy of the bundled sample, making it
// first if needed, so edits to it never touch the bundled one.
func (a *App) OpenSample() {
	path, err := a.samplePath()
	if err == nil {
		err = CopySample(path)
	}
	if err != nil {
		a.ShowError(err)
		return
	}
	a.OpenProject(path)
}

func (a *App) samplePath() (string, error) {
	root := a.fyne.Storage().RootURI().Path()
	if err := makeAppFolder(a.t, root); err != nil {
		return "", err
	}
	return filepath.Join(root, "sample"+Extension), nil
}

// makeAppFolder makes the app's own folder, where the sample's copy goes,
// refusing in the interface language.
func makeAppFolder(t *tr.T, root string) error {
	if err := os.MkdirAll(root, 0o755); err != nil {
		return authoring.Errorf(authoring.EINTERNAL, "%s",
			t.F("SampleFolderFailed", map[string]any{"Folder": root, "Detail": err.Error()}))
	}
	return nil
}

// CopySample writes the bundled sample, translations and glossary
// included, to path unless a copy is there.
func CopySample(path string) error {
	if _, err := os.Stat(path); err == nil {
		return nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	p, media, err := jsondump.ReadFS(assets.SampleFS())
	if err != nil {
		return err
	}
	bundle, err := jsondump.ReadBundleFS(assets.SampleFS(), p)
	if err != nil {
		return err
	}
	ctx := context.Background()
	st, err := sqlite.Create(ctx, path, p)
	if err != nil {
		return err
	}
	if err := st.Replace(ctx, p, media); err == nil {
		err = st.ReplaceL10n(ctx, bundle)
	}
	if err != nil {
		st.Close()
		os.Remove(path)
		return err
	}
	return st.Close()
}

// closeProject saves everything, closes the open project and shows the
// start screen. It reports false, leaving the project open, when the last
// edits could not be saved: the dialog says so, and closing again closes.
func (a *App) closeProject() bool {
	if a.project == nil {
		return true
	}
	if err := a.project.s.Flush(); err != nil {
		a.showSaveError(err)
		return false
	}
	a.shutdown()
	a.win.SetTitle(a.title())
	a.showStart()
	return true
}

// shutdown closes the open project without touching the window.
func (a *App) shutdown() {
	if a.project == nil {
		return
	}
	pv := a.project
	a.project = nil
	pv.leave()
	for _, x := range a.exts {
		if x.OnProjectClosed != nil {
			x.OnProjectClosed(a)
		}
	}
	if err := pv.s.Close(); err != nil {
		fyne.LogError("closing the project", err)
	}
}

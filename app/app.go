// Package app is Stacklet's desktop window: the start screen, the project
// view (modules, block outline, block editors, problems) and the menus,
// built on authoring/edit. Screens made elsewhere plug in through package
// host.
package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/stacklet/stacklet/app/host"
	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/edit"
)

// Options say what the app shows first and what plugs into it.
type Options struct {
	Open       string           // a .stacklet file to open at start
	Sample     bool             // open the user's copy of the bundled sample at start
	Language   authoring.Locale // interface language; "" reads the preference
	Extensions []host.Extension
}

// App is the running desktop app. It implements host.Host.
type App struct {
	fyne    fyne.App
	win     fyne.Window
	t       *tr.T
	exts    []host.Extension
	project *projectView // nil on the start screen
}

var _ host.Host = (*App)(nil)

// New builds the app's window on fa (fyne's app.NewWithID in main, the test
// app in tests) and shows the start screen or the project opts names.
func New(fa fyne.App, opts Options) *App {
	nameTheCLocaleLanguage()
	a := &App{fyne: fa, exts: opts.Extensions}
	a.applyTheme(fa.Preferences().String(host.PrefTheme))
	l := opts.Language
	if l == "" {
		l = authoring.Locale(fa.Preferences().String(host.PrefLanguage))
	}
	a.setLanguage(l)
	a.win = fa.NewWindow(a.t.S("AppName"))
	a.win.Resize(fyne.NewSize(1280, 820))
	a.win.SetMaster()
	a.win.SetCloseIntercept(a.quit)
	a.win.SetOnDropped(a.dropped)
	a.showStart()
	switch {
	case opts.Sample:
		a.OpenSample()
	case opts.Open != "":
		a.OpenProject(opts.Open)
	}
	return a
}

// ShowAndRun shows the window and runs until it closes, then makes sure
// the project is closed: File > Quit ends the app without closing windows.
func (a *App) ShowAndRun() {
	a.win.ShowAndRun()
	a.shutdown()
}

// setLanguage loads the strings of l ("" for the system language) and makes
// Fyne's own dialogs follow.
func (a *App) setLanguage(l authoring.Locale) {
	if l == "" {
		l = authoring.Locale(lang.SystemLocale().LanguageString())
	}
	a.t = tr.New(l)
	if err := syncFyneLanguage(a.t); err != nil {
		fyne.LogError("interface language", err)
	}
}

// Host methods.

func (a *App) App() fyne.App       { return a.fyne }
func (a *App) Window() fyne.Window { return a.win }
func (a *App) T() *tr.T            { return a.t }

func (a *App) Session() *edit.Session {
	if a.project == nil {
		return nil
	}
	return a.project.s
}

func (a *App) ProjectPath() string {
	if a.project == nil {
		return ""
	}
	return a.project.path
}

func (a *App) CurrentModule() string {
	if a.project == nil {
		return ""
	}
	return a.project.moduleID
}

func (a *App) SelectBlock(moduleID, blockID, field string) {
	if a.project != nil {
		a.project.selectBlock(moduleID, blockID, field)
	}
}

// ShowModule shows a module's outline and editor.
func (a *App) ShowModule(moduleID string) {
	if a.project != nil {
		a.project.mode = extensionMode // force a redraw even if it is on show
		a.project.selectModule(moduleID)
	}
}

func (a *App) ShowScreen(id string) {
	for _, x := range a.exts {
		if x.ID == id && x.Screen != nil && a.project != nil {
			a.project.showExtension(x)
		}
	}
}

// SetLanguage switches the interface language and redraws everything.
func (a *App) SetLanguage(l authoring.Locale) {
	a.fyne.Preferences().SetString(host.PrefLanguage, string(l))
	a.setLanguage(l)
	a.win.SetTitle(a.title())
	a.redraw()
	for _, x := range a.exts {
		if x.OnLanguageChanged != nil {
			x.OnLanguageChanged(a)
		}
	}
}

// SetThemeVariant switches between light, dark and the system's choice.
func (a *App) SetThemeVariant(v string) {
	a.fyne.Preferences().SetString(host.PrefTheme, v)
	a.applyTheme(v)
}

// redraw rebuilds the window's content and menus in the current language.
func (a *App) redraw() {
	if a.project != nil {
		a.project.rebuild()
		return
	}
	a.showStart()
}

func (a *App) title() string {
	if a.project == nil {
		return a.t.S("AppName")
	}
	return a.t.F("AppWindowTitle", map[string]any{"Project": a.project.s.Project().Title})
}

// quit closes the project (saving what is pending) and the window.
func (a *App) quit() {
	if !a.closeProject() {
		return
	}
	a.win.Close()
}

// dropped hands files dropped on the window to the first extension that
// takes them (the media library).
func (a *App) dropped(_ fyne.Position, uris []fyne.URI) {
	for _, x := range a.exts {
		if x.OnDrop != nil && (a.project != nil || !x.NeedsProject) {
			x.OnDrop(a, uris)
			return
		}
	}
}

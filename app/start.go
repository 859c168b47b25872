package app

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/host"
	"github.com/stacklet/stacklet/authoring"
)

// showStart shows the start screen: recent projects and ways to begin.
func (a *App) showStart() {
	a.win.SetMainMenu(a.mainMenu())
	title := canvas.NewText(a.t.S("AppName"), theme.Color(theme.ColorNamePrimary))
	title.TextSize = 34
	title.TextStyle = fyne.TextStyle{Bold: true}
	tagline := widget.NewLabel(a.t.S("StartTagline"))

	actions := container.NewVBox(
		a.startButton(a.t.S("StartNewProject"), theme.DocumentCreateIcon(), widget.HighImportance, a.newProjectDialog),
		a.startButton(a.t.S("StartOpenProject"), theme.FolderOpenIcon(), widget.MediumImportance, a.openProjectDialog),
		a.startButton(a.t.S("StartOpenSample"), theme.HomeIcon(), widget.MediumImportance, a.OpenSample),
	)
	for _, x := range a.exts {
		if x.Start {
			actions.Add(a.startButton(a.t.S(x.Label), x.Icon, widget.LowImportance, func() { a.run(x) }))
		}
	}
	heading := func(id string) *widget.Label {
		return widget.NewLabelWithStyle(a.t.S(id), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	recent := container.NewBorder(heading("StartRecent"), nil, nil, nil, widget.NewCard("", "", a.recentList()))
	body := container.NewGridWithColumns(2, recent, container.NewVBox(heading("StartBegin"), actions))
	page := container.NewVBox(container.NewHBox(title), tagline, widget.NewSeparator(), body)
	a.win.SetContent(container.NewCenter(container.NewGridWrap(fyne.NewSize(820, 520), container.NewPadded(page))))
}

func (a *App) startButton(label string, icon fyne.Resource, imp widget.Importance, tapped func()) *widget.Button {
	b := widget.NewButtonWithIcon(label, icon, tapped)
	b.Importance = imp
	b.Alignment = widget.ButtonAlignLeading
	return b
}

// recentList is a button per recent project, or a note when there is none.
func (a *App) recentList() fyne.CanvasObject {
	paths := a.recent()
	if len(paths) == 0 {
		l := widget.NewLabel(a.t.S("StartNoRecent"))
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.LowImportance
		return l
	}
	box := container.NewVBox()
	for _, p := range paths {
		b := widget.NewButtonWithIcon(filepath.Base(p), theme.FileIcon(), func() { a.OpenProject(p) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		dir := widget.NewLabel(filepath.Dir(p))
		dir.Importance = widget.LowImportance
		dir.Truncation = fyne.TextTruncateEllipsis
		dir.SizeName = theme.SizeNameCaptionText
		box.Add(container.NewVBox(b, dir))
	}
	return container.NewVScroll(box)
}

// run starts an extension: its action, or its screen in the project view.
func (a *App) run(x host.Extension) {
	switch {
	case x.NeedsProject && a.project == nil:
		return
	case x.Action != nil:
		x.Action(a)
	case x.Screen != nil && a.project != nil:
		a.project.showExtension(x)
	}
}

// openProjectDialog asks for a .stacklet file and opens it.
func (a *App) openProjectDialog() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			a.ShowError(err)
			return
		}
		if r == nil {
			return
		}
		r.Close()
		a.OpenProject(r.URI().Path())
	}, a.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{Extension}))
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// newProjectDialog asks for a title and the language the project is
// written in, then where to save it.
func (a *App) newProjectDialog() {
	title := widget.NewEntry()
	title.SetText(a.t.S("NewProjectTitle"))
	source := widget.NewSelectEntry(commonLocales())
	source.SetText(string(a.t.Lang()))
	source.Validator = func(s string) error {
		_, err := authoring.ParseLocale(s)
		return err
	}
	items := []*widget.FormItem{
		{Text: a.t.S("NewProjectName"), Widget: title},
		{Text: a.t.S("NewProjectLanguage"), Widget: source, HintText: a.t.S("NewProjectLanguageHint")},
	}
	dialog.ShowForm(a.t.S("NewProjectDialog"), a.t.S("NewProjectChoose"), a.t.S("CommonCancel"), items, func(ok bool) {
		if !ok {
			return
		}
		loc, err := authoring.ParseLocale(source.Text)
		if err != nil {
			a.ShowError(err)
			return
		}
		a.saveNewProject(title.Text, loc)
	}, a.win)
}

func (a *App) saveNewProject(title string, source authoring.Locale) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			a.ShowError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		removeEmpty(path) // the dialog creates the file; sqlite.Create wants to
		a.CreateProject(path, title, source)
	}, a.win)
	d.SetFileName(fileName(title) + Extension)
	d.SetFilter(storage.NewExtensionFileFilter([]string{Extension}))
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// commonLocales are offered for a project's languages; any BCP 47 tag may
// be typed instead.
func commonLocales() []string {
	return []string{"ar", "de", "en", "en-GB", "en-US", "es", "fr", "id", "it", "ja", "ko", "nl", "pl", "pt", "pt-BR", "sv", "tr", "uk", "zh-Hans"}
}

package exportdialog

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/export"
)

// Preferences remember the last destination and whether approval was
// required, between exports.
const (
	prefFolder          = "export.folder"
	prefRequireApproved = "export.requireApproved"
)

// formatLabels are the catalog ids naming each format.
var formatLabels = map[authoring.Format]string{
	authoring.FormatSCORM12:   "ExportFormatSCORM12",
	authoring.FormatSCORM2004: "ExportFormatSCORM2004",
	authoring.FormatCMI5:      "ExportFormatCMI5",
	authoring.FormatWeb:       "ExportFormatWeb",
}

// form is the first view: what to export and where.
type form struct {
	Formats    *widget.CheckGroup
	AllModules *widget.Check
	Modules    *widget.CheckGroup
	Locales    *widget.CheckGroup
	// RequireApproved refuses a package in a target language with any text
	// that is not an approved translation; hidden without target languages.
	RequireApproved *widget.Check
	Folder          *widget.Entry
	Browse          *widget.Button
	Export          *widget.Button
	Close           *widget.Button
	Invalid         *widget.Label

	opts    Options
	formats []authoring.Format // by option index
	modules []string           // module ids by option index
	locales []authoring.Locale // by option index
	view    fyne.CanvasObject
}

func newForm(o Options, onExport, onClose func()) *form {
	f := &form{opts: o}
	f.buildFormats()
	f.buildModules()
	f.buildLocales()
	f.buildFolder()
	f.Invalid = widget.NewLabel("")
	f.Invalid.Importance = widget.DangerImportance
	f.Invalid.Wrapping = fyne.TextWrapWord
	f.Invalid.Hide()
	f.Export = widget.NewButtonWithIcon(o.T.S("ExportStart"), theme.UploadIcon(), onExport)
	f.Export.Importance = widget.HighImportance
	f.Close = widget.NewButton(o.T.S("ExportClose"), onClose)
	f.view = f.layout()
	return f
}

func (f *form) buildFormats() {
	var options []string
	for _, format := range authoring.Formats {
		id, ok := formatLabels[format]
		if !ok {
			continue // a format this dialog has no name for yet
		}
		f.formats = append(f.formats, format)
		options = append(options, f.opts.T.S(id))
	}
	f.Formats = widget.NewCheckGroup(options, nil)
	f.Formats.SetSelected(options[:1])
}

func (f *form) buildModules() {
	p := f.opts.Project
	titles := make([]string, len(p.Modules))
	seen := map[string]bool{}
	for i, m := range p.Modules {
		f.modules = append(f.modules, m.ID)
		titles[i] = m.Title
		if seen[m.Title] { // check groups tell options apart by their text
			titles[i] = f.opts.T.F("ExportModuleSameTitle", map[string]any{"Title": m.Title, "ID": m.ID})
		}
		seen[titles[i]] = true
	}
	f.Modules = widget.NewCheckGroup(titles, nil)
	f.AllModules = widget.NewCheck(f.opts.T.S("ExportAllModules"), func(all bool) {
		if all {
			f.Modules.SetSelected(titles)
			f.Modules.Disable()
		} else {
			f.Modules.Enable()
		}
	})
	if i := indexOf(f.modules, f.opts.Module); i >= 0 {
		f.Modules.SetSelected([]string{titles[i]})
		return
	}
	f.AllModules.SetChecked(true)
}

func (f *form) buildLocales() {
	p := f.opts.Project
	f.locales = append([]authoring.Locale{p.SourceLocale}, p.TargetLocales...)
	names := display.Tags(language.Make(string(f.opts.T.Lang())))
	options := make([]string, len(f.locales))
	for i, l := range f.locales {
		data := map[string]any{"Language": names.Name(language.Make(string(l))), "Code": string(l)}
		if i == 0 {
			options[i] = f.opts.T.F("ExportLocaleSource", data)
		} else {
			options[i] = f.opts.T.F("ExportLocaleTarget", data)
		}
	}
	f.Locales = widget.NewCheckGroup(options, nil)
	f.Locales.SetSelected(options[:1])
	f.RequireApproved = widget.NewCheck(f.opts.T.S("ExportRequireApproved"), nil)
	f.RequireApproved.Checked = f.opts.Prefs != nil && f.opts.Prefs.Bool(prefRequireApproved)
	f.RequireApproved.Hidden = len(p.TargetLocales) == 0
}

func (f *form) buildFolder() {
	f.Folder = widget.NewEntry()
	f.Folder.SetText(f.initialFolder())
	f.Browse = widget.NewButtonWithIcon(f.opts.T.S("ExportBrowse"), theme.FolderOpenIcon(), f.onBrowse)
}

func (f *form) initialFolder() string {
	if f.opts.Prefs != nil {
		if dir := f.opts.Prefs.String(prefFolder); dir != "" {
			return dir
		}
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return home
}

func (f *form) onBrowse() {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err == nil && dir != nil {
			f.Folder.SetText(dir.Path())
		}
	}, f.opts.Window)
	if uri, err := storage.ListerForURI(storage.NewFileURI(f.Folder.Text)); err == nil {
		d.SetLocation(uri)
	}
	d.Show()
}

func (f *form) layout() fyne.CanvasObject {
	heading := func(id string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(f.opts.T.S(id), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	// Formats and languages side by side keep the dialog free of an outer
	// scroll bar; a project with many languages scrolls in its own column.
	locales := container.NewVScroll(f.Locales)
	locales.SetMinSize(fyne.NewSize(0, 4*checkRow))
	modules := container.NewVScroll(f.Modules)
	modules.SetMinSize(fyne.NewSize(0, 4*checkRow))
	body := container.NewVBox(
		container.NewGridWithColumns(2,
			container.NewVBox(heading("ExportFormats"), f.Formats),
			container.NewBorder(heading("ExportLocales"), nil, nil, nil, locales)),
		f.RequireApproved,
		widget.NewSeparator(),
		heading("ExportModules"), f.AllModules, modules,
		widget.NewSeparator(),
		heading("ExportFolder"), container.NewBorder(nil, nil, nil, f.Browse, f.Folder),
		f.Invalid,
	)
	buttons := container.NewHBox(layout.NewSpacer(), f.Close, f.Export)
	return container.NewBorder(nil, buttons, nil, nil, body)
}

// checkRow is the height of one check box row in the default theme.
const checkRow = 36

// jobs are the packages the form asks for: every chosen module in every
// chosen format and locale. A message id says what is missing instead.
func (f *form) jobs() ([]export.Job, string) {
	formats := picked(f.Formats, f.formats)
	modules := picked(f.Modules, f.modules)
	locales := picked(f.Locales, f.locales)
	switch {
	case len(formats) == 0:
		return nil, "ExportNeedFormat"
	case len(modules) == 0:
		return nil, "ExportNeedModule"
	case len(locales) == 0:
		return nil, "ExportNeedLocale"
	case f.folder() == "":
		return nil, "ExportNeedFolder"
	}
	var jobs []export.Job
	for _, m := range modules {
		for _, l := range locales {
			for _, format := range formats {
				jobs = append(jobs, export.Job{Project: f.opts.Project, ModuleID: m, Format: format, Locale: l,
					Media: f.opts.Media, Translations: f.opts.Translations[l], RequireApproved: f.RequireApproved.Checked})
			}
		}
	}
	return jobs, ""
}

func (f *form) folder() string {
	dir := f.Folder.Text
	if dir == "" {
		return ""
	}
	return filepath.Clean(dir)
}

// picked maps a check group's selected options back to their values.
func picked[V any](g *widget.CheckGroup, values []V) []V {
	var out []V
	for i, option := range g.Options {
		for _, s := range g.Selected {
			if s == option {
				out = append(out, values[i])
				break
			}
		}
	}
	return out
}

func indexOf(list []string, v string) int {
	for i, x := range list {
		if x == v && v != "" {
			return i
		}
	}
	return -1
}

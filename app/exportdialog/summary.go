package exportdialog

import (
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/export"
)

// summary is the last view: what was written, what was refused and why.
type summary struct {
	Headline   *widget.Label
	Written    *widget.Label // one package file name a line
	Problems   *widget.Label // one refused package a paragraph
	OpenFolder *widget.Button
	Back       *widget.Button
	Done       *widget.Button

	t    *tr.T
	dir  string
	view fyne.CanvasObject
}

func newSummary(t *tr.T, onOpen, onBack, onDone func()) *summary {
	s := &summary{t: t, Headline: widget.NewLabel(""), Written: widget.NewLabel(""), Problems: widget.NewLabel("")}
	s.Headline.TextStyle.Bold = true
	s.Headline.Wrapping = fyne.TextWrapWord
	s.Problems.Wrapping = fyne.TextWrapWord
	s.Problems.Importance = widget.DangerImportance
	s.OpenFolder = widget.NewButtonWithIcon(t.S("ExportOpenFolder"), theme.FolderOpenIcon(), onOpen)
	s.Back = widget.NewButton(t.S("ExportAgain"), onBack)
	s.Done = widget.NewButton(t.S("ExportClose"), onDone)
	s.Done.Importance = widget.HighImportance
	body := container.NewVBox(s.Written, s.Problems)
	buttons := container.NewHBox(s.OpenFolder, layout.NewSpacer(), s.Back, s.Done)
	s.view = container.NewBorder(s.Headline, buttons, nil, nil, container.NewScroll(body))
	return s
}

// fill shows the results of one run into dir.
func (s *summary) fill(p *authoring.Project, results []export.Result, dir string, stopped bool) {
	s.dir = dir
	var written, problems []string
	var refused int
	for _, r := range results {
		switch {
		case r.Err == nil:
			written = append(written, s.written(r))
		case canceled(r.Err):
		default:
			refused++
			problems = append(problems, s.problem(p, r))
		}
	}
	s.Headline.SetText(s.headline(len(written), refused, dir, stopped))
	s.Written.SetText(strings.Join(written, "\n"))
	s.Written.Hidden = len(written) == 0
	s.Problems.SetText(strings.Join(problems, "\n\n"))
	s.Problems.Hidden = len(problems) == 0
	s.OpenFolder.Hidden = len(written) == 0
}

func (s *summary) headline(written, refused int, dir string, stopped bool) string {
	text := s.t.N("ExportWritten", written, map[string]any{"Folder": dir})
	if refused > 0 {
		text += "\n" + s.t.N("ExportRefused", refused, nil)
	}
	if stopped {
		text += "\n" + s.t.S("ExportCanceled")
	}
	return text
}

// written names a package, with a warning when some of its texts are not
// approved translations (they are in the package all the same).
func (s *summary) written(r export.Result) string {
	name := filepath.Base(r.Path)
	if len(r.Pending) == 0 {
		return name
	}
	return name + "\n    " + s.t.N("ExportPending", len(r.Pending), nil)
}

// problem names the refused package and gives the export's reason, which
// lists every validation problem to fix.
func (s *summary) problem(p *authoring.Project, r export.Result) string {
	title := r.Job.ModuleID
	if m, err := p.Module(r.Job.ModuleID); err == nil {
		title = m.Title
	}
	head := s.t.F("ExportProblem", map[string]any{"Module": title, "File": export.FileName(r.Job)})
	return head + "\n" + authoring.ErrorMessage(r.Err)
}

func (d *Dialog) onOpenFolder() {
	u, err := url.Parse(storage.NewFileURI(d.summary.dir).String())
	if err != nil {
		return
	}
	open := d.opts.OpenURL
	if open == nil {
		open = fyne.CurrentApp().OpenURL
	}
	if err := open(u); err != nil {
		d.summary.Problems.SetText(authoring.ErrorMessage(err))
		d.summary.Problems.Show()
	}
}

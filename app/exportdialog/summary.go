package exportdialog

import (
	"net/url"
	"path/filepath"
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/export"
)

// summary is the last view: what was written, what was refused and why.
type summary struct {
	Headline   *widget.Label
	Written    *widget.Label   // packages written as asked: one file name a line
	Warnings   *fyne.Container // packages written with texts not approved: a note each
	Problems   *fyne.Container // refused packages: a note each
	Failure    *widget.Label   // why the folder did not open
	OpenFolder *widget.Button
	Back       *widget.Button
	Done       *widget.Button

	t    *tr.T
	dir  string
	view fyne.CanvasObject
}

func newSummary(t *tr.T, onOpen, onBack, onDone func()) *summary {
	s := &summary{t: t, Headline: widget.NewLabel(""), Written: widget.NewLabel(""),
		Warnings: container.NewVBox(), Problems: container.NewVBox(), Failure: widget.NewLabel("")}
	s.Headline.TextStyle.Bold = true
	s.Headline.Wrapping = fyne.TextWrapWord
	s.Failure.Wrapping = fyne.TextWrapWord
	s.Failure.Importance = widget.DangerImportance
	s.Failure.Hide()
	s.OpenFolder = widget.NewButtonWithIcon(t.S("ExportOpenFolder"), theme.FolderOpenIcon(), onOpen)
	s.Back = widget.NewButton(t.S("ExportAgain"), onBack)
	s.Done = widget.NewButton(t.S("ExportClose"), onDone)
	s.Done.Importance = widget.HighImportance
	body := container.NewVBox(s.Failure, s.Written, s.Warnings, s.Problems)
	buttons := container.NewHBox(s.OpenFolder, layout.NewSpacer(), s.Back, s.Done)
	s.view = container.NewBorder(s.Headline, buttons, nil, nil, container.NewScroll(body))
	return s
}

// fill shows the results of one run into dir.
func (s *summary) fill(p *authoring.Project, results []export.Result, dir string, stopped bool) {
	s.dir = dir
	sources := segmentSources(p)
	var written []string
	var warnings, problems []fyne.CanvasObject
	for _, r := range results {
		switch {
		case r.Err == nil && len(r.Pending) == 0 && r.PlayerFallback == "":
			written = append(written, filepath.Base(r.Path))
		case r.Err == nil:
			warnings = append(warnings, s.warning(r, sources))
		case canceled(r.Err):
		default:
			problems = append(problems, s.problem(p, r, sources))
		}
	}
	s.Headline.SetText(s.headline(len(written)+len(warnings), len(problems), dir, stopped))
	s.Written.SetText(strings.Join(written, "\n"))
	s.Written.Hidden = len(written) == 0
	s.Warnings.Objects = warnings
	s.Warnings.Hidden = len(warnings) == 0
	s.Problems.Objects = problems
	s.Problems.Hidden = len(problems) == 0
	s.Failure.Hide()
	s.OpenFolder.Hidden = len(written)+len(warnings) == 0
	s.view.Refresh()
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

// warning names a package written with texts that are not approved
// translations (they are in the package all the same) and lists them.
func (s *summary) warning(r export.Result, sources map[string]string) fyne.CanvasObject {
	var notes []string
	if len(r.Pending) > 0 {
		notes = append(notes, s.t.N("ExportPending", len(r.Pending), nil))
	}
	if r.PlayerFallback != "" {
		locale := r.Job.Locale
		if locale == "" && r.Job.Project != nil {
			locale = r.Job.Project.SourceLocale
		}
		notes = append(notes, s.t.F("ExportPlayerFallback", map[string]any{
			"Language": s.languageName(locale), "Fallback": s.languageName(r.PlayerFallback)}))
	}
	return s.note(filepath.Base(r.Path), strings.Join(notes, "\n"), widget.WarningImportance, r.Pending, sources)
}

// languageName names a locale in the interface language.
func (s *summary) languageName(l authoring.Locale) string {
	if name := display.Tags(language.Make(string(s.t.Lang()))).Name(language.Make(string(l))); name != "" {
		return name
	}
	return string(l)
}

// problem names the refused package and gives the export's reason: the
// texts that are not approved, or every validation problem to fix.
func (s *summary) problem(p *authoring.Project, r export.Result, sources map[string]string) fyne.CanvasObject {
	title := r.Job.ModuleID
	if m, err := p.Module(r.Job.ModuleID); err == nil {
		title = m.Title
	}
	head := s.t.F("ExportProblem", map[string]any{"Module": title, "File": export.FileName(r.Job)})
	reason := authoring.ErrorMessage(r.Err)
	if len(r.Pending) > 0 { // refused for them: the list says more, and in the interface language
		reason = s.t.N("ExportRefusedPending", len(r.Pending), nil)
	}
	return s.note(head, reason, widget.DangerImportance, r.Pending, sources)
}

// note is one package that needs a word: its name, what is the matter, and
// the texts that are not approved translations, folded away.
func (s *summary) note(head, text string, importance widget.Importance, pending []l10n.Pending, sources map[string]string) fyne.CanvasObject {
	name := widget.NewLabelWithStyle(head, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Wrapping = fyne.TextWrapWord
	body := widget.NewLabel(text)
	body.Wrapping = fyne.TextWrapWord
	body.Importance = importance
	box := container.NewVBox(name, body)
	if len(pending) > 0 {
		title := s.t.F("ExportPendingTexts", map[string]any{"Count": len(pending)})
		box.Add(widget.NewAccordion(widget.NewAccordionItem(title, s.pendingList(pending, sources))))
	}
	return box
}

// maxListed keeps a locale that is barely translated from burying the
// summary: Translation review holds the full list.
const maxListed = 20

// pendingList shows each text by its source words, why it is listed, and
// its segment id in small print, which Translation review and the CLI show.
func (s *summary) pendingList(pending []l10n.Pending, sources map[string]string) fyne.CanvasObject {
	var segs []widget.RichTextSegment
	for i, p := range pending {
		if i == maxListed {
			segs = append(segs, &widget.TextSegment{Style: widget.RichTextStyleParagraph,
				Text: s.t.N("ExportPendingMore", len(pending)-maxListed, nil)})
			break
		}
		reason := " — " + s.reason(p)
		if source, ok := sources[p.ID]; ok {
			segs = append(segs,
				&widget.TextSegment{Style: widget.RichTextStyleStrong, Text: s.t.F("ExportQuoted", map[string]any{"Text": source})},
				&widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: reason},
				&widget.TextSegment{Style: idStyle, Text: p.ID})
			continue
		}
		segs = append(segs, // a caption cue: the dialog has not read the track
			&widget.TextSegment{Style: widget.RichTextStyleCodeInline, Text: p.ID},
			&widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: reason})
	}
	list := widget.NewRichText(segs...)
	list.Wrapping = fyne.TextWrapWord
	return list
}

// idStyle sets a segment id apart from the text it names.
var idStyle = widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText,
	TextStyle: fyne.TextStyle{Monospace: true}}

// reasonLabels name each kind of pending text in the interface language; a
// kind missing here (broken placeholders) shows the export's English detail.
var reasonLabels = map[l10n.PendingKind]string{
	l10n.PendingUntranslated: "ExportReasonUntranslated",
	l10n.PendingMachine:      "ExportReasonMachine",
	l10n.PendingEdited:       "ExportReasonEdited",
	l10n.PendingStale:        "ExportReasonStale",
}

func (s *summary) reason(p l10n.Pending) string {
	if id, ok := reasonLabels[p.Kind]; ok {
		return s.t.S(id)
	}
	return s.t.F("ExportReasonOther", map[string]any{"Detail": p.Reason})
}

// segmentSources maps each segment id of p to its source text as an author
// reads it, shortened: the label of a pending text. Caption cues are not
// among them, as their tracks are media the dialog does not read.
func segmentSources(p *authoring.Project) map[string]string {
	out := map[string]string{}
	for _, seg := range l10n.ProjectSegments(p, nil) {
		out[seg.ID] = shorten(placeholder.ReplaceAllStringFunc(seg.Source, unescape), 60)
	}
	return out
}

// placeholder matches the inline markup placeholders of segment text and
// its escaped braces (see l10n.Tags).
var placeholder = regexp.MustCompile(`\{\{|\{/?[0-9]{1,4}/?\}`)

func unescape(tag string) string {
	if tag == "{{" {
		return "{"
	}
	return ""
}

// shorten collapses white space and cuts s to at most max runes.
func shorten(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > max {
		return strings.TrimSpace(string(r[:max-1])) + "…"
	}
	return s
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
		d.summary.Failure.SetText(authoring.ErrorMessage(err))
		d.summary.Failure.Show()
	}
}

// Package player renders a module into the learner's page: static, semantic
// HTML from html/template, one hand-written script that tracks progress
// through SCORM 1.2, SCORM 2004 or the browser's storage, a stylesheet and a
// theme stylesheet. Everything a package needs to run is in the returned
// files: no inline script or style (the page sets a strict CSP) and no
// outside requests.
package player

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"sync"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/i18n"
)

//go:embed static/player.js static/player.css static/cmi5.js
var static embed.FS

//go:embed templates/*.html
var templateFS embed.FS

// Options says what to render and for which learner language and LMS.
type Options struct {
	Project   *authoring.Project
	Module    *authoring.Module
	Locale    authoring.Locale // learner language: player strings, lang and dir
	Format    authoring.Format // which tracking adapter the page boots
	MediaPath func(hash string) string
	Earns     []Earn // credentials the module counts towards
}

// Assets returns the static player files: player.js and player.css.
func Assets() map[string][]byte {
	out := map[string][]byte{}
	for _, name := range []string{"player.js", "player.css"} {
		data, err := static.ReadFile("static/" + name)
		if err != nil {
			panic(err) // embedded at build time: cannot fail
		}
		out[name] = data
	}
	return out
}

// Render returns the package's learner files: index.html, player.js,
// player.css and theme.css. The same options always give the same bytes.
func Render(opts Options) (map[string][]byte, error) {
	if err := checkOptions(opts); err != nil {
		return nil, err
	}
	strs, err := i18n.PlayerStrings(opts.Locale)
	if err != nil {
		return nil, err
	}
	r := &renderer{opts: opts, strs: strs}
	if err := r.simpleStrings(); err != nil {
		return nil, err
	}
	theme, err := themeCSS(opts.Project.Theme)
	if err != nil {
		return nil, err
	}
	p, err := r.page()
	if err != nil {
		return nil, err
	}
	html, err := r.execute(p)
	if err != nil {
		return nil, err
	}
	files := Assets()
	if opts.Format == authoring.FormatCMI5 {
		files[CMI5Script] = cmi5Script()
	}
	files["index.html"] = html
	files["theme.css"] = theme
	return files, nil
}

func checkOptions(opts Options) error {
	switch {
	case opts.Project == nil || opts.Module == nil:
		return authoring.Errorf(authoring.EINVALID, "nothing to render: a project and a module are needed")
	case len(opts.Module.Blocks) == 0:
		return authoring.Errorf(authoring.EINVALID, "module %q has no blocks: add a block before exporting", opts.Module.Title)
	}
	if _, err := authoring.ParseFormat(string(opts.Format)); err != nil {
		return err
	}
	return nil
}

type renderer struct {
	opts   Options
	strs   i18n.Strings
	s      map[string]string // strings without fields, by message id
	seenH2 bool              // an h2 is on the page so far
}

// simpleIDs are the messages the templates show as they are.
var simpleIDs = []string{
	"Captions", "Check", "Choose", "Continue", "Dismiss", "False", "Finish", "FlipCard",
	"MarkDone", "MediaUnsupported", "MoveDown", "MoveUp", "NewTab", "Next", "Outcomes",
	"Practice", "Previous", "Progress", "Question", "Results", "SkipToContent",
	"ToneInfo", "ToneTip", "ToneWarning", "Transcript", "True", "TryAgain", "YourAnswer",
	"Correct", "Incorrect", "AnswerFirst", "AnswerShown", "CorrectAnswer", "GateLocked",
	"Passed", "NotPassed", "ModuleComplete", "IncompleteHint", "FinishedNotice",
	"ResumeNotice", "NoLMSNotice",
	"InstrSingleChoice", "InstrMultipleResponse", "InstrTrueFalse", "InstrFillBlank",
	"InstrMatching", "InstrOrdering", "CredEarnHeading", "CredView",
}

func (r *renderer) simpleStrings() error {
	r.s = map[string]string{}
	for _, id := range simpleIDs {
		text, err := r.strs.Text(id, nil)
		if err != nil {
			return err
		}
		r.s[id] = text
	}
	return nil
}

// page is the data of the page template.
type page struct {
	Lang, Dir      string
	Title, Project string
	Description    string
	Duration       string
	Outcomes       []string
	Logo           string
	Blocks         []blockView
	Graded         bool
	Passing        string
	CMI5           bool // boots cmi5.js and lets it reach the LMS's LRS
	Earns          []Earn
	ResultsHidden  bool
	Data           pageData
}

func (r *renderer) page() (*page, error) {
	m, proj := r.opts.Module, r.opts.Project
	p := &page{Lang: string(r.opts.Locale), Dir: r.opts.Locale.Dir(), Title: m.Title, Project: proj.Title,
		Description: m.Description, Outcomes: m.Outcomes, Graded: m.Graded(), CMI5: r.opts.Format == authoring.FormatCMI5}
	if m.Minutes > 0 {
		d, err := r.strs.Plural("Duration", m.Minutes, nil)
		if err != nil {
			return nil, err
		}
		p.Duration = d
	}
	if proj.Theme.Logo != "" {
		logo, err := r.mediaPath(proj.Theme.Logo, "logo")
		if err != nil {
			return nil, err
		}
		p.Logo = logo
	}
	if p.Graded {
		passing, err := r.strs.Text("PassingScore", map[string]any{"Score": m.MasteryScore})
		if err != nil {
			return nil, err
		}
		p.Passing = passing
	}
	p.Earns = r.opts.Earns
	r.seenH2 = len(m.Outcomes) > 0 || len(p.Earns) > 0
	p.Data = pageData{Module: m.ID, Project: projectKey(r.opts.Project.Title), Format: r.opts.Format, Lang: r.opts.Locale, Completion: m.Completion,
		Mastery: m.MasteryScore, Attempts: m.Attempts, Reveal: m.RevealAnswers,
		Blocks: []string{}, Questions: map[string]questionData{}}
	gated, graded := false, 0
	for _, b := range m.Blocks {
		if b.Content == nil {
			return nil, authoring.Errorf(authoring.EINVALID, "block %q has no content", b.ID)
		}
		v, err := r.view(b, gated)
		if err != nil {
			return nil, err
		}
		p.Blocks = append(p.Blocks, v)
		p.Data.Blocks = append(p.Data.Blocks, b.ID)
		if q, ok := b.Content.(authoring.Question); ok {
			p.Data.Questions[b.ID] = questionKey(q)
			if q.Base().Mode == authoring.Graded {
				graded++
			}
		}
		gated = gated || b.Kind() == authoring.KindGate
	}
	p.ResultsHidden = gated
	s, err := r.scriptStrings(graded)
	if err != nil {
		return nil, err
	}
	p.Data.Strings = s
	return p, nil
}

var parsed = sync.OnceValues(func() (*template.Template, error) {
	return template.New("").Funcs(template.FuncMap{
		"t":    func(string) (string, error) { return "", nil }, // replaced per render
		"lang": func() string { return "" },
	}).ParseFS(templateFS, "templates/*.html")
})

func (r *renderer) execute(p *page) ([]byte, error) {
	base, err := parsed()
	if err != nil {
		return nil, authoring.Errorf(authoring.EINTERNAL, "player templates: %v", err)
	}
	t, err := base.Clone()
	if err != nil {
		return nil, authoring.Errorf(authoring.EINTERNAL, "player templates: %v", err)
	}
	t.Funcs(template.FuncMap{
		"t": func(id string) (string, error) {
			text, ok := r.s[id]
			if !ok {
				return "", fmt.Errorf("template uses string %q missing from simpleIDs", id)
			}
			return text, nil
		},
		"lang": func() string { return string(r.opts.Locale) },
	})
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "page", p); err != nil {
		return nil, authoring.Errorf(authoring.EINTERNAL, "render module %q: %v", r.opts.Module.Title, err)
	}
	return buf.Bytes(), nil
}

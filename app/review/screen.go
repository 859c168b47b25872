// Package review is the translator's screen: how far each target language
// has come, and per language every segment's source beside its translation,
// to edit, approve (Ctrl+Enter approves and moves on), comment on and have
// re-translated by AI, with QA warnings and glossary terms alongside.
package review

import (
	"os"
	"os/user"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/edit"
	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/i18n/aitranslate"
)

// Options are what the screen works on and with.
type Options struct {
	Window    fyne.Window
	T         *tr.T
	Session   *edit.Session
	ShowError func(error)
	// User is the provenance of the reviewer's edits; "" uses the OS user
	// name, or "you" when there is none.
	User string
	// Engine makes the AI translator for a re-translation; nil uses
	// pseudo-localisation.
	Engine func() (*aitranslate.Engine, error)
	// Preview shows a module in a locale; nil hides the Preview button.
	Preview func(locale authoring.Locale, moduleID string, tr l10n.Translations)
	// Saved hears of every change to a locale's translations (a copy), to
	// refresh a preview; optional.
	Saved func(locale authoring.Locale, tr l10n.Translations)
	// Current is the module the designer was on, for the preview; optional.
	Current func() string
}

// Screen is the review screen: the languages, or one language's segments.
type Screen struct {
	o        Options
	gloss    l10n.Glossary
	root     *fyne.Container
	cur      *localeView // nil on the landing
	stopObs  func()
	capsErr  string          // the caption track error last shown (captions.go)
	glossary *GlossaryEditor // the last one opened, for tests
}

// New builds the screen on its landing: progress per target language.
func New(o Options) *Screen {
	if o.Current == nil {
		o.Current = func() string { return "" }
	}
	s := &Screen{o: o, root: container.NewStack()}
	s.loadGlossary()
	s.stopObs = o.Session.Observe(s.projectChanged)
	s.showLanding()
	return s
}

// View is the screen's content.
func (s *Screen) View() fyne.CanvasObject { return s.root }

// Close saves what is typed and stops following the project.
func (s *Screen) Close() {
	if s.cur != nil {
		s.cur.close()
	}
	s.stopObs()
}

func (s *Screen) project() *authoring.Project { return s.o.Session.Project() }

func (s *Screen) segments() []l10n.Segment { return l10n.ProjectSegments(s.project(), s.captions()) }

func (s *Screen) loadGlossary() {
	g, err := s.o.Session.Glossary()
	if err != nil {
		s.o.ShowError(err)
	}
	s.gloss = g
}

func (s *Screen) user() string {
	if s.o.User != "" {
		return s.o.User
	}
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	if name := os.Getenv("USER"); name != "" {
		return name
	}
	return "you"
}

func (s *Screen) engine() (*aitranslate.Engine, error) {
	if s.o.Engine == nil {
		return aitranslate.New(aitranslate.Config{})
	}
	return s.o.Engine()
}

// Open reviews locale.
func (s *Screen) Open(locale authoring.Locale) {
	tr, err := s.o.Session.Translations(locale)
	if err != nil {
		s.o.ShowError(err)
		return
	}
	style, err := s.o.Session.Style(locale)
	if err != nil {
		s.o.ShowError(err)
		return
	}
	if s.cur != nil {
		s.cur.close()
	}
	s.cur = newLocaleView(s, locale, tr, style)
	s.show(s.cur.view)
}

// ShowGlossary opens the glossary editor over the window.
func (s *Screen) ShowGlossary() *GlossaryEditor {
	s.glossary = ShowGlossary(GlossaryOptions{Window: s.o.Window, T: s.o.T, Session: s.o.Session, ShowError: s.o.ShowError})
	return s.glossary
}

// glossaryButton opens the glossary from the landing or a language.
func (s *Screen) glossaryButton() *widget.Button {
	return widget.NewButtonWithIcon(s.o.T.S("ReviewGlossaryButton"), theme.ListIcon(), func() { s.ShowGlossary() })
}

// Locale is the language under review, nil on the landing.
func (s *Screen) Locale() *localeView { return s.cur }

func (s *Screen) showLanding() {
	if s.cur != nil {
		s.cur.close()
		s.cur = nil
	}
	s.show(s.landing())
}

func (s *Screen) show(obj fyne.CanvasObject) {
	s.root.Objects = []fyne.CanvasObject{obj}
	s.root.Refresh()
}

// projectChanged follows edits of the source text (from undo, or another
// window): segments appear, go or become stale; and of the glossary: hits
// and QA warnings change.
func (s *Screen) projectChanged(c edit.Change) {
	switch c.Kind {
	case edit.MediaChanged:
		return
	case edit.GlossaryChanged: // new hits and QA warnings on every row
		s.loadGlossary()
		if s.cur == nil {
			return
		}
	}
	if s.cur == nil {
		s.show(s.landing())
		return
	}
	v := s.cur
	v.commitAll()
	v.segs = s.segments()
	v.fill()
}

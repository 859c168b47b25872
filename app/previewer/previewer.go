package previewer

import (
	"context"
	"net/url"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/edit"
	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/export/preview"
)

// Options are what a Previewer shows and how.
type Options struct {
	Session *edit.Session
	T       *tr.T
	// OpenURL opens the preview in the system browser.
	OpenURL func(*url.URL) error
	// OnError hears why the preview server stopped; optional.
	OnError func(error)
	// Format is the package format the simulator runs: SCORM 2004 unless set.
	Format authoring.Format
	// Delay is the quiet time after an edit before the package is rebuilt,
	// so typing rebuilds once, not per keystroke: 500 ms unless set.
	Delay time.Duration
	// Locale is the language shown, "" for the source; Translations (called
	// on the UI goroutine before each build) gives its translations.
	Locale       authoring.Locale
	Translations func() l10n.Translations
}

// Previewer serves the current module on a loopback address for as long as
// the project is open, rebuilding after every edit. Call it on the UI
// goroutine.
type Previewer struct {
	opts    Options
	srv     *Server
	module  string
	work    chan build // the latest snapshot waiting to be built
	timer   *time.Timer
	stopObs func()
	cancel  context.CancelFunc
	closed  bool

	mu       sync.Mutex
	base     string // the server's URL once it listens
	openWhen bool   // open the browser as soon as it listens
}

type build struct {
	project *authoring.Project
	module  string
	tr      l10n.Translations
}

// Start starts the server and follows the session's edits; nothing is
// shown until Show.
func Start(o Options) *Previewer {
	if o.Format == "" {
		o.Format = authoring.FormatSCORM2004
	}
	if o.Delay <= 0 {
		o.Delay = 500 * time.Millisecond
	}
	ctx, cancel := context.WithCancel(context.Background())
	p := &Previewer{opts: o, cancel: cancel, work: make(chan build, 1), srv: NewServer(o.Format, pageTexts(o.T))}
	p.stopObs = o.Session.Observe(func(edit.Change) { p.changed() })
	go p.builder(ctx)
	go p.serve(ctx)
	return p
}

func pageTexts(t *tr.T) Texts {
	return Texts{Problems: t.S("PreviewProblems"), Building: t.S("PreviewBuilding")}
}

// SetLanguage shows the page's own words (the notices above the package)
// in t's language from the next poll on.
func (p *Previewer) SetLanguage(t *tr.T) {
	p.opts.T = t
	p.srv.SetTexts(pageTexts(t))
}

// Show previews moduleID in the browser, building it first.
func (p *Previewer) Show(moduleID string) {
	if p.closed {
		return
	}
	p.module = moduleID
	p.schedule()
	p.mu.Lock()
	base := p.base
	p.openWhen = base == ""
	p.mu.Unlock()
	if base != "" {
		p.open(base)
	}
}

// URL is the preview's address, "" until the server listens.
func (p *Previewer) URL() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.base
}

// Close stops the server and stops following the session.
func (p *Previewer) Close() {
	p.closed = true
	p.stopObs()
	if p.timer != nil {
		p.timer.Stop()
	}
	p.cancel()
}

func (p *Previewer) serve(ctx context.Context) {
	err := preview.Serve(ctx, "127.0.0.1:0", p.srv, func(base string) {
		p.mu.Lock()
		p.base = base
		open := p.openWhen
		p.mu.Unlock()
		if open {
			fyne.Do(func() { p.open(base) })
		}
	})
	if err != nil && p.opts.OnError != nil {
		fyne.Do(func() { p.opts.OnError(err) })
	}
}

func (p *Previewer) open(base string) {
	u, err := url.Parse(base + "/")
	if err == nil {
		err = p.opts.OpenURL(u)
	}
	if err != nil && p.opts.OnError != nil {
		p.opts.OnError(err)
	}
}

// Refresh rebuilds after a pause, for changes the session does not
// announce (translations).
func (p *Previewer) Refresh() { p.changed() }

// changed waits for a pause in the edits before rebuilding.
func (p *Previewer) changed() {
	if p.module == "" {
		return
	}
	if p.timer != nil {
		p.timer.Stop()
	}
	p.timer = time.AfterFunc(p.opts.Delay, func() { fyne.Do(p.schedule) })
}

// schedule hands the builder a snapshot, replacing one it has not started:
// only the latest state matters.
func (p *Previewer) schedule() {
	if p.closed {
		return // a timer fired after Close: the session may be gone
	}
	b := build{project: p.opts.Session.Snapshot(), module: p.module}
	if p.opts.Translations != nil {
		b.tr = p.opts.Translations()
	}
	select {
	case <-p.work:
	default:
	}
	p.work <- b
}

func (p *Previewer) builder(ctx context.Context) {
	media := p.opts.Session.Media()
	for {
		select {
		case <-ctx.Done():
			return
		case b := <-p.work:
			p.srv.BuildLocale(ctx, b.project, b.module, media, p.opts.Locale, b.tr) // failures show in the page
		}
	}
}

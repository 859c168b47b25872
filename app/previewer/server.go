// Package previewer shows the module being edited in the system browser,
// inside export/preview's LMS simulator, and reloads the page after edits.
//
// The Server rebuilds the package in memory whenever it is given a new
// snapshot of the project and bumps a change counter; a small script added
// to the simulator page polls the counter and reloads when it moves. A
// module with errors keeps the last package that built, under a banner
// naming the problems.
package previewer

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"html/template"
	"net/http"
	"strings"
	"sync"
	"testing/fstest"
	"time"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/export"
	"github.com/stacklet/stacklet/export/archive"
	"github.com/stacklet/stacklet/export/preview"
)

//go:embed live.js
var liveJS []byte

// liveScript is added to the simulator page; the page's CSP allows scripts
// from its own origin only, so it is a file, not inline code.
const liveScript = `<script src="live/live.js" defer></script>`

// Server serves the latest successful build of one module.
type Server struct {
	format authoring.Format

	mu      sync.Mutex
	pkg     http.Handler // nil until a build succeeds
	version int          // bumped by every build, good or bad
	problem string       // why the latest build failed, "" if it did not
	texts   Texts
}

// Texts are the server's words, in the interface language.
type Texts struct {
	Problems string // heads the list of problems while the module has errors
	Building string // shown until the first build is done
}

// NewServer serves packages in format.
func NewServer(format authoring.Format, texts Texts) *Server {
	return &Server{format: format, texts: texts}
}

// SetTexts changes the server's words, for the interface language.
func (s *Server) SetTexts(texts Texts) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.texts = texts
}

// Build exports moduleID of p and serves the result. p must not change
// while Build runs (pass a snapshot). On failure the previous package stays
// and the page shows why.
func (s *Server) Build(ctx context.Context, p *authoring.Project, moduleID string, media authoring.MediaSource) error {
	return s.BuildLocale(ctx, p, moduleID, media, "", nil)
}

// BuildLocale is Build in locale ("" for the source) with its translations:
// right-to-left languages come out right to left, untranslated texts in the
// source language.
func (s *Server) BuildLocale(ctx context.Context, p *authoring.Project, moduleID string, media authoring.MediaSource,
	locale authoring.Locale, tr l10n.Translations) error {
	files, err := export.Build(ctx, export.Job{Project: p, ModuleID: moduleID, Format: s.format, Media: media,
		Locale: locale, Translations: tr})
	var pkg http.Handler
	if err == nil {
		pkg = preview.Handler(mapFS(files), preview.Options{Format: s.format, Title: moduleTitle(p, moduleID), Launch: export.Launch})
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.version++
	s.problem = authoring.ErrorMessage(err)
	if pkg != nil {
		s.pkg = pkg
	}
	return err
}

func moduleTitle(p *authoring.Project, id string) string {
	if m, err := p.Module(id); err == nil {
		return m.Title
	}
	return id
}

func mapFS(files []archive.File) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o444}
	}
	return fsys
}

// state is what the page polls.
type state struct {
	Version int    `json:"version"`
	Problem string `json:"problem,omitempty"`
	Notice  string `json:"notice,omitempty"`
}

func (s *Server) current() (http.Handler, state) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := state{Version: s.version, Problem: s.problem}
	switch {
	case st.Problem != "":
		st.Notice = s.texts.Problems
	case s.pkg == nil:
		st.Notice = s.texts.Building
	}
	return s.pkg, st
}

// ServeHTTP serves the simulator with the live script, the script and the
// state it polls, and the package files.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	pkg, st := s.current()
	w.Header().Set("Cache-Control", "no-store")
	switch {
	case r.URL.Path == "/live/state":
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(st)
	case r.URL.Path == "/live/live.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		http.ServeContent(w, r, "live.js", time.Time{}, bytes.NewReader(liveJS))
	case pkg == nil:
		waitingPage(w, st)
	case r.URL.Path == "/":
		servePage(w, r, pkg)
	default:
		pkg.ServeHTTP(w, r)
	}
}

// The simulator page's policy forbids fetch (default-src 'none'); the live
// script needs it for its own origin.
var (
	cspDefault     = []byte("default-src 'none';")
	cspWithConnect = []byte("default-src 'none'; connect-src 'self';")
)

// servePage serves the simulator page with the live script added.
func servePage(w http.ResponseWriter, r *http.Request, pkg http.Handler) {
	rec := &pageRecorder{header: http.Header{}, status: http.StatusOK}
	pkg.ServeHTTP(rec, r)
	for k, v := range rec.header {
		w.Header()[k] = v
	}
	w.Header().Del("Content-Length")
	w.WriteHeader(rec.status)
	page := bytes.Replace(rec.body.Bytes(), cspDefault, cspWithConnect, 1)
	w.Write(bytes.Replace(page, []byte("</head>"), []byte(liveScript+"\n</head>"), 1))
}

type pageRecorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (p *pageRecorder) Header() http.Header         { return p.header }
func (p *pageRecorder) WriteHeader(status int)      { p.status = status }
func (p *pageRecorder) Write(b []byte) (int, error) { return p.body.Write(b) }

var waitingTemplate = template.Must(template.New("waiting").Parse(`<!doctype html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; connect-src 'self'">
<title>{{.Notice}}</title>` + liveScript + `</head>
<body><h1>{{.Notice}}</h1><pre>{{.Problem}}</pre></body></html>
`))

// waitingPage stands in until the module first builds: it lists the
// problems and reloads once they are fixed.
func waitingPage(w http.ResponseWriter, st state) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	var b strings.Builder
	waitingTemplate.Execute(&b, st)
	w.Write([]byte(b.String()))
}

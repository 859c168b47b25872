// Package lrstest is a cmi5 LMS and LRS test double for tests that launch a
// real AU in a browser. One httptest server plays both parts: as the LMS it
// serves mounted packages, prepares launches (the launch URL, the one-time
// fetch URL and LMS.LaunchData, cmi5 §8 and §10); as the LRS it checks the
// token and xAPI version of every request, records statements and holds
// State API and Agent Profile documents. Every request is recorded, so a test
// can assert how an AU asked as well as what it reported.
package lrstest

import (
	"archive/zip"
	"bytes"
	"crypto/rand"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path"
	"strings"
	"sync"
	"testing"
	"time"
)

// Home is the LMS's home page: the account home page of launch actors and
// the prefix of the activity ids the LMS generates.
const Home = "https://lms.example.test"

// ReturnPath is a page of the LMS an AU may be sent back to (LaunchData
// returnURL); it answers with a small HTML page.
const ReturnPath = "/lms/return"

// AU is one assignable unit as the LMS read it from a package's cmi5.xml.
type AU struct {
	ID           string `xml:"id,attr"`
	URL          string `xml:"url"` // relative to the package root
	MoveOn       string `xml:"moveOn,attr"`
	MasteryScore string `xml:"masteryScore,attr"` // empty when the course sets none
}

type pkg struct {
	files fs.FS
	aus   []AU
}

// Server is the LMS and LRS. Its methods are safe for concurrent use, as the
// browser calls it while the test reads it.
type Server struct {
	*httptest.Server

	mu         sync.Mutex
	packages   map[string]pkg
	launches   map[string]*Launch // by token
	fetches    map[string]*Launch // by the secret part of the fetch URL
	docs       map[docKey][]byte  // State API and Agent Profile documents
	requests   []*Request
	statements []Statement
}

// Request is one request the server received and how it answered.
type Request struct {
	Method  string
	Path    string
	Query   url.Values
	Token   string // from Authorization: Basic <token>
	Version string // X-Experience-API-Version
	Status  int
}

// New starts a server on 127.0.0.1; it is closed when the test ends.
func New(tb testing.TB) *Server {
	s := &Server{
		packages: map[string]pkg{},
		launches: map[string]*Launch{},
		fetches:  map[string]*Launch{},
		docs:     map[docKey][]byte{},
	}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	tb.Cleanup(s.Close)
	return s
}

// Mount serves files under /pkg/<name>/ and returns the AUs of its cmi5.xml,
// as an LMS imports a package.
func (s *Server) Mount(name string, files fs.FS) ([]AU, error) {
	doc, err := fs.ReadFile(files, "cmi5.xml")
	if err != nil {
		return nil, fmt.Errorf("package %s: %w", name, err)
	}
	var root courseNode
	if err := xml.Unmarshal(doc, &root); err != nil {
		return nil, fmt.Errorf("package %s: cmi5.xml: %w", name, err)
	}
	aus := root.flatten(nil)
	if len(aus) == 0 {
		return nil, fmt.Errorf("package %s: cmi5.xml has no AU", name)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.packages[name] = pkg{files, aus}
	return aus, nil
}

// courseNode is the course structure or one of its blocks: AUs and blocks
// in document order.
type courseNode struct {
	Children []struct {
		XMLName xml.Name
		AU
		courseNode
	} `xml:",any"`
}

func (n courseNode) flatten(aus []AU) []AU {
	for _, c := range n.Children {
		switch c.XMLName.Local {
		case "au":
			a := c.AU
			a.URL = strings.TrimSpace(a.URL) // the LMS trims on import (§13.1)
			aus = append(aus, a)
		case "block":
			aus = c.courseNode.flatten(aus)
		}
	}
	return aus
}

// MountZip mounts a zipped package, read as it is with archive/zip.
func (s *Server) MountZip(name string, data []byte) ([]AU, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("package %s: %w", name, err)
	}
	return s.Mount(name, zr)
}

// Requests returns a copy of every request so far, in arrival order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Request, len(s.requests))
	for i, r := range s.requests {
		out[i] = *r
	}
	return out
}

// Statements returns every statement stored so far, in arrival order.
func (s *Server) Statements() []Statement {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Statement(nil), s.statements...)
}

// statusWriter remembers the status a handler answered with.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	rec := &Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.Query(),
		Version: r.Header.Get("X-Experience-API-Version")}
	if t, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Basic "); ok {
		rec.Token = t
	}
	sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
	switch {
	case strings.HasPrefix(r.URL.Path, "/pkg/"):
		s.serveFile(sw, r)
	case strings.HasPrefix(r.URL.Path, "/lms/fetch/"):
		s.fetch(sw, r)
	case r.URL.Path == ReturnPath:
		sw.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(sw, "<!doctype html><title>LMS</title><p>Back in the LMS.</p>")
	case strings.HasPrefix(r.URL.Path, "/xapi/"):
		s.xapi(sw, r, rec)
	default:
		http.NotFound(sw, r)
	}
	rec.Status = sw.status
	s.mu.Lock()
	s.requests = append(s.requests, rec)
	s.mu.Unlock()
}

// serveFile serves /pkg/<name>/<file> without redirects, so a launch URL
// ending in index.html keeps its query.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request) {
	name, file, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/pkg/"), "/")
	s.mu.Lock()
	p, ok := s.packages[name]
	s.mu.Unlock()
	file = path.Clean(file)
	if !ok || !fs.ValidPath(file) {
		http.NotFound(w, r)
		return
	}
	data, err := fs.ReadFile(p.files, file)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	http.ServeContent(w, r, file, time.Time{}, bytes.NewReader(data))
}

// fetch answers the fetch URL: the first POST gets the token, any later one
// error code 1 and anything but POST error code 3 (cmi5 §8.2.3).
func (s *Server) fetch(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	l := s.fetches[strings.TrimPrefix(r.URL.Path, "/lms/fetch/")]
	var reply map[string]string
	switch {
	case l == nil:
	case r.Method != http.MethodPost:
		l.fetchOther++
		reply = map[string]string{"error-code": "3", "error-text": "the fetch URL must be POSTed"}
	default:
		l.fetchPosts++
		reply = map[string]string{"auth-token": l.Token}
		if l.fetchPosts > 1 {
			reply = map[string]string{"error-code": "1", "error-text": "the token was already handed out"}
		}
	}
	s.mu.Unlock()
	if l == nil {
		http.NotFound(w, r)
		return
	}
	writeJSON(w, http.StatusOK, reply)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// uuid returns a random (version 4) UUID.
func uuid() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

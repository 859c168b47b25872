package preview

import (
	"archive/zip"
	"bytes"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stacklet/stacklet/authoring"
)

// requireTool returns the path of a command the test needs. A missing tool
// skips the test locally and fails it under CI=true, where it must exist.
func requireTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is required under CI=true: %v", name, err)
		}
		t.Skipf("%s not installed: %v", name, err)
	}
	return path
}

func samplePackage() fstest.MapFS {
	return fstest.MapFS{
		"index.html":      {Data: []byte("<!doctype html><title>Module</title><p>module page</p>")},
		"player.js":       {Data: []byte("'use strict';")},
		"player.css":      {Data: []byte("body{}")},
		"theme.css":       {Data: []byte(":root{}")},
		"imsmanifest.xml": {Data: []byte("<manifest/>")},
		"media/photo.png": {Data: []byte("\x89PNG\r\n\x1a\nfake")},
		"media/clip.mp4":  {Data: bytes.Repeat([]byte("v"), 1000)},
		"media/caps.vtt":  {Data: []byte("WEBVTT\n")},
		"media/blob.bin":  {Data: []byte("<html>not html</html>")},
		"sub/index.html":  {Data: []byte("<p>sub page</p>")},
		"sub/page 2.html": {Data: []byte("<p>page two</p>")},
		"empty/.keep":     {Data: nil},
	}
}

func request(t *testing.T, h http.Handler, method, target string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	return rec
}

func TestRoutes(t *testing.T) {
	h := Handler(samplePackage(), Options{Format: authoring.FormatSCORM2004, Title: "Safety 101"})
	tests := []struct {
		name, method, target string
		status               int
		contentType, body    string
	}{
		{"SimulatorPage", "GET", "/", 200, "text/html; charset=utf-8", "Safety 101"},
		{"SimulatorPageHead", "HEAD", "/", 200, "text/html; charset=utf-8", ""},
		{"SimScript", "GET", "/sim/sim.js", 200, "text/javascript; charset=utf-8", "use strict"},
		{"StoreScript", "GET", "/sim/cmi.js", 200, "text/javascript; charset=utf-8", "createStore"},
		{"SimStyles", "GET", "/sim/sim.css", 200, "text/css; charset=utf-8", ".sim-main"},
		{"PageTemplateNotServed", "GET", "/sim/page.html", 404, "", ""},
		{"LaunchPage", "GET", "/pkg/index.html", 200, "text/html; charset=utf-8", "module page"},
		{"PlayerScript", "GET", "/pkg/player.js", 200, "text/javascript; charset=utf-8", "use strict"},
		{"PlayerStyles", "GET", "/pkg/player.css", 200, "text/css; charset=utf-8", "body{}"},
		{"Manifest", "GET", "/pkg/imsmanifest.xml", 200, "application/xml", "<manifest/>"},
		{"Image", "GET", "/pkg/media/photo.png", 200, "image/png", "PNG"},
		{"Video", "GET", "/pkg/media/clip.mp4", 200, "video/mp4", "vvv"},
		{"Captions", "GET", "/pkg/media/caps.vtt", 200, "text/vtt; charset=utf-8", "WEBVTT"},
		{"UnknownTypeIsNotSniffed", "GET", "/pkg/media/blob.bin", 200, "application/octet-stream", "not html"},
		{"EscapedName", "GET", "/pkg/sub/page%202.html", 200, "text/html; charset=utf-8", "page two"},
		{"DirectoryServesIndex", "GET", "/pkg/sub/", 200, "text/html; charset=utf-8", "sub page"},
		{"DirectoryWithoutIndexIsNotListed", "GET", "/pkg/empty/", 404, "", ""},
		{"PackageRootIsNotListed", "GET", "/pkg/", 200, "text/html; charset=utf-8", "module page"},
		{"MissingFile", "GET", "/pkg/nope.js", 404, "", ""},
		{"UnknownRoute", "GET", "/admin", 404, "", ""},
		{"PostRefused", "POST", "/", 405, "", ""},
		{"PutRefused", "PUT", "/pkg/index.html", 405, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := request(t, h, tt.method, tt.target)
			if rec.Code != tt.status {
				t.Fatalf("%s %s: status %d, want %d", tt.method, tt.target, rec.Code, tt.status)
			}
			if tt.status != 200 {
				return
			}
			if got := rec.Header().Get("Content-Type"); got != tt.contentType {
				t.Errorf("Content-Type %q, want %q", got, tt.contentType)
			}
			if got := rec.Header().Get("Cache-Control"); got != "no-store" {
				t.Errorf("Cache-Control %q, want no-store", got)
			}
			if !strings.Contains(rec.Body.String(), tt.body) {
				t.Errorf("body lacks %q:\n%s", tt.body, rec.Body.String())
			}
		})
	}
}

func TestPackageFilesSupportRanges(t *testing.T) {
	h := Handler(samplePackage(), Options{Format: authoring.FormatWeb})
	req := httptest.NewRequest("GET", "/pkg/media/clip.mp4", nil)
	req.Header.Set("Range", "bytes=10-19")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusPartialContent || rec.Body.Len() != 10 {
		t.Fatalf("range request: status %d, %d bytes; want 206 with 10 bytes", rec.Code, rec.Body.Len())
	}
	if got := rec.Header().Get("Content-Range"); got != "bytes 10-19/1000" {
		t.Errorf("Content-Range %q", got)
	}
}

func TestSimulatorPageFollowsOptions(t *testing.T) {
	tests := []struct {
		name   string
		opts   Options
		status int
		want   []string
		absent []string
	}{
		{"SCORM12", Options{Format: authoring.FormatSCORM12, Title: "Fire drill"}, 200,
			[]string{`data-format="scorm12"`, `data-launch="pkg/index.html"`, "<h1>Fire drill</h1>", "SCORM 1.2", "window.API</code>", `data-role="log"`},
			[]string{"API_1484_11", `data-role="storage"`}},
		{"SCORM2004", Options{Format: authoring.FormatSCORM2004, Title: "Fire drill"}, 200,
			[]string{`data-format="scorm2004"`, "SCORM 2004 4th edition", "window.API_1484_11</code>", `data-role="interactions"`},
			nil},
		{"Web", Options{Format: authoring.FormatWeb, Title: "Fire drill"}, 200,
			[]string{`data-format="web"`, "localStorage", `data-role="storage"`},
			[]string{"window.API", `data-role="log"`}},
		{"TitleIsEscaped", Options{Format: authoring.FormatWeb, Title: `<script>alert("x")</script>`}, 200,
			[]string{"&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;"},
			[]string{`<script>alert`}},
		{"EmptyTitleGetsOne", Options{Format: authoring.FormatWeb}, 200,
			[]string{"<h1>Untitled package</h1>"}, nil},
		{"LaunchWithQueryAndSpaces", Options{Format: authoring.FormatSCORM12, Launch: "sub/page 2.html?lang=fr"}, 200,
			[]string{`data-launch="pkg/sub/page%202.html?lang=fr"`}, nil},
		{"UnknownFormat", Options{Format: "pdf"}, 500, []string{"unknown format"}, nil},
		{"EmptyFormat", Options{}, 500, []string{"unknown format"}, nil},
		{"LaunchOutsidePackage", Options{Format: authoring.FormatWeb, Launch: "../index.html"}, 500, []string{"not a path inside the package"}, nil},
		{"LaunchMissing", Options{Format: authoring.FormatWeb, Launch: "start.html"}, 404, []string{`"start.html" is not in the package`}, nil},
		{"LaunchIsDirectory", Options{Format: authoring.FormatWeb, Launch: "sub"}, 404, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := request(t, Handler(samplePackage(), tt.opts), "GET", "/")
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body.String())
			}
			body := rec.Body.String()
			for _, s := range tt.want {
				if !strings.Contains(body, s) {
					t.Errorf("page lacks %q", s)
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(body, s) {
					t.Errorf("page has %q", s)
				}
			}
		})
	}
}

func TestValidateCodes(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		code string
	}{
		{"Valid", Options{Format: authoring.FormatSCORM12}, ""},
		{"UnknownFormat", Options{Format: "aicc"}, authoring.EINVALID},
		{"RootedLaunch", Options{Format: authoring.FormatWeb, Launch: "/index.html"}, authoring.EINVALID},
		{"BackslashLaunch", Options{Format: authoring.FormatWeb, Launch: `sub\index.html`}, authoring.EINVALID},
		{"MissingLaunch", Options{Format: authoring.FormatWeb, Launch: "none.html"}, authoring.ENOTFOUND},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := authoring.ErrorCode(Validate(samplePackage(), tt.opts)); got != tt.code {
				t.Errorf("code %q, want %q", got, tt.code)
			}
		})
	}
}

// TestPathTraversal serves a real directory next to a secret file and tries
// the usual ways out of it, through a real server and client.
func TestPathTraversal(t *testing.T) {
	dir := t.TempDir()
	const secret = "TOP-SECRET-CONTENT"
	mustWrite(t, filepath.Join(dir, "secret.txt"), secret)
	mustWrite(t, filepath.Join(dir, "pkg", "index.html"), "<p>inside</p>")
	srv := httptest.NewServer(Handler(os.DirFS(filepath.Join(dir, "pkg")), Options{Format: authoring.FormatWeb}))
	defer srv.Close()

	for _, target := range []string{
		"/pkg/../secret.txt",
		"/pkg/%2e%2e/secret.txt",
		"/pkg/..%2fsecret.txt",
		"/pkg/..%5csecret.txt",
		"/pkg/sub/../../secret.txt",
		"/pkg/%2Fsecret.txt",
		"/pkg/" + slashPath(filepath.Join(dir, "secret.txt")),
		"/sim/../pkg/../secret.txt",
	} {
		t.Run(target, func(t *testing.T) {
			resp, err := http.Get(srv.URL + target)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if strings.Contains(string(body), secret) {
				t.Fatalf("%s leaked the file outside the package (status %d)", target, resp.StatusCode)
			}
			if resp.StatusCode == http.StatusOK {
				t.Fatalf("%s: status 200, want a refusal", target)
			}
		})
	}

	// Behind the mux, which cleans paths, the file handler refuses bad names itself.
	files := fileHandler(os.DirFS(filepath.Join(dir, "pkg")))
	for _, name := range []string{"../secret.txt", `..\secret.txt`, "C:/secret.txt", "/secret.txt", "a//b"} {
		t.Run("FileHandler/"+name, func(t *testing.T) {
			req := httptest.NewRequest("GET", "/", nil)
			req.URL.Path = name
			rec := httptest.NewRecorder()
			files.ServeHTTP(rec, req)
			if rec.Code != http.StatusBadRequest {
				t.Errorf("status %d, want 400", rec.Code)
			}
		})
	}
}

func slashPath(path string) string { return strings.TrimPrefix(filepath.ToSlash(path), "/") }

func mustWrite(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func writeZip(t *testing.T, path string, files map[string]string, method uint16) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for _, name := range []string{"index.html", "player.js", "media/clip.mp4", "../escape.txt"} {
		content, ok := files[name]
		if !ok {
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, content); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestZipFS(t *testing.T) {
	files := map[string]string{
		"index.html":     "<p>zipped module</p>",
		"player.js":      "'use strict';",
		"media/clip.mp4": strings.Repeat("v", 5000),
		"../escape.txt":  "ESCAPED",
	}
	for _, method := range []uint16{zip.Deflate, zip.Store} {
		t.Run(map[uint16]string{zip.Deflate: "Deflate", zip.Store: "Store"}[method], func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "module.zip")
			writeZip(t, path, files, method)
			pkg, closer, err := ZipFS(path)
			if err != nil {
				t.Fatal(err)
			}
			defer closer.Close()
			h := Handler(pkg, Options{Format: authoring.FormatSCORM12, Title: "Zipped"})
			for target, want := range map[string]string{
				"/":                   "Zipped",
				"/pkg/index.html":     "zipped module",
				"/pkg/player.js":      "use strict",
				"/pkg/media/clip.mp4": "vvvv",
			} {
				rec := request(t, h, "GET", target)
				if rec.Code != 200 || !strings.Contains(rec.Body.String(), want) {
					t.Errorf("GET %s: status %d, body lacks %q", target, rec.Code, want)
				}
			}
			req := httptest.NewRequest("GET", "/pkg/media/clip.mp4", nil)
			req.Header.Set("Range", "bytes=4990-")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusPartialContent || rec.Body.Len() != 10 {
				t.Errorf("range over a zip entry: status %d, %d bytes", rec.Code, rec.Body.Len())
			}
			if _, err := fs.Stat(pkg, "../escape.txt"); err == nil {
				t.Error("an entry named ../escape.txt is reachable through the fs.FS")
			}
		})
	}
}

func TestZipFSErrors(t *testing.T) {
	dir := t.TempDir()
	notZip := filepath.Join(dir, "notes.zip")
	mustWrite(t, notZip, "this is text, not a zip")
	tests := []struct {
		name, path, code string
	}{
		{"Missing", filepath.Join(dir, "missing.zip"), authoring.ENOTFOUND},
		{"NotAZip", notZip, authoring.ECORRUPT},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pkg, closer, err := ZipFS(tt.path)
			if got := authoring.ErrorCode(err); got != tt.code {
				t.Fatalf("code %q (%v), want %q", got, err, tt.code)
			}
			if pkg != nil || closer != nil {
				t.Error("a failed ZipFS returned an fs or closer")
			}
		})
	}
}

var refRe = regexp.MustCompile(`(?i)\s(?:src|href|data|action|poster)\s*=\s*"([^"]*)"`)

// TestPageReferencesOnlyLocalAssets keeps the simulator offline: its page
// loads only its own /sim/ files and the package, under a strict CSP.
func TestPageReferencesOnlyLocalAssets(t *testing.T) {
	for _, format := range authoring.Formats {
		t.Run(string(format), func(t *testing.T) {
			h := Handler(samplePackage(), Options{Format: format})
			page := request(t, h, "GET", "/").Body.String()
			refs := refRe.FindAllStringSubmatch(page, -1)
			if len(refs) < 3 {
				t.Fatalf("found %d references, want the stylesheet and both scripts", len(refs))
			}
			for _, ref := range refs {
				target := ref[1]
				if !strings.HasPrefix(target, "sim/") {
					t.Errorf("page references %q, want only sim/ assets", target)
					continue
				}
				if rec := request(t, h, "GET", "/"+target); rec.Code != 200 {
					t.Errorf("%s: status %d", target, rec.Code)
				}
			}
			for _, s := range []string{"://", `"//`, "style=", "<script>", "onclick", "onload"} {
				if strings.Contains(page, s) {
					t.Errorf("page contains %q: no external, inline script or inline style references allowed", s)
				}
			}
			if !strings.Contains(page, `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self';`) {
				t.Error("page lacks the strict CSP meta tag")
			}
		})
	}
	for _, name := range []string{"sim.js", "cmi.js", "sim.css"} {
		data, err := static.ReadFile("static/" + name)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{"http:", "https:", "@import", "fetch(", "XMLHttpRequest", "innerHTML", "eval("} {
			if bytes.Contains(data, []byte(s)) {
				t.Errorf("%s contains %q", name, s)
			}
		}
	}
}

func TestSimulatorScriptsParse(t *testing.T) {
	node := requireTool(t, "node")
	dir := t.TempDir()
	for _, name := range []string{"sim.js", "cmi.js"} {
		t.Run(name, func(t *testing.T) {
			data, err := static.ReadFile("static/" + name)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			if out, err := exec.Command(node, "--check", path).CombinedOutput(); err != nil {
				t.Fatalf("node --check %s: %v\n%s", name, err, out)
			}
		})
	}
}

// TestCMIStore runs testdata/cmi_test.js: the simulated LMS's error codes and
// sessions, tested where they live, in JavaScript.
func TestCMIStore(t *testing.T) {
	node := requireTool(t, "node")
	out, err := exec.Command(node, "--test-reporter=tap", "testdata/cmi_test.js").CombinedOutput()
	if err != nil {
		t.Fatalf("testdata/cmi_test.js: %v\n%s", err, out)
	}
	if !bytes.Contains(out, []byte("# fail 0")) || bytes.Contains(out, []byte("# pass 0")) {
		t.Fatalf("unexpected node test output:\n%s", out)
	}
}

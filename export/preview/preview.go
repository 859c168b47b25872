// Package preview serves an exported package on a local address inside an
// LMS simulator: a page that frames the package, offers it the SCORM API it
// looks for and shows every call and the tracking data as they happen.
// stacklet-cli preview and the desktop app use it to let authors check
// tracking before uploading to an LMS.
package preview

import (
	"bytes"
	"embed"
	"html/template"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/stacklet/stacklet/authoring"
)

// Options says how the simulator presents a package.
type Options struct {
	Format authoring.Format // scorm12 | scorm2004 | web: which API the simulator exposes
	Title  string           // shown in the simulator header
	Launch string           // launch page inside pkg, default "index.html"
}

// DefaultLaunch is the launch page when Options.Launch is empty.
const DefaultLaunch = "index.html"

//go:embed static/sim.js static/cmi.js static/sim.css
var static embed.FS

//go:embed page.html
var pageSource string

var pageTemplate = template.Must(template.New("page").Parse(pageSource))

// Handler serves one exported package plus an LMS simulator page around it.
//
//	GET /            the simulator page (iframe with the package's launch page + live tracking panel)
//	GET /pkg/...     the package files (from pkg), with correct Content-Type, no caching
//	GET /sim/...     the simulator's own embedded JS/CSS
//
// The page links its assets relatively, so the handler also works mounted
// under a prefix with http.StripPrefix. Options errors are reported when the
// page is requested: Validate finds them earlier.
func Handler(pkg fs.FS, opts Options) http.Handler {
	opts = opts.withDefaults()
	assets, err := fs.Sub(static, "static")
	if err != nil {
		panic(err) // the embed pattern above guarantees the directory
	}
	mux := http.NewServeMux()
	mux.Handle("GET /{$}", pageHandler(pkg, opts))
	mux.Handle("GET /pkg/", http.StripPrefix("/pkg/", fileHandler(pkg)))
	mux.Handle("GET /sim/", http.StripPrefix("/sim/", fileHandler(assets)))
	return mux
}

// Validate reports what would keep the simulator page from working: an
// unknown format, a launch path outside the package or a missing launch page.
func Validate(pkg fs.FS, opts Options) error {
	opts = opts.withDefaults()
	if _, err := authoring.ParseFormat(string(opts.Format)); err != nil {
		return err
	}
	name := launchPath(opts.Launch)
	if !validName(name) {
		return authoring.Errorf(authoring.EINVALID, "launch page %q is not a path inside the package: use a relative path such as index.html", opts.Launch)
	}
	info, err := fs.Stat(pkg, name)
	if err != nil || info.IsDir() {
		return authoring.Errorf(authoring.ENOTFOUND, "launch page %q is not in the package: check the package or the launch path", opts.Launch)
	}
	return nil
}

func (o Options) withDefaults() Options {
	if o.Launch == "" {
		o.Launch = DefaultLaunch
	}
	if strings.TrimSpace(o.Title) == "" {
		o.Title = "Untitled package"
	}
	return o
}

// launchPath is the file part of a launch reference, which may carry a query
// or fragment as SCORM manifest hrefs do.
func launchPath(launch string) string {
	if i := strings.IndexAny(launch, "?#"); i >= 0 {
		return launch[:i]
	}
	return launch
}

// launchURL is the iframe's address relative to the simulator page.
func launchURL(launch string) string {
	name := launchPath(launch)
	segments := strings.Split(name, "/")
	for i, s := range segments {
		segments[i] = url.PathEscape(s)
	}
	return "pkg/" + strings.Join(segments, "/") + launch[len(name):]
}

// formatLabels names the formats in the simulator header.
var formatLabels = map[authoring.Format]string{
	authoring.FormatSCORM12:   "SCORM 1.2",
	authoring.FormatSCORM2004: "SCORM 2004 4th edition",
	authoring.FormatWeb:       "Web (no LMS)",
	// The simulator has no LRS: a cmi5 package says so and runs like web.
	authoring.FormatCMI5: "cmi5 (no LRS here: runs like web)",
}

type pageData struct {
	Title       string
	Format      authoring.Format
	FormatLabel string
	Launch      string
	LaunchURL   string
}

func pageHandler(pkg fs.FS, opts Options) http.Handler {
	var page bytes.Buffer
	renderErr := pageTemplate.Execute(&page, pageData{
		Title:       opts.Title,
		Format:      opts.Format,
		FormatLabel: formatLabels[opts.Format],
		Launch:      opts.Launch,
		LaunchURL:   launchURL(opts.Launch),
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Checked per request: the package on disk may change while serving.
		err := renderErr
		if err == nil {
			err = Validate(pkg, opts)
		}
		if err != nil {
			http.Error(w, "preview: "+authoring.ErrorMessage(err), statusFor(err))
			return
		}
		noStore(w.Header())
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Referrer-Policy", "no-referrer")
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(page.Bytes()))
	})
}

func statusFor(err error) int {
	switch authoring.ErrorCode(err) {
	case authoring.ENOTFOUND:
		return http.StatusNotFound
	default:
		return http.StatusInternalServerError
	}
}

// fileHandler serves the files of fsys by their slash-separated names; a
// directory serves its index.html and is never listed.
func fileHandler(fsys fs.FS) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimSuffix(r.URL.Path, "/")
		if name == "" {
			name = "."
		}
		if !validName(name) {
			http.Error(w, "preview: invalid file name", http.StatusBadRequest)
			return
		}
		content, err := openFile(fsys, name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		defer content.close()
		noStore(w.Header())
		w.Header().Set("Content-Type", contentType(content.name))
		w.Header().Set("X-Content-Type-Options", "nosniff")
		http.ServeContent(w, r, content.name, time.Time{}, content.data)
	})
}

// validName refuses names that could leave the package: fs.ValidPath already
// rejects "..", empty and rooted names; backslashes, colons and NULs are
// refused as well because os.DirFS on Windows would read them as separators
// or drive letters.
func validName(name string) bool {
	return fs.ValidPath(name) && !strings.ContainsAny(name, "\\:\x00")
}

type fileContent struct {
	name  string
	data  io.ReadSeeker
	close func() error
}

// openFile opens name, or name/index.html for a directory. Files that cannot
// seek (zip entries) are read into memory so ranges still work for media.
func openFile(fsys fs.FS, name string) (*fileContent, error) {
	info, err := fs.Stat(fsys, name)
	if err == nil && info.IsDir() {
		name = path.Join(name, "index.html")
		info, err = fs.Stat(fsys, name)
	}
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fs.ErrNotExist
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	if rs, ok := f.(io.ReadSeeker); ok {
		return &fileContent{name: name, data: rs, close: f.Close}, nil
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	return &fileContent{name: name, data: bytes.NewReader(data), close: func() error { return nil }}, nil
}

// noStore keeps browsers from caching: authors re-export and reload often.
func noStore(h http.Header) {
	h.Set("Cache-Control", "no-store")
}

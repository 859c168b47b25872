package medialib

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/stacklet/stacklet/app/mediafile"
	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/authoring"
)

// mediaExtensions narrows the file dialog to the types authoring.NewMedia
// accepts; NewMedia stays the judge of every file, dropped ones included.
var mediaExtensions = []string{".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg",
	".mp3", ".m4a", ".ogg", ".oga", ".wav", ".mp4", ".webm", ".ogv", ".vtt"}

// importResult is what one import added and what it refused, and why.
type importResult struct {
	added  []authoring.Media
	failed []string // "name: reason" per refused file
}

func (l *Library) onImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close()
		l.ImportURIs([]fyne.URI{r.URI()})
	}, l.opts.Window)
	d.SetFilter(storage.NewExtensionFileFilter(mediaExtensions))
	d.Show()
}

// ImportURIs adds the files at uris (from the file dialog or dropped on the
// window) to the library. Files are read off the UI goroutine, with a
// progress bar; each accepted file is one undo step, and refused files are
// listed in one error afterwards.
func (l *Library) ImportURIs(uris []fyne.URI) {
	if len(uris) == 0 || l.Import.Disabled() {
		return
	}
	l.Import.Disable()
	l.Progress.Max = float64(len(uris))
	l.Progress.SetValue(0)
	l.Progress.Show()
	go l.importAll(uris)
}

func (l *Library) importAll(uris []fyne.URI) {
	var res importResult
	for i, uri := range uris {
		data, err := readURI(l.opts.T, uri)
		fyne.DoAndWait(func() {
			l.Status.SetText(l.opts.T.F("MediaImporting", map[string]any{"Done": i + 1, "Total": len(uris), "Name": uri.Name()}))
			l.Status.Show()
			if err == nil {
				var m authoring.Media
				if m, err = l.opts.Session.AddMedia(uri.Name(), data); err == nil {
					res.added = append(res.added, m)
				}
			}
			if err != nil {
				res.failed = append(res.failed, uri.Name()+": "+authoring.ErrorMessage(err))
			}
			l.Progress.SetValue(float64(i + 1))
		})
	}
	fyne.Do(func() { l.importDone(res) })
}

// readURI reads one file to import. Its refusals are listed in the import
// failure dialog, so they are in the interface language.
func readURI(t *tr.T, uri fyne.URI) ([]byte, error) {
	if ok, _ := storage.CanList(uri); ok {
		return nil, authoring.Errorf(authoring.EINVALID, "%s", t.S("MediaImportFolder"))
	}
	r, err := storage.Reader(uri)
	if err != nil {
		return nil, authoring.Errorf(authoring.ENOTFOUND, "%s", t.F("MediaImportCannotOpen", map[string]any{"Detail": err.Error()}))
	}
	defer r.Close()
	data, err := mediafile.ReadAll(r, mediafile.MaxSize)
	switch {
	case errors.Is(err, mediafile.ErrTooLarge):
		return nil, authoring.Errorf(authoring.EINVALID, "%s", t.S("MediaImportTooLarge"))
	case err != nil:
		return nil, authoring.Errorf(authoring.EINVALID, "%s", t.F("MediaImportCannotRead", map[string]any{"Detail": err.Error()}))
	}
	return data, nil
}

func (l *Library) importDone(res importResult) {
	l.Import.Enable()
	l.Progress.Hide()
	l.Status.SetText(l.opts.T.N("MediaImported", len(res.added), nil))
	if len(res.added) > 0 {
		l.Select(res.added[len(res.added)-1].Hash)
	}
	if len(res.failed) > 0 {
		msg := l.opts.T.N("MediaImportFailed", len(res.failed), nil) + "\n\n" + strings.Join(res.failed, "\n")
		l.showError(&authoring.Error{Code: authoring.EINVALID, Message: msg})
	}
	select {
	case l.imported <- res:
	default:
	}
}

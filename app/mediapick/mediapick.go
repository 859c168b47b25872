// Package mediapick lets a designer choose a file of the media library for a
// block, the theme logo or a badge: thumbnails, file names, and an import
// button for a file not yet in the library.
package mediapick

import (
	"errors"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/mediafile"
	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/edit"
)

// Context is what a picker needs from the app.
type Context struct {
	T       *tr.T
	Session *edit.Session
	Window  fyne.Window
	OnError func(error)
}

// ThumbSize is the size of a thumbnail in pickers.
var ThumbSize = fyne.NewSize(96, 72)

// thumbs are the pickers' thumbnails, shared by every picker: twice
// ThumbSize for high-density screens, the latest few hundred kept.
var thumbs = mediafile.NewThumbs(192, 300)

// Thumb shows a media file: the kind's icon at once, replaced by a scaled
// picture for images once it is made off the UI goroutine.
func Thumb(s *edit.Session, m authoring.Media) *canvas.Image {
	img := canvas.NewImageFromResource(nil)
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(ThumbSize)
	thumbs.Show(img, s.Media(), m)
	return img
}

// KindIcon is the icon of a media kind ("image", "audio", "video", "captions",
// or "badge": an image fit for an Open Badge).
func KindIcon(kind string) fyne.Resource { return mediafile.KindIcon(kind) }

// extensions are the file types each kind of picker imports.
var extensions = map[string][]string{
	"image":    {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"},
	"audio":    {".mp3", ".m4a", ".ogg", ".oga", ".wav"},
	"video":    {".mp4", ".webm", ".ogv"},
	"captions": {".vtt"},
	"badge":    {".png", ".svg"}, // the image types Open Badges 3.0 allows
}

// Suits reports whether library file m can fill a picker of kind want.
func Suits(want string, m authoring.Media) bool {
	if want == "badge" {
		return m.Type == "image/png" || m.Type == "image/svg+xml"
	}
	return m.MediaKind() == want
}

// Picker shows the chosen file and a button to choose another.
type Picker struct {
	Choose *widget.Button // focusable: where a problem with the file takes the designer
	obj    fyne.CanvasObject
	thumb  *fyne.Container
}

// Object is the picker's canvas object.
func (p *Picker) Object() fyne.CanvasObject { return p.obj }

// New returns a picker for a file of kind want showing hash (may be "").
// optional pickers offer "None". onPick hears the new hash.
func New(c Context, want, hash string, optional bool, onPick func(hash string)) *Picker {
	name := widget.NewLabel(c.T.S("PickNone"))
	name.Truncation = fyne.TextTruncateEllipsis
	thumb := container.NewStack()
	show := func(h string) {
		thumb.Objects = nil
		if m, ok := c.Session.Project().MediaByHash(h); ok {
			name.SetText(m.Name)
			thumb.Objects = []fyne.CanvasObject{Thumb(c.Session, m)}
		} else {
			name.SetText(c.T.S("PickNone"))
			img := canvas.NewImageFromResource(KindIcon(want))
			img.FillMode = canvas.ImageFillContain
			img.SetMinSize(ThumbSize)
			thumb.Objects = []fyne.CanvasObject{img}
		}
		thumb.Refresh()
	}
	show(hash)
	choose := widget.NewButtonWithIcon(c.T.S("PickChoose"), theme.FolderOpenIcon(), func() {
		showLibrary(c, want, optional, func(h string) {
			show(h)
			onPick(h)
		})
	})
	obj := container.NewBorder(nil, nil, thumb, nil, container.NewVBox(name, container.NewHBox(choose)))
	return &Picker{Choose: choose, obj: obj, thumb: thumb}
}

// library is the dialog listing the library files of one kind, with an
// import button for a file not yet in it.
type library struct {
	c        Context
	want     string
	Import   *widget.Button
	Progress *widget.ProgressBarInfinite
	Status   *widget.Label
	content  fyne.CanvasObject
	choose   func(hash string)
	closed   bool // the dialog went away: an import still running picks nothing
}

func newLibrary(c Context, want string, optional bool, choose func(string)) *library {
	l := &library{c: c, want: want, choose: choose}
	var items []fyne.CanvasObject
	for _, m := range c.Session.Project().Media {
		if Suits(want, m) {
			items = append(items, tile(c, m, choose))
		}
	}
	var body fyne.CanvasObject = widget.NewLabel(c.T.S("PickEmpty"))
	if len(items) > 0 {
		body = container.NewGridWrap(fyne.NewSize(140, 130), items...)
	}
	l.Import = widget.NewButtonWithIcon(c.T.S("PickImport"), theme.UploadIcon(), l.onImport)
	l.Import.Importance = widget.HighImportance
	l.Progress = widget.NewProgressBarInfinite()
	l.Progress.Hide()
	l.Status = widget.NewLabel("")
	l.Status.Truncation = fyne.TextTruncateEllipsis
	l.Status.Hide()
	actions := container.NewHBox(l.Import)
	if optional {
		actions.Add(widget.NewButton(c.T.S("PickUseNone"), func() { choose("") }))
	}
	bottom := container.NewVBox(container.NewBorder(nil, nil, nil, nil, l.Progress), l.Status, actions)
	l.content = container.NewBorder(nil, bottom, nil, nil, container.NewVScroll(body))
	return l
}

// showLibrary opens the dialog listing the library files of kind want.
func showLibrary(c Context, want string, optional bool, pick func(string)) {
	var d dialog.Dialog
	l := newLibrary(c, want, optional, func(h string) {
		d.Hide()
		pick(h)
	})
	d = dialog.NewCustom(c.T.S("PickTitle"), c.T.S("CommonCancel"), l.content, c.Window)
	d.SetOnClosed(func() { l.closed = true })
	d.Resize(fyne.NewSize(660, 480))
	d.Show()
}

func tile(c Context, m authoring.Media, choose func(string)) fyne.CanvasObject {
	label := widget.NewLabel(m.Name)
	label.Truncation = fyne.TextTruncateEllipsis
	label.Alignment = fyne.TextAlignCenter
	btn := widget.NewButton("", func() { choose(m.Hash) })
	btn.Importance = widget.LowImportance
	return container.NewStack(btn, container.NewBorder(nil, label, nil, nil, Thumb(c.Session, m)))
}

// onImport asks for a file of the dialog's kind and imports it.
func (l *library) onImport() {
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			l.c.OnError(err)
			return
		}
		if r != nil { // nil: canceled
			l.importFrom(r.URI().Name(), r)
		}
	}, l.c.Window)
	fd.SetFilter(storage.NewExtensionFileFilter(withUpper(extensions[l.want])))
	fd.Show()
}

// importFrom adds the file name read from r to the library and picks it,
// showing progress and holding the import button while it reads.
func (l *library) importFrom(name string, r io.ReadCloser) {
	if l.Import.Disabled() {
		r.Close()
		return
	}
	l.Import.Disable()
	l.Status.SetText(l.c.T.F("MediaImporting", map[string]any{"Done": 1, "Total": 1, "Name": filepath.Base(name)}))
	l.Status.Show()
	l.Progress.Show()
	l.Progress.Start()
	Import(l.c, name, r, func(m authoring.Media, err error) {
		l.Import.Enable()
		l.Progress.Stop()
		l.Progress.Hide()
		l.Status.Hide()
		switch {
		case err != nil:
			l.c.OnError(err)
		case !l.closed:
			l.choose(m.Hash)
		}
	})
}

// maxImport is mediafile.MaxSize, the media library's limit; a variable
// so tests need not write a gigabyte.
var maxImport int64 = mediafile.MaxSize

// Import reads a file into the media library: r is read (and closed) off
// the UI goroutine, then the file is added on it, and done hears the
// result there. A file that cannot be read or is too large is refused in
// the interface language.
func Import(c Context, name string, r io.ReadCloser, done func(authoring.Media, error)) {
	name = filepath.Base(name)
	go func() {
		data, err := read(c.T, name, r)
		fyne.Do(func() {
			var m authoring.Media
			if err == nil {
				m, err = c.Session.AddMedia(name, data)
			}
			done(m, err)
		})
	}()
}

func read(t *tr.T, name string, r io.ReadCloser) ([]byte, error) {
	defer r.Close()
	data, err := mediafile.ReadAll(r, maxImport)
	switch {
	case errors.Is(err, mediafile.ErrTooLarge):
		return nil, authoring.Errorf(authoring.EINVALID, "%s", t.S("MediaImportTooLarge"))
	case err != nil:
		return nil, authoring.Errorf(authoring.EINVALID, "%s",
			t.F("PickCannotRead", map[string]any{"Name": name, "Detail": err.Error()}))
	}
	return data, nil
}

func withUpper(exts []string) []string {
	out := append([]string(nil), exts...)
	for _, e := range exts {
		out = append(out, strings.ToUpper(e))
	}
	return out
}

// Package mediapick lets a designer choose a file of the media library for a
// block, the theme logo or a badge: thumbnails, file names, and an import
// button for a file not yet in the library.
package mediapick

import (
	"context"
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

// Thumb shows a media file: the picture itself for images, else an icon.
func Thumb(s *edit.Session, m authoring.Media) fyne.CanvasObject {
	var img *canvas.Image
	if m.MediaKind() == "image" {
		if data, err := s.Media().ReadMedia(context.Background(), m.Hash); err == nil {
			img = canvas.NewImageFromResource(fyne.NewStaticResource(m.Name, data))
		}
	}
	if img == nil {
		img = canvas.NewImageFromResource(KindIcon(m.MediaKind()))
	}
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(ThumbSize)
	return img
}

// KindIcon is the icon of a media kind ("image", "audio", "video", "captions",
// or "badge": an image fit for an Open Badge).
func KindIcon(kind string) fyne.Resource {
	switch kind {
	case "image", "badge":
		return theme.FileImageIcon()
	case "audio":
		return theme.FileAudioIcon()
	case "video":
		return theme.FileVideoIcon()
	case "captions":
		return theme.FileTextIcon()
	}
	return theme.FileIcon()
}

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
	return &Picker{Choose: choose, obj: obj}
}

// showLibrary opens the dialog listing the library files of kind want.
func showLibrary(c Context, want string, optional bool, pick func(string)) {
	var d dialog.Dialog
	choose := func(h string) {
		d.Hide()
		pick(h)
	}
	var items []fyne.CanvasObject
	for _, m := range c.Session.Project().Media {
		if !Suits(want, m) {
			continue
		}
		items = append(items, tile(c, m, choose))
	}
	var body fyne.CanvasObject = widget.NewLabel(c.T.S("PickEmpty"))
	if len(items) > 0 {
		body = container.NewGridWrap(fyne.NewSize(140, 130), items...)
	}
	importBtn := widget.NewButtonWithIcon(c.T.S("PickImport"), theme.UploadIcon(), func() {
		importFile(c, want, func(m authoring.Media) { choose(m.Hash) })
	})
	importBtn.Importance = widget.HighImportance
	actions := container.NewHBox(importBtn)
	if optional {
		actions.Add(widget.NewButton(c.T.S("PickUseNone"), func() { choose("") }))
	}
	content := container.NewBorder(nil, actions, nil, nil, container.NewVScroll(body))
	d = dialog.NewCustom(c.T.S("PickTitle"), c.T.S("CommonCancel"), content, c.Window)
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

// importFile asks for a file of kind want and adds it to the library.
func importFile(c Context, want string, done func(authoring.Media)) {
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			c.OnError(err)
			return
		}
		if r == nil {
			return // canceled
		}
		defer r.Close()
		m, err := Import(c, r.URI().Name(), r)
		if err != nil {
			c.OnError(err)
			return
		}
		done(m)
	}, c.Window)
	fd.SetFilter(storage.NewExtensionFileFilter(withUpper(extensions[want])))
	fd.Show()
}

// Import reads a file into the media library. A file that cannot be read
// is refused in the interface language.
func Import(c Context, name string, r io.Reader) (authoring.Media, error) {
	name = filepath.Base(name)
	data, err := io.ReadAll(r)
	if err != nil {
		return authoring.Media{}, authoring.Errorf(authoring.EINVALID, "%s",
			c.T.F("PickCannotRead", map[string]any{"Name": name, "Detail": err.Error()}))
	}
	return c.Session.AddMedia(name, data)
}

func withUpper(exts []string) []string {
	out := append([]string(nil), exts...)
	for _, e := range exts {
		out = append(out, strings.ToUpper(e))
	}
	return out
}

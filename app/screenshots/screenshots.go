// Package screenshots renders the desktop app's main screens to PNG files
// in one interface language: the start screen, the module editor with a
// question selected, the export dialog, the settings, the media library,
// the credential editor and the translation overview.
//
// It drives the real app, built by app.New, in a window of Fyne's software
// driver (fyne.io/fyne/v2/test) and captures its canvas. Capturing an
// OpenGL window reads its front buffer, which Mesa leaves empty under Xvfb;
// the software painter draws the same widgets with the same fonts, needs
// no display at all, and gives the same pixels on every machine.
package screenshots

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"github.com/zalando/go-keyring"

	"github.com/stacklet/stacklet/app"
	"github.com/stacklet/stacklet/app/credential"
	"github.com/stacklet/stacklet/app/exportdialog"
	"github.com/stacklet/stacklet/app/host"
	"github.com/stacklet/stacklet/app/medialib"
	"github.com/stacklet/stacklet/app/prefs"
	"github.com/stacklet/stacklet/app/previewer"
	"github.com/stacklet/stacklet/app/review"
	"github.com/stacklet/stacklet/authoring"
)

// Options say what to render and where.
type Options struct {
	Out      string           // folder for the PNG files, created if missing
	Language authoring.Locale // interface language
	// Settle is how long each screen gets to lay out and load thumbnails
	// before it is captured: 1 s unless set.
	Settle time.Duration
}

// Render captures every screen in o.Language into o.Out.
func Render(o Options) error {
	if o.Settle <= 0 {
		o.Settle = time.Second
	}
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return err
	}
	// The same look on every machine: light theme, the asked language, and
	// no real keyring (its state differs per machine and may prompt).
	keyring.MockInit()
	fa := test.NewApp()
	defer fa.Quit()
	fa.Preferences().SetString(host.PrefLanguage, string(o.Language))
	fa.Preferences().SetString(host.PrefTheme, string(prefs.ThemeLight))

	r := &run{opts: o, fa: fa, media: make(chan *medialib.Library, 1)}
	r.app = app.New(fa, app.Options{Extensions: r.extensions()})
	r.app.Window().Resize(WindowSize)
	return r.script()
}

// WindowSize is the size of every screenshot, in pixels.
var WindowSize = fyne.NewSize(1280, 800)

// run is one rendering session.
type run struct {
	opts  Options
	fa    fyne.App
	app   *app.App
	media chan *medialib.Library // the library screen once shown
}

func (r *run) extensions() []host.Extension {
	return []host.Extension{
		exportdialog.Extension(),
		previewer.Extension(),
		medialib.ExtensionShowing(func(l *medialib.Library) {
			select {
			case r.media <- l:
			default:
			}
		}),
		credential.Extension(),
		review.Extension(),
		review.GlossaryExtension(),
		prefs.Extension(),
	}
}

// shot captures the window as name.png once the screen has settled
// (thumbnails load on goroutines of their own). A screen showing a catalog
// id with no text (⟦Id⟧) is refused: a picture of it would document a bug.
func (r *run) shot(name string) error {
	time.Sleep(r.opts.Settle)
	c := r.app.Window().Canvas()
	if ids := missingTexts(c); len(ids) > 0 {
		return fmt.Errorf("screenshot %s: texts missing from the %s catalogs: %s", name, r.opts.Language, strings.Join(ids, ", "))
	}
	restore := hideClippedEntries(c)
	img := c.Capture()
	restore()
	if err := writePNG(filepath.Join(r.opts.Out, name+".png"), img); err != nil {
		return fmt.Errorf("screenshot %s: %w", name, err)
	}
	return nil
}

// missingTexts lists the ⟦Id⟧ marks app/tr shows for ids a catalog lacks,
// on the window and its dialogs, sorted and once each.
func missingTexts(c fyne.Canvas) []string {
	roots := append([]fyne.CanvasObject{c.Content()}, c.Overlays().List()...)
	var ids []string
	for _, root := range roots {
		for _, o := range test.LaidOutObjects(root) {
			if text, ok := o.(*canvas.Text); ok && strings.Contains(text.Text, "⟦") && !slices.Contains(ids, text.Text) {
				ids = append(ids, text.Text)
			}
		}
	}
	slices.Sort(ids)
	return ids
}

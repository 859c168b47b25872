// Command stacklet is the desktop authoring app.
//
//	stacklet                  the start screen
//	stacklet FILE.stacklet    open a project
//	stacklet --sample         open your copy of the bundled sample (also STACKLET_SAMPLE=1)
package main

import (
	"flag"
	"os"

	fyneapp "fyne.io/fyne/v2/app"

	"github.com/stacklet/stacklet/app"
	"github.com/stacklet/stacklet/app/credential"
	"github.com/stacklet/stacklet/app/exportdialog"
	"github.com/stacklet/stacklet/app/host"
	"github.com/stacklet/stacklet/app/medialib"
	"github.com/stacklet/stacklet/app/prefs"
	"github.com/stacklet/stacklet/app/previewer"
	"github.com/stacklet/stacklet/app/review"
)

func main() {
	sample := flag.Bool("sample", false, "open a copy of the bundled sample project")
	flag.Parse()
	fa := fyneapp.NewWithID("io.stacklet.app")
	a := app.New(fa, app.Options{
		Open:       flag.Arg(0),
		Sample:     *sample || os.Getenv("STACKLET_SAMPLE") == "1",
		Extensions: extensions(),
	})
	a.ShowAndRun()
}

// extensions are the screens that plug into the app, in menu order.
func extensions() []host.Extension {
	return []host.Extension{
		exportdialog.Extension(),
		previewer.Extension(),
		medialib.Extension(),
		credential.Extension(),
		review.Extension(),
		review.GlossaryExtension(),
		prefs.Extension(),
	}
}

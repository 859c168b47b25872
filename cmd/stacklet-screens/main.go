// Command stacklet-screens renders screenshots of the desktop app's main
// screens in one or more interface languages, for the README and for
// reviewing translations. It draws with Fyne's software painter, so it
// needs no display (it runs as well under xvfb-run):
//
//	go run ./cmd/stacklet-screens
//
// The first language goes to docs/screenshots/*.png, every other one to
// docs/screenshots/<lang>/*.png.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/stacklet/stacklet/app/screenshots"
	"github.com/stacklet/stacklet/authoring"
)

func main() {
	out := flag.String("out", filepath.Join("docs", "screenshots"), "folder for the screenshots")
	langs := flag.String("langs", "en,de", "interface languages, comma-separated; the first goes straight into -out")
	flag.Parse()
	for i, l := range strings.Split(*langs, ",") {
		dir := *out
		if i > 0 {
			dir = filepath.Join(*out, l)
		}
		if err := screenshots.Render(screenshots.Options{Out: dir, Language: authoring.Locale(l)}); err != nil {
			fmt.Fprintf(os.Stderr, "stacklet-screens: %s: %v\n", l, err)
			os.Exit(1)
		}
		fmt.Println("wrote", dir)
	}
}

// Command stacklet is the desktop authoring app. Its Fyne window arrives with
// the desktop issue; until then it points designers to the CLI, which does
// every job the app will do.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "The Stacklet desktop window is not built yet.")
	fmt.Fprintln(os.Stderr, "Use stacklet-cli meanwhile: \"make run\" previews the bundled sample,")
	fmt.Fprintln(os.Stderr, "\"go run ./cmd/stacklet-cli --help\" lists every command.")
	os.Exit(2)
}

// Package assets holds the files bundled into Stacklet's programs. The sample
// project lives here in the project text form (see authoring/jsondump), so it
// diffs line by line in review and opens in the app without an import step.
package assets

import (
	"embed"
	"io/fs"
)

// Sample is the bundled sample project "Micro-credentials in 10 minutes",
// under the folder "sample". The "all:" prefix keeps every file, whatever
// its name, so the embedded folder is exactly the committed one.
//
//go:embed all:sample
var Sample embed.FS

// SampleFS returns the sample project folder itself: project.json,
// media.json, media/ and modules/ at its root.
func SampleFS() fs.FS {
	sub, err := fs.Sub(Sample, "sample")
	if err != nil {
		// fs.Sub fails only for an invalid path, and "sample" is a constant.
		panic(err)
	}
	return sub
}

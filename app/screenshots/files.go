package screenshots

import (
	"context"
	"image"
	"image/png"
	"os"

	"github.com/stacklet/stacklet/assets"
	"github.com/stacklet/stacklet/authoring/jsondump"
	"github.com/stacklet/stacklet/authoring/sqlite"
)

// writeSample makes a project file of the bundled sample at path.
func writeSample(path string) error {
	ctx := context.Background()
	p, media, err := jsondump.ReadFS(assets.SampleFS())
	if err != nil {
		return err
	}
	store, err := sqlite.Create(ctx, path, p)
	if err != nil {
		return err
	}
	if err := store.Replace(ctx, p, media); err != nil {
		store.Close()
		return err
	}
	return store.Close()
}

func writePNG(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

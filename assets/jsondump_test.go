package assets

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/jsondump"
)

// TestSampleRoundTrip reads the sample the way the app does and dumps it
// again: the dump must be the embedded folder, byte for byte.
func TestSampleRoundTrip(t *testing.T) {
	p, media, err := jsondump.ReadFS(SampleFS())
	if err != nil {
		t.Fatalf("jsondump.ReadFS(SampleFS()): %v", err)
	}
	if errs := authoring.Errors(p.ValidateProject()); len(errs) > 0 {
		t.Errorf("the sample as read by jsondump does not validate: %v", authoring.ProblemsError(errs))
	}
	bundle, err := jsondump.ReadBundleFS(SampleFS(), p)
	if err != nil {
		t.Fatalf("jsondump.ReadBundleFS(SampleFS()): %v", err)
	}
	dir := filepath.Join(t.TempDir(), "sample")
	if err := jsondump.WriteBundle(context.Background(), dir, p, media, bundle); err != nil {
		t.Fatalf("jsondump.WriteBundle: %v", err)
	}
	written := map[string]bool{}
	err = filepath.WalkDir(dir, func(full string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, full)
		name := filepath.ToSlash(rel)
		written[name] = true
		got, err := os.ReadFile(full)
		if err != nil {
			return err
		}
		want, err := fs.ReadFile(SampleFS(), name)
		if err != nil {
			t.Errorf("the dump writes %s, which the sample does not have", name)
			return nil
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs after read and write", name)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = fs.WalkDir(SampleFS(), ".", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !written[name] {
			t.Errorf("the sample has %s, which the dump does not write", name)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

package main

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCaptionCuesThroughXLIFF: a caption cue goes out in an XLIFF file,
// comes back translated, and the exported package's track carries it.
func TestCaptionCuesThroughXLIFF(t *testing.T) {
	const id = "m:issuing-and-verifying/b:b02-roles-video/captions/1"
	proj := sampleProject(t)
	file := filepath.Join(t.TempDir(), "es.xlf")
	mustCLI(t, "xliff", "export", proj, "--locale", "es", "--module", "issuing-and-verifying", "-o", file)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	unit := `<trans-unit id="` + id + `"`
	i := strings.Index(string(data), unit)
	if i < 0 || !strings.Contains(string(data[i:]), "<source>The issuer signs the credential.</source>") {
		t.Fatalf("no unit for the first cue:\n%.1500s", data)
	}
	rest := strings.Replace(string(data[i:]), `<target state="needs-translation"/>`, `<target state="translated">El emisor firma la credencial.</target>`, 1)
	if err := os.WriteFile(file, append(data[:i:i], rest...), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := mustCLI(t, "xliff", "import", proj, file); !strings.Contains(out, "1 applied") {
		t.Fatalf("import: %s", out)
	}
	dir := t.TempDir()
	mustCLI(t, "export", proj, "--module", "issuing-and-verifying", "--format", "web", "--locale", "es", "-o", dir)
	track := zipTrack(t, filepath.Join(dir, "issuing-and-verifying-web-es.zip"))
	if !strings.Contains(track, "\nEl emisor firma la credencial.\n") || !strings.Contains(track, "\nThe learner keeps it in a wallet.\n") {
		t.Errorf("track:\n%s", track)
	}
}

// zipTrack returns the one caption track of a package.
func zipTrack(t *testing.T, path string) string {
	t.Helper()
	r, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var tracks []string
	for _, f := range r.File {
		if !strings.HasSuffix(f.Name, ".vtt") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		tracks = append(tracks, string(data))
	}
	if len(tracks) != 1 {
		t.Fatalf("%d caption tracks in %s, want 1", len(tracks), path)
	}
	return tracks[0]
}

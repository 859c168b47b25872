package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestKeysNew(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "keys")
	out := mustCLI(t, "keys", "new", "-o", dir)
	if !strings.Contains(out, "did:key:z6Mk") {
		t.Fatalf("output names no did:key issuer:\n%s", out)
	}
	st, err := os.Stat(filepath.Join(dir, "issuer-key.json"))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("key file: %v, mode %v", err, st.Mode())
	}
	if _, err := os.Stat(filepath.Join(dir, "did.json")); err != nil {
		t.Fatal(err)
	}
	project := filepath.Join(t.TempDir(), "project")
	mustCLI(t, "dump", "--sample", project)
	tests := []struct {
		name string
		args []string
		exit int
	}{
		{"Overwrite", []string{"keys", "new", "-o", dir}, exitConflict},
		{"InsideProject", []string{"keys", "new", "-o", filepath.Join(project, "keys")}, exitInvalid},
		{"BadDIDWeb", []string{"keys", "new", "-o", filepath.Join(t.TempDir(), "k"), "--did-web", "https://example.org"}, exitInvalid},
		{"NoFolder", []string{"keys", "new"}, exitUsage},
		{"NoSubcommand", []string{"keys", "-o", dir}, exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code, out, errOut := cli(t, tt.args...); code != tt.exit {
				t.Fatalf("exit %d, want %d\n%s%s", code, tt.exit, out, errOut)
			}
		})
	}
}

func TestKeysNewDIDWeb(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "keys")
	out := mustCLI(t, "keys", "new", "-o", dir, "--did-web", "example.org/issuers/1")
	if !strings.Contains(out, "did:web:example.org:issuers:1") || !strings.Contains(out, "https://example.org/issuers/1/did.json") {
		t.Fatalf("output:\n%s", out)
	}
}

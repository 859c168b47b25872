package main

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

func TestExportStack(t *testing.T) {
	out := t.TempDir()
	var rows []exportRow
	stdout := mustCLI(t, "export", "--sample", "--format", "cmi5", "--credential", "micro-credentials-essentials", "-o", out, "--json")
	if err := json.Unmarshal([]byte(stdout), &rows); err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(out, "micro-credentials-essentials-stack-cmi5-en.zip")
	if len(rows) != 1 || rows[0].Path != want || rows[0].Credential != "micro-credentials-essentials" {
		t.Errorf("rows %+v, want one stack at %s", rows, want)
	}
}

func TestExportStackExitCodes(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"NotCMI5", []string{"--format", "scorm2004", "--credential", "micro-credentials-essentials"}, exitUsage},
		{"WithModule", []string{"--format", "cmi5", "--credential", "micro-credentials-essentials", "--module", "issuing-and-verifying"}, exitUsage},
		{"UnknownCredential", []string{"--format", "cmi5", "--credential", "nope"}, exitNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"export", "--sample", "-o", dir}, tt.args...)
			if code, out, errOut := cli(t, args...); code != tt.want {
				t.Errorf("exit %d, want %d\n%s%s", code, tt.want, out, errOut)
			}
		})
	}
}

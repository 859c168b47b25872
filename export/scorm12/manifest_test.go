package scorm12_test

import (
	"testing"

	"github.com/stacklet/stacklet/export/internal/cp/cptest"
	"github.com/stacklet/stacklet/export/scorm12"
	"github.com/stacklet/stacklet/internal/golden"
	"github.com/stacklet/stacklet/internal/testenv"
)

func TestManifestValidatesAndMatchesGolden(t *testing.T) {
	for _, rule := range cptest.Rules {
		t.Run(string(rule), func(t *testing.T) {
			out, err := scorm12.Manifest(cptest.Input(rule))
			if err != nil {
				t.Fatal(err)
			}
			golden.Assert(t, "manifest-"+string(rule), out)
			if ok, msg := testenv.Xmllint(t, testenv.SCORM12, out); !ok {
				t.Fatalf("xmllint rejects the manifest:\n%s", msg)
			}
		})
	}
}

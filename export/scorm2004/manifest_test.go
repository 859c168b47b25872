package scorm2004_test

import (
	"strings"
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/export/internal/cp/cptest"
	"github.com/stacklet/stacklet/export/scorm2004"
	"github.com/stacklet/stacklet/internal/golden"
	"github.com/stacklet/stacklet/internal/testenv"
)

func TestManifestValidatesAndMatchesGolden(t *testing.T) {
	for _, rule := range cptest.Rules {
		t.Run(string(rule), func(t *testing.T) {
			out, err := scorm2004.Manifest(cptest.Input(rule))
			if err != nil {
				t.Fatal(err)
			}
			golden.Assert(t, "manifest-"+string(rule), out)
			if ok, msg := testenv.Xmllint(t, testenv.SCORM2004, out); !ok {
				t.Fatalf("xmllint rejects the manifest:\n%s", msg)
			}
		})
	}
}

// TestSchemaCatchesMistakes proves the validation above can fail: a manifest
// with a wrong scormType value must be rejected.
func TestSchemaCatchesMistakes(t *testing.T) {
	out, err := scorm2004.Manifest(cptest.Input(authoring.CompleteWhenPassed))
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(out), `adlcp:scormType="sco"`, `adlcp:scormType="SCO"`, 1)
	if ok, _ := testenv.Xmllint(t, testenv.SCORM2004, []byte(bad)); ok {
		t.Fatal("xmllint accepted scormType=\"SCO\"")
	}
}

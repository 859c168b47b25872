package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Schema names a validation driver inside the standards folder.
type Schema struct {
	Driver  string // e.g. "scorm12/scorm12-validate.xsd"
	Catalog string // optional XML catalog, e.g. "scorm2004-4th/catalog.xml"
}

var (
	SCORM12   = Schema{Driver: "scorm12/scorm12-validate.xsd"}
	SCORM2004 = Schema{Driver: "scorm2004-4th/scorm2004-validate.xsd", Catalog: "scorm2004-4th/catalog.xml"}
)

// Xmllint validates doc against schema with xmllint --nonet and returns
// xmllint's output on failure.
func Xmllint(tb testing.TB, schema Schema, doc []byte) (ok bool, output string) {
	tb.Helper()
	bin := RequireTool(tb, "xmllint", "apt-get install libxml2-utils")
	std := Standards(tb)
	file := filepath.Join(tb.TempDir(), "doc.xml")
	if err := os.WriteFile(file, doc, 0o644); err != nil {
		tb.Fatal(err)
	}
	cmd := exec.Command(bin, "--noout", "--nonet", "--schema", filepath.Join(std, schema.Driver), file)
	cmd.Env = append(os.Environ(), "XML_CATALOG_FILES=")
	if schema.Catalog != "" {
		cmd.Env = append(os.Environ(), "XML_CATALOG_FILES="+filepath.Join(std, schema.Catalog))
	}
	out, err := cmd.CombinedOutput()
	return err == nil, string(out)
}

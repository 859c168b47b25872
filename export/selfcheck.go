package export

import (
	"bytes"
	"encoding/xml"
	"io"
	"sort"
	"strings"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/export/archive"
	"github.com/stacklet/stacklet/export/cmi5"
)

// SelfCheck confirms that a package is whole before it is written: every
// manifest reference exists, every file is listed, and the launch page is
// there. LMSs reject or half-run packages that break these rules, and the
// learning designer would only find out after an upload.
func SelfCheck(files []archive.File) error {
	present := map[string]bool{}
	var manifest []byte
	for _, f := range files {
		if !archive.ValidName(f.Name) {
			return authoring.Errorf(authoring.EINTERNAL, "package self-check: bad file name %q", f.Name)
		}
		present[f.Name] = true
		if f.Name == "imsmanifest.xml" {
			manifest = f.Data
		}
	}
	if !present[Launch] {
		return authoring.Errorf(authoring.EINTERNAL, "package self-check: %s is missing", Launch)
	}
	if manifest == nil {
		return nil // a web package has no manifest to agree with
	}
	refs, listed, err := manifestRefs(manifest)
	if err != nil {
		return authoring.Errorf(authoring.EINTERNAL, "package self-check: manifest is not well-formed XML: %v", err)
	}
	var problems []string
	for _, r := range refs {
		if !present[r] {
			problems = append(problems, "the manifest names "+r+" but the package lacks it")
		}
	}
	for name := range present {
		if name != "imsmanifest.xml" && !listed[name] {
			problems = append(problems, name+" is in the package but not listed in the manifest")
		}
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return authoring.Errorf(authoring.EINTERNAL, "package self-check failed:\n  - %s", strings.Join(problems, "\n  - "))
	}
	return nil
}

// checkWritten runs the self-checks again on a package as read back from
// disk, so what an LMS receives is what was checked.
func checkWritten(files []archive.File) error {
	if err := SelfCheck(files); err != nil {
		return err
	}
	for _, f := range files {
		if f.Name == cmi5.FileName {
			return cmi5.Check(files)
		}
	}
	return nil
}

// manifestRefs returns every href of a resource or file element, and the set
// of those listed as file elements.
func manifestRefs(manifest []byte) (refs []string, listed map[string]bool, err error) {
	listed = map[string]bool{}
	dec := xml.NewDecoder(bytes.NewReader(manifest))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return refs, listed, nil
		}
		if err != nil {
			return nil, nil, err
		}
		el, ok := tok.(xml.StartElement)
		if !ok || (el.Name.Local != "file" && el.Name.Local != "resource") {
			continue
		}
		for _, a := range el.Attr {
			if a.Name.Local == "href" && a.Name.Space == "" {
				refs = append(refs, a.Value)
				if el.Name.Local == "file" {
					listed[a.Value] = true
				}
			}
		}
	}
}

package cmi5

import (
	"encoding/xml"
	"net/url"
	"sort"
	"strings"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/export/archive"
)

// Check confirms a package agrees with its cmi5.xml before it is written:
// the file is at the root, every AU has an id, and every AU url is a
// relative path to a file of the package. An LMS imports a course with a
// broken AU without complaint and fails only when a learner launches it.
func Check(files []archive.File) error {
	present := map[string]bool{}
	var doc []byte
	for _, f := range files {
		present[f.Name] = true
		if f.Name == FileName {
			doc = f.Data
		}
	}
	if doc == nil {
		return authoring.Errorf(authoring.EINTERNAL, "package self-check: %s is missing", FileName)
	}
	var cs courseStructure
	if err := xml.Unmarshal(doc, &cs); err != nil {
		return authoring.Errorf(authoring.EINTERNAL, "package self-check: %s is not well-formed XML: %v", FileName, err)
	}
	problems := auProblems(cs.AUs, present)
	if len(problems) > 0 {
		sort.Strings(problems)
		return authoring.Errorf(authoring.EINTERNAL, "package self-check failed:\n  - %s", strings.Join(problems, "\n  - "))
	}
	return nil
}

func auProblems(aus []au, present map[string]bool) []string {
	if len(aus) == 0 {
		return []string{FileName + " has no AU"}
	}
	var problems []string
	seen := map[string]bool{}
	for _, a := range aus {
		if a.ID == "" || seen[a.ID] {
			problems = append(problems, "AU id "+quote(a.ID)+" is empty or repeated")
		}
		seen[a.ID] = true
		u, err := url.Parse(a.URL)
		switch {
		case err != nil || u.IsAbs() || u.Host != "" || strings.HasPrefix(a.URL, "/"):
			problems = append(problems, "AU url "+quote(a.URL)+" is not a relative path inside the package")
		case !present[u.Path]:
			problems = append(problems, "AU url "+quote(a.URL)+" names a file the package lacks")
		}
	}
	return problems
}

func quote(s string) string { return `"` + s + `"` }

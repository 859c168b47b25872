package cmi5

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/stacklet/stacklet/authoring"
)

// IRIBase roots every id Stacklet mints for cmi5. The ids only need to be
// unique and stable (the LMS matches a re-upload by course id, and the AU id
// becomes the publisher id in every statement's context); they are never
// fetched, so nothing has to be served there.
const IRIBase = "https://stacklet.io/xapi/"

// ModuleIRI is the AU id of a module. It is the same in a single-module
// course and in a stack, and in every language, so an LRS can compare
// results of one module across packages.
func ModuleIRI(p *authoring.Project, m *authoring.Module) string {
	return projectIRI(p) + "/modules/" + m.ID
}

// ModuleCourseIRI is the course id of a single-module package.
func ModuleCourseIRI(p *authoring.Project, m *authoring.Module) string {
	return projectIRI(p) + "/courses/" + m.ID
}

// CredentialCourseIRI is the course id of a stack: a credential's modules.
func CredentialCourseIRI(p *authoring.Project, c *authoring.Credential) string {
	return projectIRI(p) + "/credentials/" + c.ID
}

// projectIRI names the project by a slug of its title, like the SCORM
// manifest identifier; a title with no Latin letters or digits gets a short
// hash instead, so two such projects do not share ids.
func projectIRI(p *authoring.Project) string {
	s := slug(p.Title)
	if s == "" {
		sum := sha256.Sum256([]byte(p.Title))
		s = "p-" + hex.EncodeToString(sum[:6])
	}
	return IRIBase + s
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.Trim(b.String(), "-")
}

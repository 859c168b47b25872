// Package cp holds what SCORM 1.2 and SCORM 2004 manifests share: both are
// IMS Content Packages describing one module as one SCO.
package cp

import (
	"strings"

	"github.com/stacklet/stacklet/authoring"
)

// Input is what a manifest describes.
type Input struct {
	Project *authoring.Project
	Module  *authoring.Module
	Locale  authoring.Locale
	Launch  string   // the SCO's start page
	Files   []string // every file of the package except the manifest, sorted
}

// File is a <file href> entry of a resource.
type File struct {
	Href string `xml:"href,attr"`
}

// Files lists names as <file> entries.
func Files(names []string) []File {
	out := make([]File, len(names))
	for i, n := range names {
		out[i] = File{Href: n}
	}
	return out
}

// Identifier returns the manifest identifier: stable across exports of the
// same module so that an LMS recognises a re-upload as a new version.
func Identifier(p *authoring.Project, m *authoring.Module) string {
	return "stacklet-" + Slug(p.Title) + "-" + m.ID
}

// Slug returns s in lowercase ASCII letters and digits joined by single
// dashes: a stable key for identifiers derived from titles.
func Slug(s string) string {
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

// Mastered reports whether the manifest should carry a mastery score: only
// when passing graded questions is part of completing the module.
func Mastered(m *authoring.Module) bool {
	return m.Graded() && m.Completion != authoring.CompleteWhenViewed
}

// Package jsondump reads and writes a project as a folder of JSON files and
// media: the text form that fits in git, diffs line by line and round-trips
// byte for byte.
//
//	project.json          settings and module order
//	media.json            the media library, sorted by hash
//	media/<hash>.<ext>    media bytes
//	modules/<id>.json     one module with its blocks
//	translations/<l>.json one target locale's translations, sorted by segment id (optional)
//	glossary.json         the translation glossary, sorted by term (optional)
//	translation-styles.json  how each locale should sound, by locale (optional)
//
// All JSON is indented by two spaces, not HTML-escaped and ends in a newline,
// so the same project always gives the same bytes.
package jsondump

import (
	"bytes"
	"encoding/json"
	"path"
	"regexp"
	"strings"

	"github.com/stacklet/stacklet/authoring"
)

// Format and Version identify the folder layout in project.json. Version
// grows when an older Stacklet could no longer read a dump correctly.
const (
	Format  = "stacklet-project"
	Version = 1
)

// projectFile is project.json.
type projectFile struct {
	Format        string                 `json:"format"`
	Version       int                    `json:"version"`
	Title         string                 `json:"title"`
	SourceLocale  authoring.Locale       `json:"sourceLocale"`
	TargetLocales []authoring.Locale     `json:"targetLocales"`
	Theme         authoring.Theme        `json:"theme"`
	Credentials   []authoring.Credential `json:"credentials"`
	Modules       []string               `json:"modules"`
}

// The names a dump holds at its top level.
const (
	projectName = "project.json"
	mediaName   = "media.json"
	mediaDir    = "media"
	modulesDir  = "modules"
)

var (
	hashPattern = regexp.MustCompile(`^[0-9a-f]{64}$`)
	extPattern  = regexp.MustCompile(`^\.[a-z0-9]{1,8}$`)
)

// mediaPath is where a media file lives in the folder: its hash and the
// lowercase extension of the name it was imported as.
func mediaPath(m authoring.Media) string {
	return mediaDir + "/" + m.Hash + strings.ToLower(path.Ext(m.Name))
}

func modulePath(id string) string { return modulesDir + "/" + id + ".json" }

// checkMediaEntry refuses entries whose hash or name would make an unsafe or
// ambiguous file name in media/.
func checkMediaEntry(where string, m authoring.Media) error {
	if !hashPattern.MatchString(m.Hash) {
		return authoring.Errorf(authoring.EINVALID, "%s: media %q has hash %q, which is not a lowercase SHA-256", where, m.Name, m.Hash)
	}
	if !extPattern.MatchString(strings.ToLower(path.Ext(m.Name))) {
		return authoring.Errorf(authoring.EINVALID, "%s: media name %q needs a file extension such as .png", where, m.Name)
	}
	return nil
}

// checkModuleID refuses ids that would not make a safe file name in modules/.
func checkModuleID(where, id string) error {
	if !authoring.ValidID(id) {
		return authoring.Errorf(authoring.EINVALID, "%s: module id %q must be lowercase letters, digits, '-' or '_'", where, id)
	}
	return nil
}

// encode writes indented JSON without HTML escaping, ending in a newline.
func encode(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(v)
	return buf.Bytes(), err
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// normalModule gives nil lists as [] so that a module built in code and the
// same module loaded from a store dump to the same bytes.
func normalModule(m authoring.Module) authoring.Module {
	m.Outcomes, m.Keywords, m.Blocks = nonNil(m.Outcomes), nonNil(m.Keywords), nonNil(m.Blocks)
	return m
}

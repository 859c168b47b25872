// Package jsondump reads and writes a project as a folder of JSON files and
// media: the text form that fits in git, diffs line by line and round-trips
// byte for byte.
//
//	project.json          settings and module order
//	media.json            the media library, sorted by hash
//	media/<hash>.<ext>    media bytes
//	modules/<id>.json     one module with its blocks
package jsondump

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/stacklet/stacklet/authoring"
)

// Format and Version identify the folder layout in project.json.
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

// mediaPath is where a media file lives in the folder.
func mediaPath(m authoring.Media) string {
	return "media/" + m.Hash + strings.ToLower(path.Ext(m.Name))
}

// Write writes p into dir. The folder is built beside dir and swapped in at
// the end, so a failed dump leaves the previous one intact. dir must be
// absent, empty or a previous dump.
func Write(ctx context.Context, dir string, p *authoring.Project, media authoring.MediaSource) error {
	if err := checkTarget(dir); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(filepath.Clean(dir)), "."+filepath.Base(dir)+".tmp")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	files, err := render(ctx, p, media)
	if err != nil {
		return err
	}
	for name, data := range files {
		full := filepath.Join(tmp, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, data, 0o644); err != nil {
			return err
		}
	}
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	return os.Rename(tmp, dir)
}

func checkTarget(dir string) error {
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) || (err == nil && len(entries) == 0) {
		return nil
	}
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(dir, "project.json")); err != nil {
		return authoring.Errorf(authoring.ECONFLICT, "%s is not empty and holds no earlier dump: choose an empty folder", dir)
	}
	return nil
}

// render returns every file of the dump by slash path.
func render(ctx context.Context, p *authoring.Project, media authoring.MediaSource) (map[string][]byte, error) {
	files := map[string][]byte{}
	pf := projectFile{Format: Format, Version: Version, Title: p.Title, SourceLocale: p.SourceLocale,
		TargetLocales: nonNil(p.TargetLocales), Theme: p.Theme, Credentials: nonNil(p.Credentials), Modules: []string{}}
	for _, m := range p.Modules {
		pf.Modules = append(pf.Modules, m.ID)
		data, err := encode(m)
		if err != nil {
			return nil, fmt.Errorf("module %q: %w", m.ID, err)
		}
		files["modules/"+m.ID+".json"] = data
	}
	var err error
	if files["project.json"], err = encode(pf); err != nil {
		return nil, err
	}
	items := append([]authoring.Media{}, p.Media...)
	sort.Slice(items, func(i, j int) bool { return items[i].Hash < items[j].Hash })
	if files["media.json"], err = encode(items); err != nil {
		return nil, err
	}
	for _, m := range items {
		if files[mediaPath(m)], err = media.ReadMedia(ctx, m.Hash); err != nil {
			return nil, fmt.Errorf("media %q: %w", m.Name, err)
		}
	}
	return files, nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
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

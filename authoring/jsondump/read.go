package jsondump

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/stacklet/stacklet/authoring"
)

// Read reads the dump in dir.
func Read(dir string) (*authoring.Project, authoring.MediaSource, error) {
	return ReadFS(os.DirFS(dir))
}

// ReadFS reads a dump from fsys; the bundled sample is read this way from
// the binary. Media bytes are read on demand and checked against their hash.
func ReadFS(fsys fs.FS) (*authoring.Project, authoring.MediaSource, error) {
	var pf projectFile
	if err := decodeFile(fsys, "project.json", &pf); err != nil {
		return nil, nil, err
	}
	if pf.Format != Format {
		return nil, nil, authoring.Errorf(authoring.EINVALID, "project.json: format %q is not a Stacklet project dump", pf.Format)
	}
	if pf.Version > Version {
		return nil, nil, authoring.Errorf(authoring.EVERSION, "project.json: dump version %d is newer than this Stacklet reads (%d): update Stacklet", pf.Version, Version)
	}
	p := &authoring.Project{Title: pf.Title, SourceLocale: pf.SourceLocale, TargetLocales: pf.TargetLocales,
		Theme: pf.Theme, Credentials: pf.Credentials}
	if err := decodeFile(fsys, "media.json", &p.Media); err != nil {
		return nil, nil, err
	}
	src := &folderMedia{fsys: fsys, paths: map[string]string{}}
	for _, m := range p.Media {
		if _, err := fs.Stat(fsys, mediaPath(m)); err != nil {
			return nil, nil, authoring.Errorf(authoring.ECORRUPT, "media.json lists %q but %s is missing", m.Name, mediaPath(m))
		}
		src.paths[m.Hash] = mediaPath(m)
	}
	for _, id := range pf.Modules {
		var m authoring.Module
		if err := decodeFile(fsys, "modules/"+id+".json", &m); err != nil {
			return nil, nil, err
		}
		p.Modules = append(p.Modules, m)
	}
	return p, src, nil
}

// decodeFile reads one JSON file strictly: unknown fields and trailing data
// are errors that name the file and the line.
func decodeFile(fsys fs.FS, name string, v any) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return authoring.Errorf(authoring.EINVALID, "%s is missing from the project folder", name)
	}
	if err := Decode(data, v); err != nil {
		return authoring.Errorf(authoring.EINVALID, "%s: %v", name, err)
	}
	return nil
}

// Decode reads one JSON value strictly, reporting the line of a syntax error.
func Decode(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil && dec.More() {
		err = errors.New("unexpected data after the JSON value")
	}
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case err == nil:
		return nil
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return errors.New("the file ends too early: it is cut off")
	case errors.As(err, &syn):
		return fmt.Errorf("line %d: %v", line(data, syn.Offset), err)
	case errors.As(err, &typ):
		return fmt.Errorf("line %d: %v", line(data, typ.Offset), err)
	}
	return err
}

func line(data []byte, offset int64) int {
	return bytes.Count(data[:min(int(offset), len(data))], []byte("\n")) + 1
}

// folderMedia serves media bytes from a dump folder.
type folderMedia struct {
	fsys  fs.FS
	paths map[string]string
}

func (f *folderMedia) ReadMedia(_ context.Context, hash string) ([]byte, error) {
	path, ok := f.paths[hash]
	if !ok {
		return nil, authoring.Errorf(authoring.ENOTFOUND, "media %s is not in the project", hash)
	}
	data, err := fs.ReadFile(f.fsys, path)
	if err != nil {
		return nil, authoring.Errorf(authoring.ECORRUPT, "%s cannot be read: %v", path, err)
	}
	if authoring.HashMedia(data) != hash {
		return nil, authoring.Errorf(authoring.ECORRUPT, "%s does not match its hash: the file was changed", path)
	}
	return data, nil
}

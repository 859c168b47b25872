package jsondump

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/stacklet/stacklet/authoring"
)

// Read reads the dump in dir; see ReadFS. Messages name files relative to dir.
func Read(dir string) (*authoring.Project, authoring.MediaSource, error) {
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil, authoring.Errorf(authoring.ENOTFOUND, "dump folder %s not found", dir)
	case err != nil:
		return nil, nil, fmt.Errorf("read dump: %w", err)
	case !st.IsDir():
		return nil, nil, authoring.Errorf(authoring.EINVALID, "%s is a file, not a dump folder", dir)
	}
	p, media, err := ReadFS(os.DirFS(dir))
	var e *authoring.Error
	if errors.As(err, &e) {
		err = authoring.Errorf(e.Code, "dump %s: %s", dir, e.Message)
	}
	return p, media, err
}

// ReadFS reads a dump from fsys; the bundled sample is read this way from the
// binary. It checks everything an import relies on: the format version,
// strict JSON, that every listed module and media file is there and every
// file there is listed, and that each media file matches its hash and entry.
// Whether the project is fit to export is a separate question:
// authoring.Project.ValidateProject answers it.
func ReadFS(fsys fs.FS) (*authoring.Project, authoring.MediaSource, error) {
	pf, err := readHeader(fsys)
	if err != nil {
		return nil, nil, err
	}
	p := &authoring.Project{Title: pf.Title, SourceLocale: pf.SourceLocale, TargetLocales: pf.TargetLocales,
		Theme: pf.Theme, Credentials: pf.Credentials}
	src, err := readMedia(fsys, p)
	if err != nil {
		return nil, nil, err
	}
	if p.Modules, err = readModules(fsys, pf.Modules); err != nil {
		return nil, nil, err
	}
	return p, src, nil
}

// readHeader reads project.json, looking at format and version before
// decoding strictly: a newer dump's new fields deserve EVERSION, not
// "unknown field".
func readHeader(fsys fs.FS) (projectFile, error) {
	var pf projectFile
	data, err := readFile(fsys, projectName, "it is not a Stacklet dump folder")
	if err != nil {
		return pf, err
	}
	var head struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	if err := decodeLoose(projectName, data, &head); err != nil {
		return pf, err
	}
	switch {
	case head.Format != Format:
		return pf, authoring.Errorf(authoring.EINVALID, "%s: format %q is not %q: this is not a Stacklet project dump", projectName, head.Format, Format)
	case head.Version > Version:
		return pf, authoring.Errorf(authoring.EVERSION,
			"%s: dump version %d was written by a newer Stacklet (this version reads up to %d): update Stacklet", projectName, head.Version, Version)
	case head.Version < 1:
		return pf, authoring.Errorf(authoring.EINVALID, "%s: version %d is not a dump version", projectName, head.Version)
	}
	return pf, decodeStrict(projectName, data, &pf)
}

// readFile reads name, saying why it matters when it is missing.
func readFile(fsys fs.FS, name, whyNeeded string) ([]byte, error) {
	data, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, authoring.Errorf(authoring.EINVALID, "%s is missing: %s", name, whyNeeded)
	}
	if err != nil {
		return nil, authoring.Errorf(authoring.EINVALID, "%s cannot be read: %v", name, err)
	}
	return data, nil
}

// readMedia reads media.json into p.Media, sorted by hash, and checks each
// file's bytes against its entry.
func readMedia(fsys fs.FS, p *authoring.Project) (*folderMedia, error) {
	data, err := readFile(fsys, mediaName, "it lists the media library, [] when empty")
	if err != nil {
		return nil, err
	}
	if err := decodeStrict(mediaName, data, &p.Media); err != nil {
		return nil, err
	}
	slices.SortFunc(p.Media, func(a, b authoring.Media) int { return strings.Compare(a.Hash, b.Hash) })
	src := &folderMedia{fsys: fsys, paths: map[string]string{}}
	listed := map[string]bool{}
	for _, m := range p.Media {
		if err := checkMediaEntry(mediaName, m); err != nil {
			return nil, err
		}
		if src.paths[m.Hash] != "" {
			return nil, authoring.Errorf(authoring.EINVALID, "%s lists media %s twice", mediaName, m.Hash)
		}
		if err := verifyMedia(fsys, m); err != nil {
			return nil, err
		}
		src.paths[m.Hash] = mediaPath(m)
		listed[mediaPath(m)] = true
	}
	return src, checkAllListed(fsys, mediaDir, listed, mediaName)
}

// verifyMedia checks a media file against its media.json entry: present,
// the bytes the hash names, and the name, type and size Stacklet derives.
func verifyMedia(fsys fs.FS, m authoring.Media) error {
	file := mediaPath(m)
	data, err := fs.ReadFile(fsys, file)
	if errors.Is(err, fs.ErrNotExist) {
		return authoring.Errorf(authoring.ECORRUPT, "%s lists %q but %s is missing", mediaName, m.Name, file)
	}
	if err != nil {
		return authoring.Errorf(authoring.ECORRUPT, "%s cannot be read: %v", file, err)
	}
	if authoring.HashMedia(data) != m.Hash {
		return authoring.Errorf(authoring.ECORRUPT, "%s does not match its hash: the file was changed or damaged", file)
	}
	got, err := authoring.NewMedia(m.Name, data)
	if err != nil {
		return authoring.Errorf(authoring.EINVALID, "%s: %s", file, authoring.ErrorMessage(err))
	}
	if got != m {
		return authoring.Errorf(authoring.EINVALID, "%s describes %s as %q, %s, %d bytes, but it is %q, %s, %d bytes",
			mediaName, file, m.Name, m.Type, m.Size, got.Name, got.Type, got.Size)
	}
	return nil
}

// readModules reads the modules project.json lists, in that order.
func readModules(fsys fs.FS, ids []string) ([]authoring.Module, error) {
	var modules []authoring.Module
	listed := map[string]bool{}
	for _, id := range ids {
		if err := checkModuleID(projectName, id); err != nil {
			return nil, err
		}
		file := modulePath(id)
		if listed[file] {
			return nil, authoring.Errorf(authoring.EINVALID, "%s lists module %q twice", projectName, id)
		}
		listed[file] = true
		m, err := readModule(fsys, file, id)
		if err != nil {
			return nil, err
		}
		modules = append(modules, m)
	}
	return modules, checkAllListed(fsys, modulesDir, listed, projectName)
}

func readModule(fsys fs.FS, file, id string) (authoring.Module, error) {
	data, err := readFile(fsys, file, fmt.Sprintf("%s lists module %q", projectName, id))
	if err != nil {
		return authoring.Module{}, err
	}
	m, err := decodeModule(file, data)
	if err == nil && m.ID != id {
		err = authoring.Errorf(authoring.EINVALID, "%s holds module %q, not %q as its name says", file, m.ID, id)
	}
	return m, err
}

// checkAllListed refuses files in dir that the index file does not list:
// an import would drop them without a word, as after a git merge that added
// a module file but lost its line in project.json. Hidden files such as
// .DS_Store are not part of the dump and are skipped.
func checkAllListed(fsys fs.FS, dir string, listed map[string]bool, index string) error {
	entries, err := fs.ReadDir(fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return authoring.Errorf(authoring.EINVALID, "%s cannot be read: %v", dir, err)
	}
	for _, e := range entries {
		name := dir + "/" + e.Name()
		if !strings.HasPrefix(e.Name(), ".") && !listed[name] {
			return authoring.Errorf(authoring.EINVALID, "%s is not listed in %s: add it there or delete the file", name, index)
		}
	}
	return nil
}

// folderMedia serves media bytes from a dump folder.
type folderMedia struct {
	fsys  fs.FS
	paths map[string]string // hash to file
}

// ReadMedia reads a media file, checking its hash again: the folder may
// have changed since it was read.
func (f *folderMedia) ReadMedia(_ context.Context, hash string) ([]byte, error) {
	file, ok := f.paths[hash]
	if !ok {
		return nil, authoring.Errorf(authoring.ENOTFOUND, "media %s is not in the dump", hash)
	}
	data, err := fs.ReadFile(f.fsys, file)
	if err != nil {
		return nil, authoring.Errorf(authoring.ECORRUPT, "%s cannot be read: %v", file, err)
	}
	if authoring.HashMedia(data) != hash {
		return nil, authoring.Errorf(authoring.ECORRUPT, "%s does not match its hash: the file was changed or damaged", file)
	}
	return data, nil
}

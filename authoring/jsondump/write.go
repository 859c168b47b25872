package jsondump

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
)

// Write writes p as a dump folder at dir, reading media bytes from media.
//
// The folder is built beside dir and renamed into place, so a failed or
// canceled dump leaves dir as it was. dir may be absent, empty, or a previous
// dump, which is replaced whole. Any other folder is refused (ECONFLICT):
// replacing it would delete files Stacklet did not write. Keep a dump in its
// own folder, for example a subfolder of a git repository.
func Write(ctx context.Context, dir string, p *authoring.Project, media authoring.MediaSource) error {
	return WriteBundle(ctx, dir, p, media, nil)
}

// WriteBundle writes p as Write does, with the translations and glossary of
// b (nil for none) in translations/<locale>.json, glossary.json and
// translation-styles.json.
func WriteBundle(ctx context.Context, dir string, p *authoring.Project, media authoring.MediaSource, b *l10n.Bundle) error {
	// An absolute path has a real parent to build beside, even for ".".
	dir, err := filepath.Abs(dir)
	if err != nil {
		return fmt.Errorf("write dump: %w", err)
	}
	if err := checkTarget(dir); err != nil {
		return err
	}
	items, err := checkProject(p)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".tmp-*")
	if errors.Is(err, fs.ErrNotExist) {
		return authoring.Errorf(authoring.ENOTFOUND, "the folder %s does not exist", filepath.Dir(dir))
	}
	if err != nil {
		return fmt.Errorf("write dump: %w", err)
	}
	defer os.RemoveAll(tmp) // gone already after a successful swap
	// MkdirTemp makes a private folder; a dump is an ordinary one.
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fmt.Errorf("write dump: %w", err)
	}
	if err := writeTree(ctx, tmp, p, items, media); err != nil {
		return err
	}
	if err := writeBundle(tmp, p, b); err != nil {
		return err
	}
	return swap(tmp, dir)
}

// osLitter are files desktops drop into folders they show; a previous dump
// holding them is still a dump.
var osLitter = map[string]bool{".DS_Store": true, "Thumbs.db": true, "desktop.ini": true}

// checkTarget accepts an absent or empty folder, or a previous dump: a
// project.json of this format and nothing but dump files beside it.
func checkTarget(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		if st, statErr := os.Stat(dir); statErr == nil && !st.IsDir() {
			return authoring.Errorf(authoring.ECONFLICT, "%s is a file: choose a folder for the dump", dir)
		}
		return fmt.Errorf("write dump: %w", err)
	case len(entries) == 0:
		return nil
	}
	for _, e := range entries {
		switch name := e.Name(); {
		case name == projectName || name == mediaName || name == mediaDir || name == modulesDir || osLitter[name]:
		case name == translationsDir || name == glossaryName || name == stylesName:
		default:
			return notADump(dir, fmt.Sprintf("it holds %s", name))
		}
	}
	if _, err := readHeader(os.DirFS(dir)); err != nil {
		return notADump(dir, "its project.json is not a readable dump")
	}
	return nil
}

func notADump(dir, why string) error {
	return authoring.Errorf(authoring.ECONFLICT,
		"%s is not empty and is not a Stacklet dump (%s): choose a new or empty folder", dir, why)
}

// checkProject refuses what would make bad file names, and returns the
// media library sorted by hash.
func checkProject(p *authoring.Project) ([]authoring.Media, error) {
	seen := map[string]bool{}
	for _, m := range p.Modules {
		if err := checkModuleID("project", m.ID); err != nil {
			return nil, err
		}
		if seen[m.ID] {
			return nil, authoring.Errorf(authoring.EINVALID, "two modules have the id %q", m.ID)
		}
		seen[m.ID] = true
	}
	items := slices.Clone(p.Media)
	slices.SortFunc(items, func(a, b authoring.Media) int { return strings.Compare(a.Hash, b.Hash) })
	for i, m := range items {
		if err := checkMediaEntry("project", m); err != nil {
			return nil, err
		}
		if i > 0 && items[i-1].Hash == m.Hash {
			return nil, authoring.Errorf(authoring.EINVALID, "media %s is listed twice", m.Hash)
		}
	}
	return items, nil
}

// writeTree writes every file of the dump under root.
func writeTree(ctx context.Context, root string, p *authoring.Project, items []authoring.Media, media authoring.MediaSource) error {
	pf := projectFile{Format: Format, Version: Version, Title: p.Title, SourceLocale: p.SourceLocale,
		TargetLocales: nonNil(p.TargetLocales), Theme: p.Theme, Credentials: nonNil(p.Credentials), Modules: []string{}}
	if ctx.Err() != nil {
		return authoring.Errorf(authoring.ECANCELED, "the dump was canceled")
	}
	for _, m := range p.Modules {
		pf.Modules = append(pf.Modules, m.ID)
		if err := writeJSON(root, modulePath(m.ID), normalModule(m)); err != nil {
			return err
		}
	}
	if err := writeJSON(root, projectName, pf); err != nil {
		return err
	}
	if err := writeJSON(root, mediaName, nonNil(items)); err != nil {
		return err
	}
	for _, m := range items {
		if err := writeMedia(ctx, root, m, media); err != nil {
			return err
		}
	}
	return nil
}

func writeMedia(ctx context.Context, root string, m authoring.Media, media authoring.MediaSource) error {
	if ctx.Err() != nil {
		return authoring.Errorf(authoring.ECANCELED, "the dump was canceled")
	}
	data, err := media.ReadMedia(ctx, m.Hash)
	if err != nil {
		return fmt.Errorf("media %q: %w", m.Name, err)
	}
	if authoring.HashMedia(data) != m.Hash {
		return authoring.Errorf(authoring.ECORRUPT, "media %q does not match its hash %s: its bytes were damaged", m.Name, m.Hash)
	}
	return writeFile(root, mediaPath(m), data)
}

func writeJSON(root, name string, v any) error {
	data, err := encode(v)
	if err != nil { // a block without content, for one
		return authoring.Errorf(authoring.EINVALID, "%s cannot be written: %v", name, err)
	}
	return writeFile(root, name, data)
}

// writeFile writes and syncs one file, so that after the rename the dump
// is on disk rather than only in the cache.
func writeFile(root, name string, data []byte) error {
	full := filepath.Join(root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	return errors.Join(err, f.Close())
}

// swap puts the finished folder tmp at dir. A previous dump is moved aside
// first and put back if the second rename fails, so dir is never lost.
func swap(tmp, dir string) error {
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(tmp, dir)
	}
	old := tmp + ".old"
	if err := os.Rename(dir, old); err != nil {
		return fmt.Errorf("write dump: %w", err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		return errors.Join(fmt.Errorf("write dump: %w", err), os.Rename(old, dir))
	}
	return os.RemoveAll(old)
}

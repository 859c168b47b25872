package vc

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/stacklet/stacklet/authoring"
)

// writeTemp writes a complete file next to path under a temporary name and
// returns that name; the caller moves it into place.
func writeTemp(path string, data []byte, mode os.FileMode) (string, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-"+filepath.Base(path)+"-*")
	if err != nil {
		return "", err
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(mode)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	return tmp.Name(), nil
}

// writeNew creates path with data, atomically and never over an existing
// file: the complete temporary file is hard-linked to the new name.
func writeNew(path string, data []byte, mode os.FileMode) error {
	tmp, err := writeTemp(path, data, mode)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if err := os.Link(tmp, path); errors.Is(err, fs.ErrExist) {
		return authoring.Errorf(authoring.ECONFLICT, "%s already exists: Stacklet does not overwrite it", path)
	} else if err != nil {
		return err
	}
	return nil
}

// writeReplace writes path atomically: readers see the old or the new file,
// never half of one.
func writeReplace(path string, data []byte, mode os.FileMode) error {
	tmp, err := writeTemp(path, data, mode)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

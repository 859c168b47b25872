package preview

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/stacklet/stacklet/authoring"
)

// ZipFS opens a package zip as an fs.FS (archive/zip), for serving a .zip
// directly. Close the returned io.Closer when done serving.
func ZipFS(path string) (fs.FS, io.Closer, error) {
	r, err := zip.OpenReader(path)
	switch {
	case errors.Is(err, zip.ErrInsecurePath):
		// Entries such as "../x" are never reachable through fs.FS; the
		// rest of the package can still be previewed.
		return r, r, nil
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil, authoring.Errorf(authoring.ENOTFOUND, "package %s does not exist", path)
	case errors.Is(err, zip.ErrFormat), errors.Is(err, zip.ErrAlgorithm), errors.Is(err, zip.ErrChecksum):
		return nil, nil, authoring.Errorf(authoring.ECORRUPT, "package %s is not a valid zip file: %v", path, err)
	case err != nil:
		return nil, nil, fmt.Errorf("open package %s: %w", path, err)
	}
	return r, r, nil
}

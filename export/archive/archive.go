// Package archive writes deterministic zip files: the same files always give
// the same bytes, so a re-export of an unchanged module diffs clean and LMS
// administrators can compare packages by checksum.
package archive

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// File is one entry of a package.
type File struct {
	Name string // slash-separated path inside the zip
	Data []byte
}

// fixedTime is the modification time of every entry; any fixed value works,
// this one is after the 1980 DOS epoch so every zip tool shows it.
var fixedTime = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// storedExts are formats that are already compressed: deflating them again
// costs time and gains nothing.
var storedExts = map[string]bool{
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true,
	".mp3": true, ".m4a": true, ".ogg": true, ".oga": true, ".mp4": true,
	".webm": true, ".ogv": true, ".zip": true,
}

// Sort orders files by name, the order they are written in.
func Sort(files []File) {
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
}

// Write writes files to w as a zip in name order.
func Write(w io.Writer, files []File) error {
	sorted := append([]File(nil), files...)
	Sort(sorted)
	zw := zip.NewWriter(w)
	for i, f := range sorted {
		if i > 0 && sorted[i-1].Name == f.Name {
			return fmt.Errorf("zip: duplicate entry %q", f.Name)
		}
		if err := add(zw, f); err != nil {
			return err
		}
	}
	return zw.Close()
}

func add(zw *zip.Writer, f File) error {
	if !ValidName(f.Name) {
		return fmt.Errorf("zip: bad entry name %q", f.Name)
	}
	method := zip.Deflate
	if storedExts[strings.ToLower(path.Ext(f.Name))] {
		method = zip.Store
	}
	hdr := &zip.FileHeader{Name: f.Name, Method: method}
	hdr.SetMode(0o644)
	hdr.SetModTime(fixedTime) // the legacy DOS field only: no extra timestamp field
	fw, err := zw.CreateHeader(hdr)
	if err != nil {
		return fmt.Errorf("zip: %s: %w", f.Name, err)
	}
	_, err = fw.Write(f.Data)
	return err
}

// ValidName reports whether name is a clean relative path that stays inside
// the package (no "..", no leading slash, no empty parts).
func ValidName(name string) bool {
	return name != "" && !strings.HasPrefix(name, "/") && path.Clean(name) == name &&
		name != ".." && !strings.HasPrefix(name, "../")
}

// WriteFileAtomic writes the zip to a temporary file next to dst and renames
// it into place only when complete, so an interrupted export (Ctrl+C, a full
// disk) never leaves a half-written package where an LMS admin would find it.
// Before the rename the file is read back: every entry must come out as it
// went in, and check (when not nil) judges the entries as read from disk.
func WriteFileAtomic(ctx context.Context, dst string, files []File, check func([]File) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(dst), "."+filepath.Base(dst)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = Write(tmp, files); err != nil {
		return err
	}
	if err = ctx.Err(); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil { // CreateTemp makes 0600; packages are shared
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = verifyWritten(tmp.Name(), files, check); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), dst)
}

// verifyWritten reads the zip at path back and compares it with files.
func verifyWritten(path string, files []File, check func([]File) error) error {
	written, err := ReadAll(path)
	if err != nil {
		return fmt.Errorf("read back %s: %w", filepath.Base(path), err)
	}
	want := append([]File(nil), files...)
	Sort(want)
	if len(written) != len(want) {
		return fmt.Errorf("read back: %d entries written, %d expected", len(written), len(want))
	}
	for i, f := range written {
		if f.Name != want[i].Name || !bytes.Equal(f.Data, want[i].Data) {
			return fmt.Errorf("read back: entry %d is %q, expected %q with the same bytes", i+1, f.Name, want[i].Name)
		}
	}
	if check == nil {
		return nil
	}
	return check(written)
}

// ReadAll returns every entry of the zip file at path in the zip's order.
// Reading each entry in full makes archive/zip verify its CRC-32.
func ReadAll(path string) ([]File, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	files := make([]File, 0, len(zr.File))
	for _, zf := range zr.File {
		data, err := readEntry(zf)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", zf.Name, err)
		}
		files = append(files, File{Name: zf.Name, Data: data})
	}
	return files, nil
}

func readEntry(zf *zip.File) ([]byte, error) {
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

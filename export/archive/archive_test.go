package archive

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestWriteIsDeterministicAndSorted(t *testing.T) {
	a := []File{{"b.txt", []byte("bee")}, {"a/img.png", []byte("png")}, {"a.html", []byte("<p>")}}
	b := []File{a[2], a[0], a[1]}
	var x, y bytes.Buffer
	if err := Write(&x, a); err != nil {
		t.Fatal(err)
	}
	if err := Write(&y, b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(x.Bytes(), y.Bytes()) {
		t.Fatal("same files in another order gave different bytes")
	}
	zr, err := zip.NewReader(bytes.NewReader(x.Bytes()), int64(x.Len()))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a.html", "a/img.png", "b.txt"}
	for i, f := range zr.File {
		if f.Name != want[i] {
			t.Errorf("entry %d = %q, want %q", i, f.Name, want[i])
		}
		if !f.Modified.Equal(fixedTime) {
			t.Errorf("%s: modified %v", f.Name, f.Modified)
		}
	}
	if zr.File[1].Method != zip.Store || zr.File[0].Method != zip.Deflate {
		t.Error("png should be stored and html deflated")
	}
}

func TestWriteRejectsBadNames(t *testing.T) {
	for _, name := range []string{"", "/abs", "../up", "a//b", "dup"} {
		files := []File{{name, nil}}
		if name == "dup" {
			files = append(files, File{"dup", nil})
		}
		if err := Write(&bytes.Buffer{}, files); err == nil {
			t.Errorf("%q: no error", name)
		}
	}
}

func TestWriteFileAtomicLeavesNothingOnCancel(t *testing.T) {
	dir := t.TempDir()
	dst := filepath.Join(dir, "pkg.zip")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := WriteFileAtomic(ctx, dst, []File{{"a", []byte("x")}}, nil); err == nil {
		t.Fatal("canceled write succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Fatalf("left %d files behind", len(entries))
	}
	if err := WriteFileAtomic(context.Background(), dst, []File{{"a", []byte("x")}}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := zip.OpenReader(dst); err != nil {
		t.Fatal(err)
	}
}

// TestWriteFileAtomicChecksWhatIsOnDisk: the check sees the entries read back
// from the written file, and a failed check leaves no package behind.
func TestWriteFileAtomicChecksWhatIsOnDisk(t *testing.T) {
	dir := t.TempDir()
	dst := filepath.Join(dir, "pkg.zip")
	files := []File{{"b.txt", []byte("second")}, {"a.txt", []byte("first")}}
	var seen []File
	record := func(written []File) error { seen = written; return nil }
	if err := WriteFileAtomic(context.Background(), dst, files, record); err != nil {
		t.Fatal(err)
	}
	onDisk, err := ReadAll(dst)
	if err != nil {
		t.Fatal(err)
	}
	want := []File{{"a.txt", []byte("first")}, {"b.txt", []byte("second")}}
	if !reflect.DeepEqual(seen, want) || !reflect.DeepEqual(onDisk, want) {
		t.Errorf("check saw %q, disk holds %q, want %q", seen, onDisk, want)
	}

	refused := filepath.Join(dir, "refused.zip")
	refuse := func([]File) error { return errors.New("manifest names a missing file") }
	if err := WriteFileAtomic(context.Background(), refused, files, refuse); err == nil {
		t.Fatal("a failed check still wrote the package")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("a failed check left %d files, want only pkg.zip", len(entries))
	}
}

func TestReadAllRejectsACorruptEntry(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "pkg.zip")
	if err := WriteFileAtomic(context.Background(), dst, []File{{"a.txt", bytes.Repeat([]byte("stacklet "), 50)}}, nil); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(dst)
	if err != nil {
		t.Fatal(err)
	}
	at, err := zr.File[0].DataOffset()
	zr.Close()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(dst)
	if err != nil {
		t.Fatal(err)
	}
	data[at+2] ^= 0xff // inside the entry's compressed bytes
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadAll(dst); err == nil {
		t.Error("a damaged entry read back without error")
	}
}

package vc

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stacklet/stacklet/authoring"
)

func TestMultibaseRoundTrip(t *testing.T) {
	for _, data := range [][]byte{{}, {0}, {0, 0, 1}, {0xff, 0x00, 0x10}, bytes.Repeat([]byte{0xab}, 64)} {
		s := encodeMultibase(data)
		got, err := decodeMultibase(s, "test")
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("%x -> %s -> %x, %v", data, s, got, err)
		}
	}
	// Known vector: base58btc of "hello world" is StV1DL6CwTryKyV.
	if got := encodeMultibase([]byte("hello world")); got != "zStV1DL6CwTryKyV" {
		t.Errorf("hello world encodes as %s", got)
	}
}

func TestDIDKeyIsEd25519Multikey(t *testing.T) {
	k, err := NewKey(rand.Reader, "")
	if err != nil {
		t.Fatal(err)
	}
	// Every Ed25519 did:key starts z6Mk: the 0xed01 prefix in base58btc.
	if !strings.HasPrefix(k.DID, "did:key:z6Mk") || k.VerificationMethod() != k.DID+"#"+k.PublicMultibase() {
		t.Fatalf("did %s, verification method %s", k.DID, k.VerificationMethod())
	}
	pub, err := Resolver{}.Resolve(k.VerificationMethod())
	if err != nil || !bytes.Equal(pub, k.Public()) {
		t.Fatalf("resolving the did:key gives %x, %v", pub, err)
	}
}

func TestDIDWeb(t *testing.T) {
	tests := []struct{ in, did, url string }{
		{"example.org", "did:web:example.org", "https://example.org/.well-known/did.json"},
		{"example.org:8443/issuers/1", "did:web:example.org%3A8443:issuers:1", "https://example.org:8443/issuers/1/did.json"},
	}
	for _, tt := range tests {
		did, err := DIDWeb(tt.in)
		if err != nil || did != tt.did || DIDWebURL(did) != tt.url {
			t.Errorf("%s: %s %s %v", tt.in, did, DIDWebURL(did), err)
		}
	}
	for _, bad := range []string{"", "https://example.org", "exa mple.org", "/path"} {
		_, err := DIDWeb(bad)
		wantCode(t, err, authoring.EINVALID, "")
	}
}

func TestWriteReadKey(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "keys")
	k := testKey(t)
	keyPath, didPath, err := WriteKey(dir, k)
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(keyPath); st.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %04o, want 0600", st.Mode().Perm())
	}
	got, err := ReadKey(keyPath)
	if err != nil || got.DID != k.DID || !bytes.Equal(got.priv, k.priv) {
		t.Fatalf("read back %+v, %v", got, err)
	}
	data, _ := os.ReadFile(didPath)
	doc, err := ReadDIDDocument(data)
	if err != nil || doc.ID != k.DID || doc.AssertionMethod[0] != k.VerificationMethod() {
		t.Fatalf("did.json %s, %v", data, err)
	}
}

func TestWriteKeyRefuses(t *testing.T) {
	t.Run("Overwrite", func(t *testing.T) {
		dir := t.TempDir()
		if _, _, err := WriteKey(dir, testKey(t)); err != nil {
			t.Fatal(err)
		}
		before, _ := os.ReadFile(filepath.Join(dir, KeyFileName))
		_, _, err := WriteKey(dir, testKey(t))
		wantCode(t, err, authoring.ECONFLICT, "")
		if after, _ := os.ReadFile(filepath.Join(dir, KeyFileName)); !bytes.Equal(before, after) {
			t.Fatal("the existing key was changed")
		}
	})
	t.Run("InsideProject", func(t *testing.T) {
		project := t.TempDir()
		os.WriteFile(filepath.Join(project, "project.json"), []byte(`{"format": "stacklet-project"}`), 0o644)
		_, _, err := WriteKey(filepath.Join(project, "media", "keys"), testKey(t))
		wantCode(t, err, authoring.EINVALID, "")
	})
}

func TestReadKeyRefuses(t *testing.T) {
	write := func(t *testing.T, mode os.FileMode, change func(f map[string]any)) string {
		path := filepath.Join(t.TempDir(), KeyFileName)
		var f map[string]any
		raw, _ := json.Marshal(testKey(t).file())
		json.Unmarshal(raw, &f)
		change(f)
		raw, _ = json.Marshal(f)
		if err := os.WriteFile(path, raw, mode); err != nil {
			t.Fatal(err)
		}
		os.Chmod(path, mode)
		return path
	}
	same := func(map[string]any) {}
	tests := []struct {
		name string
		path func(t *testing.T) string
		code string
	}{
		{"GroupReadable", func(t *testing.T) string { return write(t, 0o640, same) }, authoring.EINVALID},
		{"WorldReadable", func(t *testing.T) string { return write(t, 0o604, same) }, authoring.EINVALID},
		{"Missing", func(t *testing.T) string { return filepath.Join(t.TempDir(), "none.json") }, authoring.ENOTFOUND},
		{"OtherPublicKey", func(t *testing.T) string {
			return write(t, 0o600, func(f map[string]any) { f["publicKeyMultibase"] = "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK" })
		}, authoring.ECORRUPT},
		{"OtherController", func(t *testing.T) string {
			return write(t, 0o600, func(f map[string]any) { f["controller"] = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK" })
		}, authoring.ECORRUPT},
		{"NotMultikey", func(t *testing.T) string { return write(t, 0o600, func(f map[string]any) { f["type"] = "JsonWebKey" }) }, authoring.ECORRUPT},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadKey(tt.path(t))
			wantCode(t, err, tt.code, "")
		})
	}
}

func TestResolverDIDWeb(t *testing.T) {
	k, err := NewKey(bytes.NewReader(bytes.Repeat([]byte{3}, 32)), "example.org")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Resolver{}.Resolve(k.VerificationMethod())
	wantCode(t, err, authoring.ENOTFOUND, ReasonKey)
	pub, err := Resolver{Docs: []DIDDocument{k.Document()}}.Resolve(k.VerificationMethod())
	if err != nil || !bytes.Equal(pub, k.Public()) {
		t.Fatalf("resolved %x, %v", pub, err)
	}
	doc := k.Document()
	doc.AssertionMethod = nil
	_, err = Resolver{Docs: []DIDDocument{doc}}.Resolve(k.VerificationMethod())
	wantCode(t, err, authoring.EINVALID, ReasonKey)
}

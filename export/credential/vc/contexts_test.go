package vc

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stacklet/stacklet/authoring"
)

// The pinned hashes are those of the canonical files in the standards folder.
func TestPinnedHashesMatchStandards(t *testing.T) {
	for _, p := range Pinned {
		data, err := os.ReadFile(filepath.Join(obDir(t), p.File))
		if err != nil {
			t.Fatal(err)
		}
		if err := checkHash(p, data, p.File); err != nil {
			t.Error(err)
		}
	}
}

func TestCacheRefusesChangedContext(t *testing.T) {
	loader, cache := testLoader(t)
	key := testKey(t)
	doc := exampleCredential(t, key)
	// One changed byte in the cached OB context: signing must stop.
	path := filepath.Join(cache.Dir, "context-3.0.3.json")
	data, _ := os.ReadFile(path)
	data[len(data)-3] ^= 0x20
	os.WriteFile(path, data, 0o644)
	_, err := Sign(doc, key, testNow, loader)
	wantCode(t, err, authoring.ECORRUPT, ReasonContext)

	t.Run("FillRepairs", func(t *testing.T) {
		stored, err := cache.Fill(context.Background(), FromDir(obDir(t)))
		if err != nil || len(stored) != 1 || stored[0] != OpenBadgesURL {
			t.Fatalf("fill stored %v, %v", stored, err)
		}
		if _, err := Sign(doc, key, testNow, NewLoader(cache, nil)); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("PutRefuses", func(t *testing.T) {
		err := cache.Put(Pinned[0], []byte(`{"@context": {}}`), "test")
		wantCode(t, err, authoring.ECORRUPT, ReasonContext)
	})
}

func TestLoaderRefusesMissingAndUnknown(t *testing.T) {
	empty := NewLoader(Cache{Dir: t.TempDir()}, nil)
	_, err := empty.LoadDocument(CredentialsV2URL)
	wantCode(t, err, authoring.ENOTFOUND, ReasonContext)
	_, err = empty.LoadDocument("https://example.org/context.json")
	wantCode(t, err, authoring.EINVALID, ReasonContext)
	own := NewLoader(Cache{Dir: t.TempDir()}, map[string][]byte{"https://example.org/own.json": []byte(`{"@context": {}}`)})
	if _, err := own.LoadDocument("https://example.org/own.json"); err != nil {
		t.Fatal(err)
	}
}

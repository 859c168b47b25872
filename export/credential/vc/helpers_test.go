package vc

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/export/credential/vc/vctest"
)

// obDir is the shared Open Badges folder: the pinned contexts, schemas and
// examples tests read (never copied into the repository).
func obDir(tb testing.TB) string {
	tb.Helper()
	return vctest.OpenBadgesDir(tb)
}

// testLoader fills a fresh cache from the standards folder.
func testLoader(tb testing.TB) (*Loader, Cache) {
	tb.Helper()
	cache := Cache{Dir: filepath.Join(tb.TempDir(), "contexts")}
	if _, err := cache.Fill(context.Background(), FromDir(obDir(tb))); err != nil {
		tb.Fatal(err)
	}
	return NewLoader(cache, nil), cache
}

// testKey is a fixed did:key issuer, so runs are reproducible.
func testKey(tb testing.TB) *Key {
	tb.Helper()
	k, err := NewKey(bytes.NewReader(bytes.Repeat([]byte{7}, 32)), "")
	if err != nil {
		tb.Fatal(err)
	}
	return k
}

// exampleCredential is the unsigned example from the standards folder with
// its issuer replaced by key's DID.
func exampleCredential(tb testing.TB, key *Key) map[string]any {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(obDir(tb), "examples", "microcredential.unsigned.example.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		tb.Fatal(err)
	}
	doc["issuer"].(map[string]any)["id"] = key.DID
	return doc
}

// exampleAchievement is the Achievement of the standards example.
func exampleAchievement(tb testing.TB) json.RawMessage {
	tb.Helper()
	doc := exampleCredential(tb, testKey(tb))
	data, err := json.Marshal(doc["credentialSubject"].(map[string]any)["achievement"])
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

var testNow = time.Date(2025, 3, 2, 9, 30, 0, 0, time.UTC)

func wantCode(tb testing.TB, err error, code string, reason Reason) {
	tb.Helper()
	if got := authoring.ErrorCode(err); got != code {
		tb.Fatalf("error code %q, want %q (error: %v)", got, code, err)
	}
	if reason != "" && ReasonOf(err) != reason {
		tb.Fatalf("reason %q, want %q (error: %v)", ReasonOf(err), reason, err)
	}
}

package vc

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"

	"github.com/stacklet/stacklet/authoring"
)

// PinnedContext is a standard JSON-LD context Stacklet signs with. Its bytes
// live in a local cache and are trusted only while they hash to SHA256: a
// context decides what a signature covers, so a changed one is refused.
type PinnedContext struct {
	URL    string
	File   string // name in the cache folder (and in the standards folder tests read)
	SHA256 string // lowercase hex of the canonical bytes
}

// Context URLs Stacklet credentials use.
const (
	CredentialsV2URL = "https://www.w3.org/ns/credentials/v2"
	OpenBadgesURL    = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
	OBExtensionsURL  = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"
)

// Pinned lists every standard context the cache may hold, with the hashes of
// the bytes served at their URLs.
var Pinned = []PinnedContext{
	{CredentialsV2URL, "credentials-v2.jsonld", "19ec34cb299205bfe6415caa144492b6e1c3aae2de96fb6161e130ead5cd0a5a"},
	{OpenBadgesURL, "context-3.0.3.json", "ef2fa9c7846dce233cc166b43639027278be4ee44f00bb1d45c75de2dd0cd761"},
	{OBExtensionsURL, "extensions.json", "146f85aa16effd7ca1da8056eb443f53ce1eca8a34186cb062832c0a97d889c3"},
}

func pinned(url string) (PinnedContext, bool) {
	for _, p := range Pinned {
		if p.URL == url {
			return p, true
		}
	}
	return PinnedContext{}, false
}

// Cache is a folder of pinned contexts.
type Cache struct{ Dir string }

// DefaultCacheDir is the user's cache folder + stacklet/contexts.
func DefaultCacheDir() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", authoring.Errorf(authoring.ENOTFOUND, "no user cache folder (%v): name one with --contexts", err)
	}
	return filepath.Join(dir, "stacklet", "contexts"), nil
}

// checkHash refuses bytes that are not the pinned context.
func checkHash(p PinnedContext, data []byte, from string) error {
	sum := sha256.Sum256(data)
	if got := hex.EncodeToString(sum[:]); got != p.SHA256 {
		return reasonf(ReasonContext, authoring.ECORRUPT, "context %s from %s does not match its pinned SHA-256 (want %s, got %s): it was changed or is not the published file; run \"stacklet-cli credential contexts fetch\" again", p.URL, from, p.SHA256, got)
	}
	return nil
}

// Read returns the cached bytes of a pinned context after checking its hash.
func (c Cache) Read(p PinnedContext) ([]byte, error) {
	path := filepath.Join(c.Dir, p.File)
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, reasonf(ReasonContext, authoring.ENOTFOUND, "context %s is not in the cache %s: run \"stacklet-cli credential contexts fetch\"", p.URL, c.Dir)
	}
	return data, checkHash(p, data, path)
}

// Put stores a pinned context's bytes once they pass the hash check.
func (c Cache) Put(p PinnedContext, data []byte, from string) error {
	if err := checkHash(p, data, from); err != nil {
		return err
	}
	if err := os.MkdirAll(c.Dir, 0o755); err != nil {
		return err
	}
	return writeReplace(filepath.Join(c.Dir, p.File), data, 0o644)
}

// Getter returns the bytes of a pinned context from somewhere.
type Getter func(ctx context.Context, p PinnedContext) (data []byte, from string, err error)

// Fill puts every pinned context that is missing or damaged into the cache,
// and returns the URLs it stored.
func (c Cache) Fill(ctx context.Context, get Getter) ([]string, error) {
	var stored []string
	for _, p := range Pinned {
		if _, err := c.Read(p); err == nil {
			continue
		}
		data, from, err := get(ctx, p)
		if err != nil {
			return stored, err
		}
		if err := c.Put(p, data, from); err != nil {
			return stored, err
		}
		stored = append(stored, p.URL)
	}
	return stored, nil
}

// FromDir gets contexts from a local folder holding them under their File
// names (such as a copy of the standards folder).
func FromDir(dir string) Getter {
	return func(_ context.Context, p PinnedContext) ([]byte, string, error) {
		path := filepath.Join(dir, p.File)
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, "", authoring.Errorf(authoring.ENOTFOUND, "context %s: %s not found", p.URL, path)
		}
		return data, path, nil
	}
}

// maxContextSize bounds a download; the largest pinned context is 15 KB.
const maxContextSize = 1 << 20

// FromWeb downloads a pinned context from its canonical URL. It is the only
// network access in this package, and only pinned URLs reach it.
func FromWeb(client *http.Client) Getter {
	return func(ctx context.Context, p PinnedContext) ([]byte, string, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.URL, nil)
		if err != nil {
			return nil, "", err
		}
		req.Header.Set("Accept", "application/ld+json, application/json")
		resp, err := client.Do(req)
		if err != nil {
			return nil, "", authoring.Errorf(authoring.ENOTFOUND, "download %s: %v", p.URL, err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return nil, "", authoring.Errorf(authoring.ENOTFOUND, "download %s: %s", p.URL, resp.Status)
		}
		data, err := io.ReadAll(io.LimitReader(resp.Body, maxContextSize))
		if err != nil {
			return nil, "", fmt.Errorf("download %s: %w", p.URL, err)
		}
		return data, p.URL, nil
	}
}

package vc

import (
	"encoding/json"
	"sync"

	"github.com/piprate/json-gold/ld"

	"github.com/stacklet/stacklet/authoring"
)

// Loader is the JSON-LD document loader for signing and verifying. It serves
// pinned contexts from the cache (hash-checked on every first read) and
// contexts Stacklet wrote itself from memory, and refuses every other URL:
// a verifier that fetched whatever a credential names could be steered into
// reading a context that changes what the signed claims mean.
type Loader struct {
	cache Cache
	own   map[string][]byte

	mu     sync.Mutex
	parsed map[string]any
}

// NewLoader serves the pinned contexts in cache and own, Stacklet's own
// contexts by URL (they ship inside the binary, so need no pin).
func NewLoader(cache Cache, own map[string][]byte) *Loader {
	return &Loader{cache: cache, own: own, parsed: map[string]any{}}
}

// LoadDocument implements ld.DocumentLoader.
func (l *Loader) LoadDocument(url string) (*ld.RemoteDocument, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if doc, ok := l.parsed[url]; ok {
		return &ld.RemoteDocument{DocumentURL: url, Document: doc}, nil
	}
	data, err := l.read(url)
	if err != nil {
		return nil, err
	}
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, reasonf(ReasonContext, authoring.ECORRUPT, "context %s is not JSON: %v", url, err)
	}
	l.parsed[url] = doc
	return &ld.RemoteDocument{DocumentURL: url, Document: doc}, nil
}

func (l *Loader) read(url string) ([]byte, error) {
	if data, ok := l.own[url]; ok {
		return data, nil
	}
	if p, ok := pinned(url); ok {
		return l.cache.Read(p)
	}
	return nil, reasonf(ReasonContext, authoring.EINVALID, "the credential uses the context %s, which Stacklet does not know: contexts are never fetched, only pinned ones are used", url)
}

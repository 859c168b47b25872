package vc

import (
	"crypto/ed25519"
	"encoding/json"
	"regexp"
	"strings"

	"github.com/stacklet/stacklet/authoring"
)

// Contexts of DID documents and Multikeys. Stacklet writes them but never
// expands them, so they are not in the context cache.
const (
	didContextURL      = "https://www.w3.org/ns/did/v1"
	multikeyContextURL = "https://w3id.org/security/multikey/v1"
)

// DIDDocument is the part of a DID document Stacklet writes and reads.
type DIDDocument struct {
	Context            []string             `json:"@context"`
	ID                 string               `json:"id"`
	VerificationMethod []VerificationMethod `json:"verificationMethod"`
	Authentication     []string             `json:"authentication,omitempty"`
	AssertionMethod    []string             `json:"assertionMethod"`
}

// VerificationMethod is a Multikey public key in a DID document.
type VerificationMethod struct {
	ID                 string `json:"id"`
	Type               string `json:"type"`
	Controller         string `json:"controller"`
	PublicKeyMultibase string `json:"publicKeyMultibase"`
}

// didKey returns the did:key identifier of an Ed25519 public key.
func didKey(pub ed25519.PublicKey) string {
	return "did:key:" + encodeMultikey(ed25519PubPrefix, pub)
}

// DIDWeb turns "example.org" or "example.org:8443/issuers/1" into a did:web
// identifier (did:web:example.org, did:web:example.org%3A8443:issuers:1).
func DIDWeb(hostPath string) (string, error) {
	host, path, _ := strings.Cut(strings.Trim(hostPath, "/"), "/")
	if !webHost.MatchString(host) || (path != "" && !webPath.MatchString(path)) {
		return "", authoring.Errorf(authoring.EINVALID, "--did-web %q is not a host name with an optional port and path, such as example.org or example.org/issuers/1", hostPath)
	}
	did := "did:web:" + strings.ReplaceAll(host, ":", "%3A")
	if path != "" {
		did += ":" + strings.ReplaceAll(path, "/", ":")
	}
	return did, nil
}

var (
	webHost = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+(:[0-9]{1,5})?$`)
	webPath = regexp.MustCompile(`^[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*$`)
)

// DIDWebURL is where a did:web document is published (never fetched by
// Stacklet; verify reads a local copy).
func DIDWebURL(did string) string {
	parts := strings.Split(strings.TrimPrefix(did, "did:web:"), ":")
	host := strings.ReplaceAll(parts[0], "%3A", ":")
	if len(parts) == 1 {
		return "https://" + host + "/.well-known/did.json"
	}
	return "https://" + host + "/" + strings.Join(parts[1:], "/") + "/did.json"
}

// Document returns the DID document of the key's controller: one Multikey
// used for authentication and assertions (signing credentials).
func (k *Key) Document() DIDDocument {
	vm := k.VerificationMethod()
	return DIDDocument{
		Context: []string{didContextURL, multikeyContextURL},
		ID:      k.DID,
		VerificationMethod: []VerificationMethod{{
			ID: vm, Type: "Multikey", Controller: k.DID, PublicKeyMultibase: k.PublicMultibase(),
		}},
		Authentication:  []string{vm},
		AssertionMethod: []string{vm},
	}
}

// Resolver finds the public key behind a verification method. did:key is
// resolved from the identifier itself; did:web only from documents handed to
// it, because verifying never touches the network.
type Resolver struct {
	Docs []DIDDocument
}

// ReadDIDDocument parses a did.json file's bytes.
func ReadDIDDocument(data []byte) (DIDDocument, error) {
	var doc DIDDocument
	if err := json.Unmarshal(data, &doc); err != nil || doc.ID == "" {
		return doc, authoring.Errorf(authoring.EINVALID, "not a DID document: %v", errOr(err, "it has no id"))
	}
	return doc, nil
}

// Resolve returns the Ed25519 key of verification method vm, which must be
// allowed to sign assertions for its DID.
func (r Resolver) Resolve(vm string) (ed25519.PublicKey, error) {
	did, frag, ok := strings.Cut(vm, "#")
	if !ok || frag == "" {
		return nil, reasonf(ReasonKey, authoring.EINVALID, "verification method %q has no #fragment naming a key", vm)
	}
	if strings.HasPrefix(did, "did:key:") {
		return resolveDIDKey(did, frag)
	}
	for _, doc := range r.Docs {
		if doc.ID == did {
			return resolveInDocument(doc, vm)
		}
	}
	if strings.HasPrefix(did, "did:web:") {
		return nil, reasonf(ReasonKey, authoring.ENOTFOUND, "the issuer %s is a did:web: give its DID document (published at %s) with --did-doc; Stacklet never fetches it", did, DIDWebURL(did))
	}
	return nil, reasonf(ReasonKey, authoring.EINVALID, "verification method %q is neither did:key nor did:web", vm)
}

func resolveDIDKey(did, frag string) (ed25519.PublicKey, error) {
	mb := strings.TrimPrefix(did, "did:key:")
	if frag != mb {
		return nil, reasonf(ReasonKey, authoring.EINVALID, "verification method %s#%s does not name the key of its did:key", did, frag)
	}
	pub, err := decodeMultikey(mb, ed25519PubPrefix, ed25519.PublicKeySize, "did:key "+did)
	if err != nil {
		return nil, withReason(ReasonKey, err)
	}
	return pub, nil
}

func resolveInDocument(doc DIDDocument, vm string) (ed25519.PublicKey, error) {
	if !contains(doc.AssertionMethod, vm) {
		return nil, reasonf(ReasonKey, authoring.EINVALID, "the DID document of %s does not list %s under assertionMethod", doc.ID, vm)
	}
	for _, m := range doc.VerificationMethod {
		if m.ID == vm && m.Controller == doc.ID {
			pub, err := decodeMultikey(m.PublicKeyMultibase, ed25519PubPrefix, ed25519.PublicKeySize, "publicKeyMultibase of "+vm)
			return pub, withReason(ReasonKey, err)
		}
	}
	return nil, reasonf(ReasonKey, authoring.EINVALID, "the DID document of %s has no verification method %s controlled by it", doc.ID, vm)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func errOr(err error, text string) string {
	if err != nil {
		return err.Error()
	}
	return text
}

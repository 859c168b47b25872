package vc

import (
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/stacklet/stacklet/authoring"
)

// File names written by WriteKey.
const (
	KeyFileName = "issuer-key.json"
	DIDFileName = "did.json"
)

// Key is an issuer's Ed25519 signing key and the DID that controls it.
type Key struct {
	DID  string
	priv ed25519.PrivateKey
}

// NewKey makes a key from random bytes. With didWeb ("example.org") the
// issuer is did:web, otherwise did:key.
func NewKey(random io.Reader, didWeb string) (*Key, error) {
	_, priv, err := ed25519.GenerateKey(random)
	if err != nil {
		return nil, err
	}
	k := &Key{priv: priv}
	k.DID = didKey(k.Public())
	if didWeb != "" {
		if k.DID, err = DIDWeb(didWeb); err != nil {
			return nil, err
		}
	}
	return k, nil
}

// Public returns the public half of the key.
func (k *Key) Public() ed25519.PublicKey { return k.priv.Public().(ed25519.PublicKey) }

// PublicMultibase is the public key as a Multikey string ("z6Mk...").
func (k *Key) PublicMultibase() string { return encodeMultikey(ed25519PubPrefix, k.Public()) }

// VerificationMethod names the key inside its DID document.
func (k *Key) VerificationMethod() string { return k.DID + "#" + k.PublicMultibase() }

// keyFile is the private key file: a Multikey with its secret, the form
// Digital Bazaar's ed25519-multikey also reads.
type keyFile struct {
	Context            string `json:"@context"`
	ID                 string `json:"id"`
	Type               string `json:"type"`
	Controller         string `json:"controller"`
	PublicKeyMultibase string `json:"publicKeyMultibase"`
	SecretKeyMultibase string `json:"secretKeyMultibase"`
}

// WriteKey writes the private key file (mode 0600) and the public DID
// document into dir. It refuses to overwrite either and refuses a folder
// inside a Stacklet project, so a key cannot travel with a project.
func WriteKey(dir string, k *Key) (keyPath, didPath string, err error) {
	if project := enclosingProject(dir); project != "" {
		return "", "", authoring.Errorf(authoring.EINVALID, "%s is inside the Stacklet project %s: keep issuer keys out of projects and packages", dir, project)
	}
	keyPath, didPath = filepath.Join(dir, KeyFileName), filepath.Join(dir, DIDFileName)
	for _, p := range []string{keyPath, didPath} {
		if _, err := os.Lstat(p); err == nil {
			return "", "", authoring.Errorf(authoring.ECONFLICT, "%s already exists: Stacklet never overwrites a key; choose another folder", p)
		}
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", "", err
	}
	secret, _ := json.MarshalIndent(k.file(), "", "  ")
	if err := writeNew(keyPath, append(secret, '\n'), 0o600); err != nil {
		return "", "", err
	}
	doc, _ := json.MarshalIndent(k.Document(), "", "  ")
	if err := writeNew(didPath, append(doc, '\n'), 0o644); err != nil {
		os.Remove(keyPath)
		return "", "", err
	}
	return keyPath, didPath, nil
}

func (k *Key) file() keyFile {
	return keyFile{
		Context: multikeyContextURL, ID: k.VerificationMethod(), Type: "Multikey", Controller: k.DID,
		PublicKeyMultibase: k.PublicMultibase(),
		SecretKeyMultibase: encodeMultikey(ed25519PrivPrefix, k.priv.Seed()),
	}
}

// ReadKey reads a key file written by WriteKey. It refuses a file other users
// can read: a leaked issuer key lets anyone sign credentials in your name.
func ReadKey(path string) (*Key, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, authoring.Errorf(authoring.ENOTFOUND, "issuer key %s not found: make one with \"stacklet-cli keys new\"", path)
	}
	if perm := st.Mode().Perm(); runtime.GOOS != "windows" && perm&0o077 != 0 {
		return nil, authoring.Errorf(authoring.EINVALID, "issuer key %s can be read by other users (mode %04o): run \"chmod 600 %s\"", path, perm, path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return parseKey(path, data)
}

func parseKey(path string, data []byte) (*Key, error) {
	var f keyFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil || f.Type != "Multikey" {
		return nil, authoring.Errorf(authoring.ECORRUPT, "%s is not a Stacklet issuer key (a Multikey JSON file): %s", path, errOr(err, "type is not Multikey"))
	}
	seed, err := decodeMultikey(f.SecretKeyMultibase, ed25519PrivPrefix, ed25519.SeedSize, path+" secretKeyMultibase")
	if err != nil {
		return nil, authoring.Errorf(authoring.ECORRUPT, "%s", err)
	}
	k := &Key{DID: f.Controller, priv: ed25519.NewKeyFromSeed(seed)}
	if f.PublicKeyMultibase != k.PublicMultibase() || f.ID != k.VerificationMethod() || !validIssuerDID(k) {
		return nil, authoring.Errorf(authoring.ECORRUPT, "%s: the public key, id or controller does not belong to the secret key", path)
	}
	return k, nil
}

func validIssuerDID(k *Key) bool {
	if strings.HasPrefix(k.DID, "did:key:") {
		return k.DID == didKey(k.Public())
	}
	return strings.HasPrefix(k.DID, "did:web:") && len(k.DID) > len("did:web:")
}

// enclosingProject returns the Stacklet project folder that holds dir (a
// folder with a project.json of format stacklet-project), or "".
func enclosingProject(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		data, err := os.ReadFile(filepath.Join(abs, "project.json"))
		if err == nil && bytes.Contains(data, []byte(`"stacklet-project"`)) {
			return abs
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return ""
		}
		abs = parent
	}
}

package vc

import (
	"crypto/ed25519"
	"crypto/sha256"
	"strings"
	"time"

	"github.com/stacklet/stacklet/authoring"
)

// The only proof Stacklet makes and accepts: what Open Badges 3.0 requires
// issuers to support (VC Data Integrity EdDSA, RDF canonicalisation).
const (
	ProofType    = "DataIntegrityProof"
	Cryptosuite  = "eddsa-rdfc-2022"
	ProofPurpose = "assertionMethod"
)

// Proof is a DataIntegrityProof.
type Proof struct {
	Type               string `json:"type"`
	Cryptosuite        string `json:"cryptosuite"`
	Created            string `json:"created"`
	VerificationMethod string `json:"verificationMethod"`
	ProofPurpose       string `json:"proofPurpose"`
	ProofValue         string `json:"proofValue,omitempty"`
}

// Sign returns the proof of an unsigned JSON-LD document (one without a
// "proof" member) made with key at time created.
func Sign(doc map[string]any, key *Key, created time.Time, loader *Loader) (Proof, error) {
	p := Proof{
		Type: ProofType, Cryptosuite: Cryptosuite, Created: created.UTC().Format(time.RFC3339),
		VerificationMethod: key.VerificationMethod(), ProofPurpose: ProofPurpose,
	}
	config := map[string]any{
		"type": p.Type, "cryptosuite": p.Cryptosuite, "created": p.Created,
		"verificationMethod": p.VerificationMethod, "proofPurpose": p.ProofPurpose,
	}
	data, err := hashData(doc, config, loader)
	if err != nil {
		return Proof{}, err
	}
	p.ProofValue = encodeMultibase(ed25519.Sign(key.priv, data))
	return p, nil
}

// hashData is what eddsa-rdfc-2022 signs: SHA-256 of the canonical proof
// configuration (the proof without its value, under the document's
// @context) followed by SHA-256 of the canonical unsigned document.
func hashData(unsigned, config map[string]any, loader *Loader) ([]byte, error) {
	config = copyJSON(config)
	delete(config, "proofValue")
	if _, ok := config["@context"]; !ok {
		config["@context"] = unsigned["@context"]
	}
	canonConfig, err := canonicalize(config, loader)
	if err != nil {
		return nil, err
	}
	canonDoc, err := canonicalize(unsigned, loader)
	if err != nil {
		return nil, err
	}
	h1, h2 := sha256.Sum256([]byte(canonConfig)), sha256.Sum256([]byte(canonDoc))
	return append(h1[:], h2[:]...), nil
}

// VerifyProof checks the single eddsa-rdfc-2022 proof of a signed document:
// its form, that the issuer controls the signing key, and the signature.
func VerifyProof(doc map[string]any, r Resolver, loader *Loader) error {
	proof, err := singleProof(doc["proof"])
	if err != nil {
		return err
	}
	vm, err := checkProofForm(proof)
	if err != nil {
		return err
	}
	if issuer := issuerID(doc["issuer"]); issuer != strings.SplitN(vm, "#", 2)[0] {
		return reasonf(ReasonKey, authoring.EINVALID, "the proof was made with a key of %s, but the issuer is %q", strings.SplitN(vm, "#", 2)[0], issuer)
	}
	pub, err := r.Resolve(vm)
	if err != nil {
		return err
	}
	sig, err := decodeMultibase(proof["proofValue"].(string), "proofValue")
	if err != nil || len(sig) != ed25519.SignatureSize {
		return reasonf(ReasonProofFormat, authoring.ECORRUPT, "proofValue is not a multibase base58btc Ed25519 signature of %d bytes", ed25519.SignatureSize)
	}
	unsigned := copyJSON(doc)
	delete(unsigned, "proof")
	data, err := hashData(unsigned, proof, loader)
	if err != nil {
		return err
	}
	if !ed25519.Verify(pub, data, sig) {
		return reasonf(ReasonSignature, authoring.ECORRUPT, "the signature does not match: the credential or its proof was changed after signing")
	}
	return nil
}

// singleProof accepts a proof object or an array holding exactly one.
func singleProof(v any) (map[string]any, error) {
	if list, ok := v.([]any); ok {
		if len(list) != 1 {
			return nil, reasonf(ReasonProofFormat, authoring.EINVALID, "the credential has %d proofs; Stacklet verifies credentials with exactly one", len(list))
		}
		v = list[0]
	}
	if v == nil {
		return nil, reasonf(ReasonNoProof, authoring.EINVALID, "the credential has no proof: it is not signed")
	}
	proof, ok := v.(map[string]any)
	if !ok {
		return nil, reasonf(ReasonProofFormat, authoring.EINVALID, "proof is not a JSON object")
	}
	return proof, nil
}

// checkProofForm checks the members verification relies on and returns the
// verification method.
func checkProofForm(proof map[string]any) (string, error) {
	want := map[string]string{"type": ProofType, "cryptosuite": Cryptosuite, "proofPurpose": ProofPurpose}
	for _, name := range []string{"type", "cryptosuite", "proofPurpose"} {
		if got, _ := proof[name].(string); got != want[name] {
			return "", reasonf(ReasonProofFormat, authoring.EINVALID, "proof %s is %q; Stacklet verifies only %s", name, proof[name], want[name])
		}
	}
	for _, name := range []string{"verificationMethod", "proofValue"} {
		if s, _ := proof[name].(string); s == "" {
			return "", reasonf(ReasonProofFormat, authoring.EINVALID, "proof has no %s", name)
		}
	}
	if created, ok := proof["created"]; ok {
		if s, _ := created.(string); !isDateTimeZ(s) {
			return "", reasonf(ReasonProofFormat, authoring.EINVALID, "proof created %v is not a date-time with a time zone", created)
		}
	}
	return proof["verificationMethod"].(string), nil
}

// issuerID is the issuer's URI, whether given as a string or a Profile.
func issuerID(v any) string {
	if m, ok := v.(map[string]any); ok {
		v = m["id"]
	}
	s, _ := v.(string)
	return s
}

func isDateTimeZ(s string) bool {
	_, err := time.Parse(time.RFC3339, s)
	return err == nil
}

package vc

import (
	"testing"

	"github.com/stacklet/stacklet/authoring"
)

func signed(t *testing.T) (map[string]any, *Key, *Loader) {
	t.Helper()
	loader, _ := testLoader(t)
	key := testKey(t)
	doc := exampleCredential(t, key)
	proof, err := Sign(doc, key, testNow, loader)
	if err != nil {
		t.Fatal(err)
	}
	doc["proof"] = []any{map[string]any{
		"type": proof.Type, "cryptosuite": proof.Cryptosuite, "created": proof.Created,
		"verificationMethod": proof.VerificationMethod, "proofPurpose": proof.ProofPurpose,
		"proofValue": proof.ProofValue,
	}}
	return doc, key, loader
}

func TestSignVerifyRoundTrip(t *testing.T) {
	doc, _, loader := signed(t)
	if err := VerifyProof(doc, Resolver{}, loader); err != nil {
		t.Fatalf("a freshly signed credential fails: %v", err)
	}
}

func TestVerifyProofRefusesChanges(t *testing.T) {
	tests := []struct {
		name   string
		change func(doc map[string]any)
		code   string
		reason Reason
	}{
		{"ChangedClaim", func(d map[string]any) { d["name"] = "Data literacy advanced" }, authoring.ECORRUPT, ReasonSignature},
		{"ChangedValidFrom", func(d map[string]any) { d["validFrom"] = "2025-03-01T10:00:01Z" }, authoring.ECORRUPT, ReasonSignature},
		{"ChangedScore", func(d map[string]any) {
			subject(d)["result"].([]any)[0].(map[string]any)["value"] = "95"
		}, authoring.ECORRUPT, ReasonSignature},
		{"ChangedCreated", func(d map[string]any) { proofOf(d)["created"] = "2025-03-02T09:30:01Z" }, authoring.ECORRUPT, ReasonSignature},
		{"ChangedProofValue", func(d map[string]any) {
			v := proofOf(d)["proofValue"].(string)
			proofOf(d)["proofValue"] = v[:10] + flip(v[10]) + v[11:]
		}, authoring.ECORRUPT, ""},
		{"NoProof", func(d map[string]any) { delete(d, "proof") }, authoring.EINVALID, ReasonNoProof},
		{"OtherSuite", func(d map[string]any) { proofOf(d)["cryptosuite"] = "ecdsa-rdfc-2019" }, authoring.EINVALID, ReasonProofFormat},
		{"OtherIssuer", func(d map[string]any) {
			d["issuer"].(map[string]any)["id"] = "did:web:evil.example"
		}, authoring.EINVALID, ReasonKey},
		{"UndefinedProperty", func(d map[string]any) { d["ECTS"] = 3.0 }, authoring.EINVALID, ReasonUndefinedTerm},
		{"UnknownContext", func(d map[string]any) {
			d["@context"] = append(d["@context"].([]any), "https://evil.example/context.json")
		}, authoring.EINVALID, ReasonContext},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, _, loader := signed(t)
			tt.change(doc)
			wantCode(t, VerifyProof(doc, Resolver{}, loader), tt.code, tt.reason)
		})
	}
}

func subject(doc map[string]any) map[string]any { return doc["credentialSubject"].(map[string]any) }

func proofOf(doc map[string]any) map[string]any { return doc["proof"].([]any)[0].(map[string]any) }

// flip swaps a base58 character for another one.
func flip(c byte) string {
	if c == 'A' {
		return "B"
	}
	return "A"
}

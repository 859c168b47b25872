package vc

import (
	"errors"

	"github.com/stacklet/stacklet/authoring"
)

// Reason says which verification check failed, finer than an error code, so
// callers and tests can tell a changed claim from an unknown key.
type Reason string

const (
	ReasonNoProof       Reason = "no-proof"       // the credential is unsigned
	ReasonProofFormat   Reason = "proof-format"   // the proof is not a well-formed eddsa-rdfc-2022 proof
	ReasonKey           Reason = "key"            // the signing key cannot be resolved or is not the issuer's
	ReasonSignature     Reason = "signature"      // the signature does not match the content
	ReasonContext       Reason = "context"        // a JSON-LD context is unknown, missing or fails its hash
	ReasonUndefinedTerm Reason = "undefined-term" // a property or type has no JSON-LD definition
	ReasonStructure     Reason = "structure"      // a required Open Badges field is missing or malformed
	ReasonNotYetValid   Reason = "not-yet-valid"  // validFrom is in the future
	ReasonExpired       Reason = "expired"        // validUntil has passed
)

type reasonError struct {
	reason Reason
	err    error
}

func (e *reasonError) Error() string { return e.err.Error() }
func (e *reasonError) Unwrap() error { return e.err }

// ReasonOf returns the Reason attached to err, or "" when it has none.
func ReasonOf(err error) Reason {
	var r *reasonError
	if errors.As(err, &r) {
		return r.reason
	}
	return ""
}

// withReason tags err (nil stays nil); an error already tagged keeps its
// own, more specific reason.
func withReason(reason Reason, err error) error {
	if err == nil || ReasonOf(err) != "" {
		return err
	}
	return &reasonError{reason, err}
}

func reasonf(reason Reason, code, format string, args ...any) error {
	return &reasonError{reason, authoring.Errorf(code, format, args...)}
}

package vc

import (
	"bytes"
	"encoding/json"
	"time"

	"github.com/stacklet/stacklet/authoring"
)

// Check names, in the order Verify runs them.
const (
	CheckJSON      = "json"
	CheckStructure = "structure"
	CheckProof     = "proof"
	CheckDates     = "dates"
)

// Check is one verification step and its outcome (Err nil: passed).
type Check struct {
	Name string
	Err  error
}

// Report is the outcome of every check, so a user learns everything that
// is wrong at once.
type Report struct{ Checks []Check }

// Err is the first failed check, or nil when the credential is valid.
func (r Report) Err() error {
	for _, c := range r.Checks {
		if c.Err != nil {
			return c.Err
		}
	}
	return nil
}

// Verifier checks signed credentials.
type Verifier struct {
	Resolver Resolver
	Loader   *Loader
	Now      time.Time
}

// Verify checks a credential file's bytes: JSON, Open Badges structure,
// proof and validity dates.
func (v Verifier) Verify(data []byte) Report {
	doc, err := decodeDocument(data)
	if err != nil {
		return Report{[]Check{{CheckJSON, err}}}
	}
	return Report{[]Check{
		{CheckJSON, nil},
		{CheckStructure, checkStructure(doc)},
		{CheckProof, VerifyProof(doc, v.Resolver, v.Loader)},
		{CheckDates, checkDates(doc, v.Now)},
	}}
}

func decodeDocument(data []byte) (map[string]any, error) {
	var doc map[string]any
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil || doc == nil {
		return nil, authoring.Errorf(authoring.ECORRUPT, "not a JSON object: %s", errOr(err, "null"))
	}
	if dec.More() {
		return nil, authoring.Errorf(authoring.ECORRUPT, "not a JSON object: data after the object")
	}
	return doc, nil
}

// checkDates says whether the credential is valid at now.
func checkDates(doc map[string]any, now time.Time) error {
	from, err := time.Parse(time.RFC3339, str(doc["validFrom"]))
	if err != nil {
		return reasonf(ReasonStructure, authoring.EINVALID, "validFrom %v is not a date and time with a time zone", doc["validFrom"])
	}
	if now.Before(from) {
		return reasonf(ReasonNotYetValid, authoring.EINVALID, "not valid yet: valid from %s", from.Format(time.RFC3339))
	}
	if doc["validUntil"] == nil {
		return nil
	}
	until, err := time.Parse(time.RFC3339, str(doc["validUntil"]))
	if err != nil {
		return reasonf(ReasonStructure, authoring.EINVALID, "validUntil %v is not a date and time with a time zone", doc["validUntil"])
	}
	if !until.After(from) {
		return reasonf(ReasonStructure, authoring.EINVALID, "validUntil %s is not after validFrom %s", until.Format(time.RFC3339), from.Format(time.RFC3339))
	}
	if now.After(until) {
		return reasonf(ReasonExpired, authoring.EINVALID, "expired on %s", until.Format(time.RFC3339))
	}
	return nil
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

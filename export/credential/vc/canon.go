package vc

import (
	"encoding/json"
	"regexp"
	"strings"

	"github.com/piprate/json-gold/ld"

	"github.com/stacklet/stacklet/authoring"
)

// Sentinels for the safe-mode check: a term no context defines expands
// against the sentinel vocabulary, a relative reference against the base.
const (
	undefinedVocab = "urn:stacklet:undefined-term:"
	relativeBase   = "https://relative-reference.stacklet.invalid/"
)

var sentinel = regexp.MustCompile(`<(` + regexp.QuoteMeta(undefinedVocab) + `|` + regexp.QuoteMeta(relativeBase) + `)([^>]*)>`)

// canonicalize returns the RDFC-1.0 (URDNA2015) N-Quads of a JSON-LD
// document. Like the data integrity specs' "safe mode" it refuses a
// document with a property, type or reference its contexts do not define:
// plain JSON-LD would drop it silently, leaving it outside the signature.
func canonicalize(doc map[string]any, loader *Loader) (string, error) {
	if err := checkDefined(doc, loader); err != nil {
		return "", err
	}
	opts := ld.NewJsonLdOptions("")
	opts.DocumentLoader = loader
	opts.Algorithm = ld.AlgorithmURDNA2015
	opts.Format = "application/n-quads"
	out, err := ld.NewJsonLdProcessor().Normalize(copyJSON(doc), opts)
	if err != nil {
		return "", jsonLDError(err)
	}
	return out.(string), nil
}

// checkDefined converts the document to RDF with a catch-all vocabulary and
// base appended, then looks for them in the output.
func checkDefined(doc map[string]any, loader *Loader) error {
	probe := copyJSON(doc)
	probe["@context"] = append(contextList(doc["@context"]), map[string]any{"@vocab": undefinedVocab})
	opts := ld.NewJsonLdOptions(relativeBase)
	opts.DocumentLoader = loader
	opts.SafeMode = true
	opts.Format = "application/n-quads"
	out, err := ld.NewJsonLdProcessor().ToRDF(probe, opts)
	if err != nil {
		return jsonLDError(err)
	}
	if m := sentinel.FindStringSubmatch(out.(string)); m != nil {
		if m[1] == relativeBase {
			return reasonf(ReasonUndefinedTerm, authoring.EINVALID, "the credential holds the relative reference %q; identifiers must be absolute URIs", m[2])
		}
		return reasonf(ReasonUndefinedTerm, authoring.EINVALID, "%q is not defined by the credential's @context, so the signature would not cover it", m[2])
	}
	return nil
}

// jsonLDError keeps a loader error (unknown context, failed hash) as it is
// and reports any other JSON-LD failure as invalid input.
func jsonLDError(err error) error {
	if ReasonOf(err) != "" {
		return err
	}
	msg := err.Error()
	if strings.Contains(msg, "Dropping property") {
		return reasonf(ReasonUndefinedTerm, authoring.EINVALID, "a property of the credential is not defined by its @context: %s", msg)
	}
	return reasonf(ReasonUndefinedTerm, authoring.EINVALID, "the credential is not valid JSON-LD: %s", msg)
}

func contextList(c any) []any {
	switch c := c.(type) {
	case []any:
		return append([]any(nil), c...)
	case nil:
		return nil
	default:
		return []any{c}
	}
}

// copyJSON deep-copies a decoded JSON value; json-gold may change its input.
func copyJSON(doc map[string]any) map[string]any {
	data, err := json.Marshal(doc)
	if err != nil {
		panic("vc: document is not JSON: " + err.Error())
	}
	var out map[string]any
	if err := json.Unmarshal(data, &out); err != nil {
		panic("vc: " + err.Error())
	}
	return out
}

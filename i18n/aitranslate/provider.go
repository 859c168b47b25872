package aitranslate

import (
	"context"

	"github.com/stacklet/stacklet/i18n/pseudo"
)

// provider turns one batch into translations. Retries, validation and
// bookkeeping live in the engine, so every provider gets them alike.
type provider interface {
	model() string // provenance recorded on machine translations
	remote() bool  // whether complete sends a request that costs something
	complete(ctx context.Context, req *Request, b *batch) (parsedReply, usage, error)
}

// usage is the tokens one request cost.
type usage struct{ prompt, completion int }

// PseudoModel is the provenance of pseudo-localised text.
const PseudoModel = "pseudo"

// pseudoProvider pseudo-localises locally, for layout checks offline.
type pseudoProvider struct{}

func (pseudoProvider) model() string { return PseudoModel }
func (pseudoProvider) remote() bool  { return false }

func (pseudoProvider) complete(ctx context.Context, _ *Request, b *batch) (parsedReply, usage, error) {
	if err := ctx.Err(); err != nil {
		return parsedReply{}, usage{}, err
	}
	r := parsedReply{targets: make(map[string]string, len(b.segments))}
	for _, s := range b.segments {
		r.targets[s.ID] = pseudo.Localize(s.Source)
	}
	return r, usage{}, nil
}

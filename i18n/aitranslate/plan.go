package aitranslate

import "unicode/utf8"

// Plan is what Translate would do with a request, without sending anything:
// the dry run.
type Plan struct {
	Model    string
	Memory   int // segments the translation memory answers
	Skipped  int // blank segments
	Requests []PlannedRequest
}

// PlannedRequest is one batch as it would be sent.
type PlannedRequest struct {
	IDs    []string
	Chars  int // source characters
	Terms  int // glossary terms sent with it
	System string
	User   string // the JSON payload: segments, context, glossary, style
}

// Plan returns what Translate would send for req. With pseudo-localisation
// the batches are listed too, though nothing leaves the machine.
func (e *Engine) Plan(req Request) (*Plan, error) {
	r, err := newRun(e, &req)
	if err != nil {
		return nil, err
	}
	pending := r.answerLocally()
	plan := &Plan{Model: e.Model()}
	for _, res := range r.rep.Results {
		switch res.Outcome {
		case Memory:
			plan.Memory++
		case Skipped:
			plan.Skipped++
		}
	}
	for _, b := range makeBatches(&req, pending, e.cfg.BatchSegments, e.cfg.BatchChars) {
		pr := PlannedRequest{Terms: len(b.glossary)}
		for _, s := range b.segments {
			pr.IDs = append(pr.IDs, s.ID)
			pr.Chars += utf8.RuneCountInString(s.Source)
		}
		pr.System, pr.User = messages(&req, b)
		plan.Requests = append(plan.Requests, pr)
	}
	return plan, nil
}

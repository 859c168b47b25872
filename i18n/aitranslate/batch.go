package aitranslate

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// batch is the segments of one request with the context they need.
type batch struct {
	segments []Segment
	modules  map[string]string // only the modules these segments belong to
	glossary []Term            // only the terms these segments contain
}

// makeBatches cuts segs, in order, into batches of at most maxSegs segments
// and maxChars source characters. A segment longer than maxChars goes alone.
func makeBatches(req *Request, segs []Segment, maxSegs, maxChars int) []*batch {
	var out []*batch
	var cur []Segment
	chars := 0
	flush := func() {
		if len(cur) > 0 {
			out = append(out, newBatch(req, cur))
			cur, chars = nil, 0
		}
	}
	for _, s := range segs {
		n := utf8.RuneCountInString(s.Source)
		if len(cur) == maxSegs || (len(cur) > 0 && chars+n > maxChars) {
			flush()
		}
		cur = append(cur, s)
		chars += n
	}
	flush()
	return out
}

func newBatch(req *Request, segs []Segment) *batch {
	b := &batch{segments: segs, modules: map[string]string{}}
	for _, s := range segs {
		if desc, ok := req.Modules[s.Module]; ok {
			b.modules[s.Module] = desc
		}
	}
	b.glossary = termsIn(req.Glossary, segs)
	return b
}

// termsIn returns the glossary terms that occur in any of segs, ignoring
// case: sending the whole glossary with every batch would cost tokens and
// distract the model.
func termsIn(glossary []Term, segs []Segment) []Term {
	var text strings.Builder
	for _, s := range segs {
		text.WriteString(strings.ToLower(s.Source))
		text.WriteByte('\n')
	}
	all := text.String()
	var out []Term
	for _, t := range glossary {
		if t.Source != "" && strings.Contains(all, strings.ToLower(t.Source)) {
			out = append(out, t)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Source < out[j].Source })
	return out
}

// Package aitranslate machine-translates segment text through any
// OpenAI-compatible chat endpoint, or through pseudo-localisation when none is
// configured. It batches segments, retries what the endpoint refuses for a
// while, validates every reply and never lets a bad reply reach a segment:
// what fails stays untranslated with its reason.
//
// The package speaks in its own small types (Segment, Term, Result) so the
// l10n domain and the CLI map to them in one place each.
package aitranslate

import (
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
)

// Segment is one piece of text to translate. Source uses the placeholder
// syntax of authoring/l10n ({1}..{/1}, {2/}, "{{").
type Segment struct {
	ID     string
	Source string
	Note   string // context for the translator: where the text appears
	Module string // key into Request.Modules
}

// Term is a glossary entry for the target locale.
type Term struct {
	Source         string
	Target         string // empty when DoNotTranslate
	DoNotTranslate bool
	Note           string
}

// Style tells the model how the text should sound: the locale's stored
// style, or a run's own choices over it.
type Style = l10n.Style

// Request is one locale's worth of segments.
type Request struct {
	SourceLocale authoring.Locale
	TargetLocale authoring.Locale
	Segments     []Segment
	Modules      map[string]string // module key -> title and description, sent as context
	Glossary     []Term
	Style        Style

	// Memory answers segments from the translation memory; the segments it
	// answers are never sent. Nil means no memory.
	Memory func(Segment) (target string, ok bool)
	// Progress is called after each finished batch; nil means no reports.
	Progress func(Progress)
}

// Progress reports how far one locale has come.
type Progress struct {
	Locale      authoring.Locale
	Done, Total int
}

// Outcome says what happened to one segment.
type Outcome string

const (
	Machine  Outcome = "machine"  // translated by the model; needs review
	Memory   Outcome = "memory"   // answered by the translation memory
	Rejected Outcome = "rejected" // the reply broke a rule; Err says which
	Missing  Outcome = "missing"  // the reply had no translation for it
	Failed   Outcome = "failed"   // the request failed or the reply was unreadable
	Canceled Outcome = "canceled" // the run stopped before it was done
	Skipped  Outcome = "skipped"  // nothing to translate (blank source)
)

// Outcomes lists every outcome in the order summaries print them.
var Outcomes = []Outcome{Machine, Memory, Rejected, Missing, Failed, Canceled, Skipped}

// Rule names the check a Rejected reply broke, so that an interface can say
// why in its own language; Err carries the English detail.
type Rule string

const (
	RuleEmpty        Rule = "empty"        // the translation is blank
	RulePlaceholders Rule = "placeholders" // inline markup placeholders lost, added or reordered
	RuleMarkup       Rule = "markup"       // HTML or script that the source does not have
	RuleControl      Rule = "control"      // an invisible control character
	RuleNotText      Rule = "not-text"     // the value is not a string
)

// Result is what became of one segment. Target is set only for Machine and
// Memory; every other outcome leaves the segment untranslated and Err (an
// *authoring.Error) says why. Rule is set for Rejected.
type Result struct {
	ID      string
	Target  string
	Outcome Outcome
	Rule    Rule
	Err     error
}

// Tally counts a run's cost and outcomes.
type Tally struct {
	Requests         int // HTTP requests sent, retries included
	Retries          int
	PromptTokens     int
	CompletionTokens int
	UnknownIDs       int // translations for ids that were not asked for, ignored
	Segments         map[Outcome]int
}

// Report is the result of one Translate call, in request order.
type Report struct {
	Locale  authoring.Locale
	Model   string // provenance of Machine results
	Results []Result
	Unknown []string // ids the model invented, ignored
	Tally   Tally
}

// Package credential writes what a package says about the micro-credential
// its module earns: an Open Badges 3.0 Achievement (achievement.json) with
// Stacklet's JSON-LD context for the EU elements Open Badges lacks
// (context.json), the same credential in the European Learning Model
// (microcredential.jsonld), a readable summary page (index.html) and the
// badge image. Every file is a template for the records an issuer signs per
// learner: learner, issue date and grade are not in them.
package credential

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/export/internal/cp"
	"github.com/stacklet/stacklet/i18n"
)

// Source is one credential to describe, in one language.
type Source struct {
	Project    *authoring.Project
	Credential *authoring.Credential
	Locale     authoring.Locale // the package's language: texts and inLanguage
	Badge      *Badge           // nil when the credential has no image
}

// Badge is the badge image as packaged.
type Badge struct {
	Name string // file name inside the credential folder, e.g. "badge.svg"
	Type string // "image/png" or "image/svg+xml"
	Data []byte
}

// writer holds what every output needs: the source, its strings and the
// learning outcomes (from the credential or its modules).
type writer struct {
	Source
	strs     i18n.Strings
	outcomes []string
}

func newWriter(src Source) (*writer, error) {
	if src.Project == nil || src.Credential == nil {
		return nil, authoring.Errorf(authoring.EINVALID, "nothing to describe: a project and a credential are needed")
	}
	strs, err := i18n.PlayerStrings(src.Locale)
	if err != nil {
		return nil, err
	}
	return &writer{Source: src, strs: strs, outcomes: src.Project.CredentialOutcomes(src.Credential)}, nil
}

func (w *writer) text(id string, data map[string]any) string {
	s, err := w.strs.Text(id, data)
	if err != nil {
		panic(err) // catalogs are embedded and tested: a missing id is a bug
	}
	return s
}

func (w *writer) plural(id string, n int, data map[string]any) string {
	s, err := w.strs.Plural(id, n, data)
	if err != nil {
		panic(err)
	}
	return s
}

// modules returns the credential's modules that exist, in its order.
func (w *writer) modules() []*authoring.Module {
	var out []*authoring.Module
	for _, id := range w.Credential.Modules {
		if m, err := w.Project.Module(id); err == nil {
			out = append(out, m)
		}
	}
	return out
}

// Requirement is one module a learner completes for the credential.
type Requirement struct {
	Title    string
	MinScore int // percent; 0 when the module asks for no score
}

// Requirements says how the credential is earned: a sentence ("Complete
// all 3 modules:") and the modules.
func (w *writer) requirements() (string, []Requirement) {
	c := w.Credential
	mods := w.modules()
	var lead string
	if n := c.RequiredModules(); n >= len(mods) {
		lead = w.plural("CredCompleteAll", len(mods), nil)
	} else {
		lead = w.plural("CredCompleteSome", n, map[string]any{"Total": len(mods)})
	}
	reqs := make([]Requirement, len(mods))
	for i, m := range mods {
		reqs[i] = Requirement{Title: m.Title}
		if cp.Mastered(m) {
			reqs[i].MinScore = m.MasteryScore
		}
	}
	return lead, reqs
}

func (w *writer) requirementText(r Requirement) string {
	if r.MinScore == 0 {
		return r.Title
	}
	return w.text("CredMinScore", map[string]any{"Module": r.Title, "Score": r.MinScore})
}

// criteria is the narrative of how the credential is earned: the
// designer's own words, or else the module rule in Markdown.
func (w *writer) criteria() string {
	if filled(w.Credential.Criteria) {
		return w.Credential.Criteria
	}
	lead, reqs := w.requirements()
	var b strings.Builder
	b.WriteString(lead + "\n")
	for _, r := range reqs {
		b.WriteString("\n- " + w.requirementText(r))
	}
	return b.String()
}

func filled(s string) bool { return strings.TrimSpace(s) != "" }

// description falls back on the title: Open Badges requires one.
func (w *writer) description() string {
	if filled(w.Credential.Description) {
		return w.Credential.Description
	}
	return w.Credential.Title
}

// countryName is the awarding body's country in the package's language.
func (w *writer) countryName() string {
	code := w.Credential.AwardingBody.Country
	r, err := language.ParseRegion(code)
	if err != nil {
		return code
	}
	tag, err := language.Parse(string(w.Locale))
	if err != nil {
		tag = language.English
	}
	if namer := display.Regions(tag); namer != nil {
		if name := namer.Name(r); name != "" {
			return name
		}
	}
	return display.English.Regions().Name(r)
}

// number formats a credit or hour figure without trailing zeros.
func number(f float64) string { return fmt.Sprintf("%g", f) }

// duration writes hours as an ISO 8601 duration, to the minute: "PT1H30M".
func duration(hours float64) string {
	mins := int(hours*60 + 0.5)
	h, m := mins/60, mins%60
	switch {
	case m == 0:
		return fmt.Sprintf("PT%dH", h)
	case h == 0:
		return fmt.Sprintf("PT%dM", m)
	}
	return fmt.Sprintf("PT%dH%dM", h, m)
}

package authoring

import "strings"

// EUElement is one mandatory element of the EU Council Recommendation on
// micro-credentials (2022/C 243/02, Annex I) that a credential must state.
// Learner, issue date and grade are mandatory too, but they belong to each
// issued record, so they are not listed here.
type EUElement struct {
	Key   string // the key in the standards' elements.json, e.g. "issuerCountry"
	Name  string // English name for lists and messages
	Field string // the credential field that holds it, for the editor to focus
}

// euElements are in the order of the Recommendation's Annex I.
var euElements = []struct {
	EUElement
	present func(p *Project, c *Credential) bool
}{
	{EUElement{"title", "title", "title"}, func(_ *Project, c *Credential) bool { return filled(c.Title) }},
	{EUElement{"issuerCountry", "country of the awarding body", "awardingBody.country"},
		func(_ *Project, c *Credential) bool { return filled(c.AwardingBody.Country) }},
	{EUElement{"awardingBody", "awarding body", "awardingBody.name"},
		func(_ *Project, c *Credential) bool { return filled(c.AwardingBody.Name) }},
	{EUElement{"learningOutcomes", "learning outcomes", "outcomes"},
		func(p *Project, c *Credential) bool { return len(p.CredentialOutcomes(c)) > 0 }},
	{EUElement{"workload", "notional workload (hours or ECTS credits)", "workloadHours"},
		func(_ *Project, c *Credential) bool { return c.WorkloadHours > 0 || c.ECTS > 0 }},
	{EUElement{"level", "level (an EQF level, or stated as not applicable)", "eqfLevel"},
		func(_ *Project, c *Credential) bool { return c.EQFLevel != 0 || c.LevelNotApplicable }},
	{EUElement{"assessmentType", "type of assessment", "assessment"},
		func(_ *Project, c *Credential) bool { return filled(c.Assessment) }},
	{EUElement{"participationForm", "form of participation", "participation"},
		func(_ *Project, c *Credential) bool { return c.Participation != "" }},
	{EUElement{"qualityAssurance", "type of quality assurance", "qualityAssurance"},
		func(_ *Project, c *Credential) bool { return filled(c.QualityAssurance) }},
}

func filled(s string) bool { return strings.TrimSpace(s) != "" }

// EUElements returns the mandatory elements a credential must state, in the
// order of the Recommendation, for the editor's checklist.
func EUElements() []EUElement {
	out := make([]EUElement, len(euElements))
	for i, e := range euElements {
		out[i] = e.EUElement
	}
	return out
}

// MissingEUElements returns the mandatory elements c does not state yet.
func (p *Project) MissingEUElements(c *Credential) []EUElement {
	var out []EUElement
	for _, e := range euElements {
		if !e.present(p, c) {
			out = append(out, e.EUElement)
		}
	}
	return out
}

// CredentialOutcomes returns the learning outcomes c certifies: its own when
// the designer wrote them, else those of its modules in order, each once.
func (p *Project) CredentialOutcomes(c *Credential) []string {
	if len(c.Outcomes) > 0 {
		return c.Outcomes
	}
	var out []string
	seen := map[string]bool{}
	for _, id := range c.Modules {
		m, err := p.Module(id)
		if err != nil {
			continue
		}
		for _, o := range m.Outcomes {
			if filled(o) && !seen[o] {
				seen[o] = true
				out = append(out, o)
			}
		}
	}
	return out
}

// CredentialsEarnedBy returns the credentials module id counts towards, in
// project order: completing it earns them, alone or as part of a stack.
func (p *Project) CredentialsEarnedBy(moduleID string) []*Credential {
	var out []*Credential
	for i := range p.Credentials {
		for _, id := range p.Credentials[i].Modules {
			if id == moduleID {
				out = append(out, &p.Credentials[i])
				break
			}
		}
	}
	return out
}

// RequiredModules is how many of the credential's modules a learner must
// complete: Required, or all of them when Required is 0.
func (c *Credential) RequiredModules() int {
	if c.Required > 0 {
		return c.Required
	}
	return len(c.Modules)
}

// Credential returns the credential with the given id.
func (p *Project) Credential(id string) (*Credential, error) {
	for i := range p.Credentials {
		if p.Credentials[i].ID == id {
			return &p.Credentials[i], nil
		}
	}
	return nil, Errorf(ENOTFOUND, "credential %q not found", id)
}

package vc

import (
	"sort"
	"strings"
	"time"

	"github.com/stacklet/stacklet/authoring"
)

// ModuleRule is one module of the credential as issuing checks a
// per-module report against it.
type ModuleRule struct {
	ID       string   // the module id
	Aliases  []string // other ids a report may give it, such as its cmi5 AU id
	PassMark float64  // the module's mastery score when it is graded; 0 otherwise
	ResultID string   // the resultDescription its score reports on, if any
}

// ByModule reports whether learners come from a list with a module column:
// ReadLearners gives every row of such a list a module.
func ByModule(learners []Learner) bool {
	for _, l := range learners {
		if l.Module != "" {
			return true
		}
	}
	return false
}

// progress is what one learner's rows of a per-module report add up to.
type progress struct {
	first  Learner         // the learner's first row: identity and line
	name   string          // the first name given on any of their rows
	passed map[int]Learner // module index: the row that counts for it
}

// moduleAwards gathers each learner's rows (by email, or by identifier when a
// row has no email) and awards the credential to those who passed the
// modules it requires. A row counts for its module when the module is one
// of the credential's and the row meets that module's own pass mark; of
// several such rows, the earliest counts. Every row that does not count is
// reported, and so is every learner who falls short.
func (b *Batch) moduleAwards(learners []Learner) ([]award, []RowError) {
	var bad []RowError
	byWho := map[string]*progress{}
	var order []*progress
	for _, l := range learners {
		i, err := b.moduleIndex(l.Module)
		if err != nil {
			bad = append(bad, RowError{Line: l.Line, Err: err})
			continue
		}
		p := byWho[who(l)]
		if p == nil {
			p = &progress{first: l, passed: map[int]Learner{}}
			byWho[who(l)] = p
			order = append(order, p)
		}
		if p.name == "" {
			p.name = l.Name
		}
		if err := b.moduleEarned(l, b.Modules[i]); err != nil {
			bad = append(bad, RowError{Line: l.Line, Err: err})
			continue
		}
		if prev, ok := p.passed[i]; !ok || l.Completed.Before(prev.Completed) {
			p.passed[i] = l
		}
	}
	var out []award
	for _, p := range order {
		a, err := b.stackAward(p)
		if err != nil {
			bad = append(bad, RowError{Line: p.first.Line, Err: err, Learner: who(p.first)})
			continue
		}
		out = append(out, a)
	}
	return out, bad
}

// who names the learner a row is about, as messages show it.
func who(l Learner) string {
	if l.Email != "" {
		return l.Email
	}
	return l.Identifier
}

// moduleIndex finds the credential's module a report names, by id or alias.
func (b *Batch) moduleIndex(name string) (int, error) {
	ids := make([]string, len(b.Modules))
	for i, m := range b.Modules {
		ids[i] = m.ID
		if strings.EqualFold(name, m.ID) {
			return i, nil
		}
		for _, alias := range m.Aliases {
			if strings.EqualFold(name, alias) {
				return i, nil
			}
		}
	}
	return -1, authoring.Errorf(authoring.EINVALID, "module %q is not one of the credential's modules (%s): row ignored", name, strings.Join(ids, ", "))
}

// moduleEarned says why row l does not count for module m, or nil. Expiry
// is checked on the award, whose date may be later than the row's.
func (b *Batch) moduleEarned(l Learner, m ModuleRule) error {
	if l.Completed.After(b.Created) {
		return authoring.Errorf(authoring.EINVALID, "completed on %s, after the issue time %s", l.Completed.Format(time.RFC3339), b.Created.UTC().Format(time.RFC3339))
	}
	return meetsMark(l, m.PassMark, "module "+m.ID)
}

// RequiredModules is how many of Modules a learner must pass: Required, or
// all of them.
func (b *Batch) RequiredModules() int {
	if b.Required > 0 && b.Required < len(b.Modules) {
		return b.Required
	}
	return len(b.Modules)
}

// stackAward is learner p's credential, or why they cannot have it. The
// credential was earned when the last of the first modules that meet the
// requirement was passed, so that completion is the award date. A score
// goes on the credential only when one module earns it: one module's score
// cannot stand for several.
func (b *Batch) stackAward(p *progress) (award, error) {
	need := b.RequiredModules()
	if len(p.passed) < need {
		return award{}, b.shortOf(p, need)
	}
	rows := make([]int, 0, len(p.passed))
	for i := range p.passed {
		rows = append(rows, i)
	}
	sort.Slice(rows, func(x, y int) bool {
		a, c := p.passed[rows[x]], p.passed[rows[y]]
		if !a.Completed.Equal(c.Completed) {
			return a.Completed.Before(c.Completed)
		}
		return rows[x] < rows[y]
	})
	last := p.passed[rows[need-1]]
	l := p.first
	l.Name, l.Completed, l.Score, l.Status, l.Module = p.name, last.Completed, "", "", ""
	a := award{Learner: l}
	if need == 1 {
		a.Score, a.resultID = last.Score, b.Modules[rows[0]].ResultID
	}
	if _, _, err := b.validity(a.Learner); err != nil {
		return award{}, authoring.Errorf(authoring.ErrorCode(err), "learner %s: %s", who(l), authoring.ErrorMessage(err))
	}
	return a, nil
}

// shortOf says which modules learner p still lacks.
func (b *Batch) shortOf(p *progress, need int) error {
	var missing []string
	for i, m := range b.Modules {
		if _, ok := p.passed[i]; !ok {
			missing = append(missing, m.ID)
		}
	}
	if need == len(b.Modules) {
		return authoring.Errorf(authoring.EINVALID, "learner %s: %d of %d required modules passed (missing: %s)",
			who(p.first), len(p.passed), need, strings.Join(missing, ", "))
	}
	return authoring.Errorf(authoring.EINVALID, "learner %s: %d of %d required modules passed (any %d of the %d; not passed: %s)",
		who(p.first), len(p.passed), need, need, len(b.Modules), strings.Join(missing, ", "))
}

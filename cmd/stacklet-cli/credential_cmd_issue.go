package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/export/cmi5"
	"github.com/stacklet/stacklet/export/credential"
	"github.com/stacklet/stacklet/export/credential/vc"
)

// issueRow is one line of "credential issue --json".
type issueRow struct {
	Line  int    `json:"line"`
	Path  string `json:"path,omitempty"`
	Error string `json:"error,omitempty"`
}

func (f *credentialFlags) issue(ctx context.Context, e *env, args []string) error {
	if *f.id == "" || *f.learners == "" || *f.out == "" || *f.key == "" {
		return usageError("credential issue needs --credential, --learners, -o and --key")
	}
	l, rest, err := f.src.open(ctx, args)
	if err != nil {
		return err
	}
	defer l.close()
	if len(rest) > 0 {
		return usageError("unexpected arguments: " + strings.Join(rest, " "))
	}
	batch, err := f.batch(ctx, l)
	if err != nil {
		return err
	}
	learners, bad, err := readLearners(*f.learners)
	if err != nil {
		return err
	}
	rows := len(learners) + len(bad)
	if len(batch.Modules) > 1 && len(learners) > 0 && !vc.ByModule(learners) {
		// A course-level LMS report says nothing about single modules:
		// say once what each row is taken to mean.
		fmt.Fprintf(e.stderr, "note: the learner list has no module column, so each row is taken as a completion of the whole credential %q (%s); a per-module report needs a module column\n",
			batch.CredentialID, requirement(batch))
	}
	issued, skipped, err := batch.IssueAll(learners)
	if err != nil {
		return err
	}
	return f.writeIssued(e, issued, append(bad, skipped...), rows)
}

// batch gathers what every credential of the run shares.
func (f *credentialFlags) batch(ctx context.Context, l *loaded) (*vc.Batch, error) {
	p := l.project
	c, err := p.Credential(*f.id)
	if err != nil {
		return nil, err
	}
	// What an export refuses to package is not signed either: an
	// EU-compliant claim with elements missing would be false.
	if problems := authoring.Errors(p.ValidateCredential(c)); len(problems) > 0 {
		return nil, authoring.ProblemsError(problems)
	}
	key, err := vc.ReadKey(*f.key)
	if err != nil {
		return nil, err
	}
	created, err := parseTime("issued-at", *f.issuedAt)
	if err != nil {
		return nil, err
	}
	loader, err := f.loader()
	if err != nil {
		return nil, err
	}
	ach, err := achievement(ctx, l, c, *f.locale)
	if err != nil {
		return nil, err
	}
	b := &vc.Batch{CredentialID: c.ID, Name: ach.Name, Contexts: ach.Context, ValidityMonths: c.ValidityMonths,
		Issuer: c.AwardingBody, Key: key, Created: created, Loader: loader, PassMark: passMark(p, c),
		Modules: moduleRules(p, c, ach), Required: c.Required}
	if len(ach.ResultDescription) == 1 {
		b.ResultID = ach.ResultDescription[0].ID // one graded module: the score is its score
	}
	ach.Context = nil // the credential carries the contexts
	b.Achievement = ach
	return b, nil
}

// passMark is the score a learner's row needs: the highest mastery score of
// the credential's graded modules, since one score has to stand for all of
// them. 0 when no module is graded.
func passMark(p *authoring.Project, c *authoring.Credential) float64 {
	mark := 0
	for _, id := range c.Modules {
		if m, err := p.Module(id); err == nil && m.Graded() && m.MasteryScore > mark {
			mark = m.MasteryScore
		}
	}
	return float64(mark)
}

// moduleRules are the credential's modules as a per-module report names
// them (by id or by cmi5 AU id), each with its own pass mark and the
// resultDescription its score reports on.
func moduleRules(p *authoring.Project, c *authoring.Credential, ach *credential.Achievement) []vc.ModuleRule {
	results := map[string]bool{}
	for _, r := range ach.ResultDescription {
		results[r.ID] = true
	}
	rules := make([]vc.ModuleRule, 0, len(c.Modules))
	for _, id := range c.Modules {
		rule := vc.ModuleRule{ID: id}
		if m, err := p.Module(id); err == nil {
			rule.Aliases = []string{cmi5.ModuleIRI(p, m)}
			if m.Graded() {
				rule.PassMark = float64(m.MasteryScore)
			}
		}
		if r := credential.URN(p, c, "result/"+id); results[r] {
			rule.ResultID = r
		}
		rules = append(rules, rule)
	}
	return rules
}

// achievement is the credential's Open Badges Achievement, as packages
// carry it, in the requested language.
func achievement(ctx context.Context, l *loaded, c *authoring.Credential, locale string) (*credential.Achievement, error) {
	loc := l.project.SourceLocale
	if locale != "" {
		loc = authoring.Locale(locale)
	}
	src := credential.Source{Project: l.project, Credential: c, Locale: loc}
	if c.Image != "" {
		m, ok := l.project.MediaByHash(c.Image)
		data, err := l.media.ReadMedia(ctx, c.Image)
		if !ok || err != nil {
			return nil, authoring.Errorf(authoring.ENOTFOUND, "the badge image %s of credential %s is missing", c.Image, c.ID)
		}
		src.Badge = &credential.Badge{Name: "badge" + filepath.Ext(strings.ToLower(m.Name)), Type: m.Type, Data: data}
	}
	return credential.NewAchievement(src)
}

func readLearners(path string) ([]vc.Learner, []vc.RowError, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, nil, authoring.Errorf(authoring.ENOTFOUND, "learner list %s not found", path)
	}
	defer file.Close()
	learners, bad, err := vc.ReadLearners(file)
	if err != nil {
		return nil, nil, authoring.Errorf(authoring.ErrorCode(err), "%s: %s", path, authoring.ErrorMessage(err))
	}
	return learners, bad, nil
}

// writeIssued writes the credentials (none with --strict and a bad row),
// reports every row and fails when a row was skipped, so scripts notice.
func (f *credentialFlags) writeIssued(e *env, issued []vc.Issued, bad []vc.RowError, rows int) error {
	if len(bad) > 0 && *f.strict {
		issued = nil
	}
	if err := vc.WriteIssued(*f.out, issued); err != nil {
		return err
	}
	report := make([]issueRow, 0, len(issued)+len(bad))
	for _, is := range issued {
		report = append(report, issueRow{Line: is.Line, Path: filepath.Join(*f.out, is.File)})
	}
	for _, b := range bad {
		report = append(report, issueRow{Line: b.Line, Error: authoring.ErrorMessage(b.Err)})
	}
	sort.SliceStable(report, func(i, j int) bool { return report[i].Line < report[j].Line })
	printIssue(e, report, *f.asJSON)
	if len(bad) == 0 {
		return nil
	}
	short := ""
	if n := len(bad) - badRows(bad); n > 0 {
		short = fmt.Sprintf(", %d learners short of the credential", n)
	}
	if *f.strict {
		return authoring.Errorf(authoring.EINVALID, "%d of %d rows bad%s: nothing written (--strict)", badRows(bad), rows, short)
	}
	return authoring.Errorf(authoring.EINVALID, "%d of %d rows skipped%s; %d credentials written", badRows(bad), rows, short, len(issued))
}

// requirement says in words how many modules the credential asks for.
func requirement(b *vc.Batch) string {
	if n := b.RequiredModules(); n < len(b.Modules) {
		return fmt.Sprintf("any %d of its %d modules", n, len(b.Modules))
	}
	return fmt.Sprintf("all %d of its modules", len(b.Modules))
}

// badRows counts the rows skipped on their own, leaving out the learners
// whose rows together fall short of a stack credential.
func badRows(bad []vc.RowError) int {
	n := 0
	for _, b := range bad {
		if b.Learner == "" {
			n++
		}
	}
	return n
}

func printIssue(e *env, rows []issueRow, asJSON bool) {
	if asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.Encode(rows)
		return
	}
	for _, r := range rows {
		if r.Error != "" {
			fmt.Fprintf(e.stderr, "line %d: skipped: %s\n", r.Line, r.Error)
			continue
		}
		fmt.Fprintf(e.stdout, "line %d: %s\n", r.Line, r.Path)
	}
}

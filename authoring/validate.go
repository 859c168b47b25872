package authoring

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/stacklet/stacklet/authoring/richtext"
)

// Severity says whether a problem stops an export.
type Severity string

const (
	SeverityError   Severity = "error"   // export is refused
	SeverityWarning Severity = "warning" // worth fixing; export goes ahead
)

// Problem is one validation finding, located precisely enough for the
// desktop app to select the block and field.
type Problem struct {
	Severity Severity  `json:"severity"`
	Module   string    `json:"module"`          // module title
	ModuleID string    `json:"moduleId"`        //
	Block    int       `json:"block,omitempty"` // 1-based position; 0 for the module itself
	BlockID  string    `json:"blockId,omitempty"`
	Kind     BlockKind `json:"kind,omitempty"`
	Field    string    `json:"field,omitempty"` // e.g. "alt", "choices[2].text"
	Message  string    `json:"message"`
	// CredentialID is set, and Module left empty, when the problem is in a
	// credential; Field is then a path inside it, e.g. "awardingBody.email".
	CredentialID string `json:"credentialId,omitempty"`
}

func (p Problem) String() string {
	where := fmt.Sprintf("module %q", p.Module)
	if p.CredentialID != "" {
		where = fmt.Sprintf("credential %q", p.CredentialID)
	}
	if p.Block > 0 {
		where += fmt.Sprintf(", block %d (%s)", p.Block, p.Kind)
	}
	return where + ": " + p.Message
}

// Errors returns the problems of severity error.
func Errors(problems []Problem) []Problem {
	var out []Problem
	for _, p := range problems {
		if p.Severity == SeverityError {
			out = append(out, p)
		}
	}
	return out
}

// ProblemsError joins problems into one EINVALID error that lists them all.
func ProblemsError(problems []Problem) error {
	lines := make([]string, len(problems))
	for i, p := range problems {
		lines[i] = "  - " + p.String()
	}
	return Errorf(EINVALID, "%d problem(s) must be fixed first:\n%s", len(problems), strings.Join(lines, "\n"))
}

// check collects the problems of one module, or of one block in it.
type check struct {
	project  *Project
	base     Problem
	problems *[]Problem
}

func (c *check) add(sev Severity, field, format string, args ...any) {
	p := c.base
	p.Severity, p.Field, p.Message = sev, field, fmt.Sprintf(format, args...)
	*c.problems = append(*c.problems, p)
}

func (c *check) errorf(field, format string, args ...any) {
	c.add(SeverityError, field, format, args...)
}

func (c *check) required(field, value, what string) {
	if strings.TrimSpace(value) == "" {
		c.errorf(field, "%s is missing", what)
	}
}

func (c *check) richText(field, value, what string) {
	if strings.TrimSpace(value) == "" {
		c.errorf(field, "%s is missing", what)
		return
	}
	if _, err := richtext.Parse(value); err != nil {
		c.errorf(field, "%s, %v", what, err)
	}
}

// media checks that hash names a library file of the wanted kind.
func (c *check) media(field, hash, want string) {
	if hash == "" {
		c.errorf(field, "no %s file is chosen", want)
		return
	}
	m, ok := c.project.MediaByHash(hash)
	if !ok {
		c.errorf(field, "the %s file is missing from the media library", want)
		return
	}
	if m.MediaKind() != want {
		c.errorf(field, "%q is not a %s file", m.Name, want)
	}
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)

// ValidID reports whether id can name a module, block, choice or credential:
// it is used in file names, URLs and SCORM identifiers.
func ValidID(id string) bool { return idPattern.MatchString(id) }

// Validate returns every problem of module m within project p.
func (p *Project) Validate(m *Module) []Problem {
	var problems []Problem
	c := &check{project: p, base: Problem{Module: m.Title, ModuleID: m.ID}, problems: &problems}
	m.validate(c)
	seen := map[string]bool{}
	for i, b := range m.Blocks {
		bc := &check{project: p, problems: &problems, base: Problem{
			Module: m.Title, ModuleID: m.ID, Block: i + 1, BlockID: b.ID, Kind: b.Kind(),
		}}
		if !ValidID(b.ID) || seen[b.ID] {
			bc.errorf("id", "id %q is not a unique lowercase identifier", b.ID)
		}
		seen[b.ID] = true
		if b.Kind() == KindGate && i == 0 {
			bc.errorf("", "a continue gate needs content above it")
		}
		b.Content.validate(bc)
	}
	return problems
}

// ValidateProject returns the problems of every module and of the project itself.
func (p *Project) ValidateProject() []Problem {
	var problems []Problem
	c := &check{project: p, base: Problem{Module: p.Title}, problems: &problems}
	c.required("title", p.Title, "project title")
	if _, err := ParseLocale(string(p.SourceLocale)); err != nil {
		c.errorf("sourceLocale", "source locale: %s", ErrorMessage(err))
	}
	if !accentPattern.MatchString(p.Theme.Accent) {
		c.errorf("theme.accent", "accent colour %q is not a #rrggbb colour", p.Theme.Accent)
	}
	for i := range p.Modules {
		problems = append(problems, p.Validate(&p.Modules[i])...)
	}
	return append(problems, p.ValidateCredentials()...)
}

var accentPattern = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

func (m *Module) validate(c *check) {
	if !ValidID(m.ID) {
		c.errorf("id", "id %q must be lowercase letters, digits, '-' or '_'", m.ID)
	}
	c.required("title", m.Title, "title")
	switch {
	case m.Minutes < 1 || m.Minutes > 60:
		c.errorf("minutes", "estimated time must be between 1 and 60 minutes, not %d", m.Minutes)
	case m.Minutes > 15:
		c.add(SeverityWarning, "minutes", "%d minutes is long for microlearning: consider splitting the module", m.Minutes)
	}
	if m.MasteryScore < 0 || m.MasteryScore > 100 {
		c.errorf("masteryScore", "mastery score must be between 0 and 100 %%, not %d", m.MasteryScore)
	}
	if m.Attempts < 0 {
		c.errorf("attempts", "attempts allowed cannot be negative")
	}
	switch m.Completion {
	case CompleteWhenViewed:
	case CompleteWhenPassed, CompleteWhenBoth:
		if !m.Graded() {
			c.errorf("completion", "completion needs a passed quiz but the module has no graded question")
		}
	default:
		c.errorf("completion", "completion rule %q is not viewed, passed or both", m.Completion)
	}
	if len(m.Blocks) == 0 {
		c.errorf("blocks", "the module has no blocks: add a block before exporting")
	}
	if len(m.Outcomes) == 0 {
		c.add(SeverityWarning, "outcomes", "no learning outcomes: say what learners will be able to do")
	}
}

package cp

import (
	"strconv"
	"strings"

	"github.com/stacklet/stacklet/authoring"
)

// CredentialDir is the folder of the credential files in a package.
const CredentialDir = "credential/"

// Classification is what both LOM flavours say about the credentials a
// module counts towards: the skills it certifies (purpose "competency"), the
// outcomes ("educational objective"), the EQF level ("educational level")
// and the prerequisites ("prerequisite").
type Classification struct {
	Skills        []authoring.Skill
	Keywords      []string // the credentials' tags
	Outcomes      []string
	EQFLevels     []int
	Prerequisites []string
}

// Classify collects the classification of every credential the module
// earns, each skill, tag, outcome and level once, in project order.
func Classify(in Input) Classification {
	var c Classification
	seen := map[string]bool{}
	once := func(kind, v string) bool {
		if strings.TrimSpace(v) == "" || seen[kind+v] {
			return false
		}
		seen[kind+v] = true
		return true
	}
	for _, cred := range in.Project.CredentialsEarnedBy(in.Module.ID) {
		for _, s := range cred.Skills {
			if once("skill", s.URI) {
				c.Skills = append(c.Skills, s)
			}
		}
		for _, tag := range cred.Tags {
			if once("tag", tag) {
				c.Keywords = append(c.Keywords, tag)
			}
		}
		for _, o := range in.Project.CredentialOutcomes(cred) {
			if once("outcome", o) {
				c.Outcomes = append(c.Outcomes, o)
			}
		}
		if cred.EQFLevel > 0 && once("eqf", strconv.Itoa(cred.EQFLevel)) {
			c.EQFLevels = append(c.EQFLevels, cred.EQFLevel)
		}
		if once("prerequisite", cred.Prerequisites) {
			c.Prerequisites = append(c.Prerequisites, cred.Prerequisites)
		}
	}
	return c
}

// EQFURL is the EU's URI of an EQF level.
func EQFURL(level int) string { return "http://data.europa.eu/snb/eqf/" + strconv.Itoa(level) }

// SplitFiles separates the SCO's files from the credential files. The
// credential resource also lists the stylesheets its summary page uses.
func SplitFiles(names []string) (sco, credential []string) {
	for _, n := range names {
		if strings.HasPrefix(n, CredentialDir) {
			credential = append(credential, n)
		} else {
			sco = append(sco, n)
		}
	}
	if len(credential) == 0 {
		return sco, nil
	}
	for _, n := range sco {
		if n == "player.css" || n == "theme.css" {
			credential = append(credential, n)
		}
	}
	return sco, credential
}

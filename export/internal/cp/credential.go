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

// Class is one LOM Classification entry, in terms both XML bindings share.
type Class struct {
	Purpose     string // a LOMv1.0 purpose vocabulary value
	Taxa        []Taxon
	Description string
	Keywords    []string
}

// Taxon is one taxon path of a classification: the taxonomy and one entry.
type Taxon struct{ Source, ID, Entry string }

// Classes lays the classification out as LOM Classification entries, one
// per purpose, in the order both manifests write them.
func (c Classification) Classes() []Class {
	var out []Class
	if len(c.Skills) > 0 || len(c.Keywords) > 0 {
		cl := Class{Purpose: "competency", Keywords: c.Keywords}
		for _, s := range c.Skills {
			cl.Taxa = append(cl.Taxa, Taxon{"ESCO", s.URI, s.Label})
		}
		out = append(out, cl)
	}
	if len(c.Outcomes) > 0 {
		out = append(out, Class{Purpose: "educational objective", Description: strings.Join(c.Outcomes, "\n")})
	}
	for _, level := range c.EQFLevels {
		eqf := Taxon{"European Qualifications Framework", EQFURL(level), "EQF " + strconv.Itoa(level)}
		out = append(out, Class{Purpose: "educational level", Taxa: []Taxon{eqf}})
	}
	for _, pre := range c.Prerequisites {
		out = append(out, Class{Purpose: "prerequisite", Description: pre})
	}
	return out
}

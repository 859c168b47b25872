package scorm2004

import (
	"fmt"
	"strings"

	"github.com/stacklet/stacklet/export/internal/cp"
)

// lom is the IEEE LOM record (LOMv1.0 vocabularies) LMS catalogues read.
type lom struct {
	NS             string           `xml:"xmlns,attr"`
	General        general          `xml:"general"`
	Technical      technical        `xml:"technical"`
	Educational    educational      `xml:"educational"`
	Classification []classification `xml:"classification"`
}

type general struct {
	Identifier  identifier    `xml:"identifier"`
	Title       langStrings   `xml:"title"`
	Language    string        `xml:"language"`
	Description *langStrings  `xml:"description,omitempty"`
	Keywords    []langStrings `xml:"keyword"`
}

type identifier struct {
	Catalog string `xml:"catalog"`
	Entry   string `xml:"entry"`
}

type technical struct {
	Format string `xml:"format"`
}

type vocab struct {
	Source string `xml:"source"`
	Value  string `xml:"value"`
}

type educational struct {
	Interactivity vocab        `xml:"interactivityType"`
	EndUserRole   vocab        `xml:"intendedEndUserRole"`
	Context       vocab        `xml:"context"`
	LearningTime  string       `xml:"typicalLearningTime>duration"`
	Description   *langStrings `xml:"description,omitempty"`
	Language      string       `xml:"language"`
}

type langStrings struct {
	Strings []langString `xml:"string"`
}

type langString struct {
	Lang string `xml:"language,attr"`
	Text string `xml:",chardata"`
}

func newLOM(in Input, id string) lom {
	m, lang := in.Module, string(in.Locale)
	ls := func(s string) langStrings { return langStrings{[]langString{{lang, s}}} }
	l := lom{
		NS: "http://ltsc.ieee.org/xsd/LOM",
		General: general{
			Identifier: identifier{Catalog: "stacklet", Entry: id},
			Title:      ls(m.Title), Language: lang,
		},
		Technical: technical{Format: "text/html"},
		Educational: educational{
			Interactivity: vocab{"LOMv1.0", interactivity(in)},
			// Microlearning is workplace and lifelong learning: "training".
			EndUserRole: vocab{"LOMv1.0", "learner"}, Context: vocab{"LOMv1.0", "training"},
			LearningTime: fmt.Sprintf("PT%dM", m.Minutes),
			Language:     lang,
		},
	}
	if m.Description != "" {
		d := ls(m.Description)
		l.General.Description = &d
	}
	for _, k := range m.Keywords {
		l.General.Keywords = append(l.General.Keywords, ls(k))
	}
	if len(m.Outcomes) > 0 {
		d := ls(strings.Join(m.Outcomes, "\n"))
		l.Educational.Description = &d
	}
	l.Classification = classify(cp.Classify(in), ls)
	return l
}

// interactivity is "mixed" when the module asks questions, else "expositive".
func interactivity(in Input) string {
	for _, b := range in.Module.Blocks {
		if b.Kind().IsQuestion() {
			return "mixed"
		}
	}
	return "expositive"
}

// classification is a LOM 9 Classification: one per purpose.
type classification struct {
	Purpose     vocab         `xml:"purpose"`
	TaxonPaths  []taxonPath   `xml:"taxonPath"`
	Description *langStrings  `xml:"description,omitempty"`
	Keywords    []langStrings `xml:"keyword"`
}

type taxonPath struct {
	Source langStrings `xml:"source"`
	Taxon  taxon       `xml:"taxon"`
}

type taxon struct {
	ID    string      `xml:"id"`
	Entry langStrings `xml:"entry"`
}

// classify says what the module's credentials certify: ESCO skills as
// competencies, outcomes as objectives, the EQF level, prerequisites.
func classify(c cp.Classification, ls func(string) langStrings) []classification {
	var out []classification
	for _, cl := range c.Classes() {
		x := classification{Purpose: vocab{"LOMv1.0", cl.Purpose}}
		for _, t := range cl.Taxa {
			x.TaxonPaths = append(x.TaxonPaths, taxonPath{ls(t.Source), taxon{t.ID, ls(t.Entry)}})
		}
		if cl.Description != "" {
			d := ls(cl.Description)
			x.Description = &d
		}
		for _, k := range cl.Keywords {
			x.Keywords = append(x.Keywords, ls(k))
		}
		out = append(out, x)
	}
	return out
}

package scorm12

import (
	"fmt"
	"strings"

	"github.com/stacklet/stacklet/export/internal/cp"
)

// lom is the IMS Metadata 1.2.1 record LMS catalogues show and search.
type lom struct {
	General        general          `xml:"imsmd:general"`
	Technical      technical        `xml:"imsmd:technical"`
	Educational    educational      `xml:"imsmd:educational"`
	Classification []classification `xml:"imsmd:classification"`
}

type general struct {
	Identifier  string        `xml:"imsmd:identifier"`
	Title       langStrings   `xml:"imsmd:title"`
	Language    string        `xml:"imsmd:language"`
	Description *langStrings  `xml:"imsmd:description,omitempty"`
	Keywords    []langStrings `xml:"imsmd:keyword"`
}

type technical struct {
	Format string `xml:"imsmd:format"`
}

type educational struct {
	EndUserRole  vocab        `xml:"imsmd:intendedenduserrole"`
	Context      vocab        `xml:"imsmd:context"`
	LearningTime string       `xml:"imsmd:typicallearningtime>imsmd:datetime"`
	Description  *langStrings `xml:"imsmd:description,omitempty"`
	Language     string       `xml:"imsmd:language"`
}

type langStrings struct {
	Strings []langString `xml:"imsmd:langstring"`
}

type langString struct {
	Lang string `xml:"xml:lang,attr"`
	Text string `xml:",chardata"`
}

func newLOM(in Input, id string) lom {
	m, lang := in.Module, string(in.Locale)
	ls := func(s string) langStrings { return langStrings{[]langString{{lang, s}}} }
	l := lom{
		General:   general{Identifier: id, Title: ls(m.Title), Language: lang},
		Technical: technical{Format: "text/html"},
		Educational: educational{
			// Microlearning is workplace and lifelong learning: "training".
			EndUserRole: lomVocab("learner"), Context: lomVocab("training"),
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

// vocab is an IMS MD source/value pair; vocabulary terms are in no
// language, hence x-none.
type vocab struct {
	Source langStrings `xml:"imsmd:source"`
	Value  langStrings `xml:"imsmd:value"`
}

func lomVocab(value string) vocab {
	none := func(s string) langStrings { return langStrings{[]langString{{"x-none", s}}} }
	return vocab{none("LOMv1.0"), none(value)}
}

// classification is IMS MD 9 Classification: one per purpose.
type classification struct {
	Purpose     vocab         `xml:"imsmd:purpose"`
	TaxonPaths  []taxonPath   `xml:"imsmd:taxonpath"`
	Description *langStrings  `xml:"imsmd:description,omitempty"`
	Keywords    []langStrings `xml:"imsmd:keyword"`
}

type taxonPath struct {
	Source langStrings `xml:"imsmd:source"`
	Taxon  taxon       `xml:"imsmd:taxon"`
}

type taxon struct {
	ID    string      `xml:"imsmd:id"`
	Entry langStrings `xml:"imsmd:entry"`
}

// classify says what the module's credentials certify: ESCO skills as
// competencies, outcomes as objectives, the EQF level, prerequisites.
func classify(c cp.Classification, ls func(string) langStrings) []classification {
	var out []classification
	for _, cl := range c.Classes() {
		x := classification{Purpose: lomVocab(cl.Purpose)}
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

package scorm2004

import (
	"fmt"
	"strings"
)

// lom is the IEEE LOM record (LOMv1.0 vocabularies) LMS catalogues read.
type lom struct {
	NS          string      `xml:"xmlns,attr"`
	General     general     `xml:"general"`
	Technical   technical   `xml:"technical"`
	Educational educational `xml:"educational"`
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
			LearningTime:  fmt.Sprintf("PT%dM", m.Minutes),
			Language:      lang,
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

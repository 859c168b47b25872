package scorm12

import (
	"fmt"
	"strings"
)

// lom is the IMS Metadata 1.2.1 record LMS catalogues show and search.
type lom struct {
	General     general     `xml:"imsmd:general"`
	Technical   technical   `xml:"imsmd:technical"`
	Educational educational `xml:"imsmd:educational"`
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
	return l
}

// Package cmi5 writes the cmi5.xml course structure of a cmi5 package
// (cmi5 Quartz, CourseStructure.xsd): one course with one assignable unit
// (AU) per module. The player's cmi5 adapter does the launch-time work.
package cmi5

import (
	"encoding/xml"
	"fmt"
	"strconv"

	"github.com/stacklet/stacklet/authoring"
)

// FileName is the course structure's name at the root of the zip (§14).
const FileName = "cmi5.xml"

const namespace = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"

// lessonType is the xAPI activity type of every AU: a module is a lesson.
const lessonType = "http://adlnet.gov/expapi/activities/lesson"

// MoveOn is what the LMS waits for before it counts an AU as satisfied.
type MoveOn string

const (
	MoveOnCompleted          MoveOn = "Completed"
	MoveOnPassed             MoveOn = "Passed"
	MoveOnCompletedAndPassed MoveOn = "CompletedAndPassed"
)

// Text is a title or description in one language.
type Text struct {
	Lang  authoring.Locale
	Value string
}

// AU is one module of the course.
type AU struct {
	ID           string
	Title        Text
	Description  Text
	URL          string // relative to the zip root
	MoveOn       MoveOn
	MasteryScore string // 0-1 decimal; empty when the module is not graded
}

// Course is what cmi5.xml describes.
type Course struct {
	ID          string
	Title       Text
	Description Text
	AUs         []AU
}

// ModuleAU describes module m, already in locale, launched from url.
func ModuleAU(p *authoring.Project, m *authoring.Module, locale authoring.Locale, url string) AU {
	au := AU{
		ID:          ModuleIRI(p, m),
		Title:       Text{locale, m.Title},
		Description: Text{locale, orTitle(m.Description, m.Title)},
		URL:         url,
		MoveOn:      moveOn(m),
	}
	if m.Graded() {
		au.MasteryScore = strconv.FormatFloat(float64(m.MasteryScore)/100, 'f', -1, 64)
	}
	return au
}

// moveOn follows the module's completion rule. A module without graded
// questions can only be completed, whatever its rule says.
func moveOn(m *authoring.Module) MoveOn {
	if !m.Graded() {
		return MoveOnCompleted
	}
	switch m.Completion {
	case authoring.CompleteWhenPassed:
		return MoveOnPassed
	case authoring.CompleteWhenBoth:
		return MoveOnCompletedAndPassed
	}
	return MoveOnCompleted
}

// ModuleCourse is a package holding one module.
func ModuleCourse(p *authoring.Project, m *authoring.Module, locale authoring.Locale, url string) Course {
	au := ModuleAU(p, m, locale, url)
	return Course{ID: ModuleCourseIRI(p, m), Title: au.Title, Description: au.Description, AUs: []AU{au}}
}

// StackCourse is a credential's modules as one course, with c's text
// (already translated by the caller) labelled with locale.
func StackCourse(p *authoring.Project, c *authoring.Credential, locale authoring.Locale, aus []AU) Course {
	if locale == "" {
		locale = p.SourceLocale
	}
	return Course{
		ID:          CredentialCourseIRI(p, c),
		Title:       Text{locale, c.Title},
		Description: Text{locale, orTitle(c.Description, c.Title)},
		AUs:         aus,
	}
}

// orTitle stands in for an empty description, which the XSD allows but an
// LMS would show as a blank line.
func orTitle(desc, title string) string {
	if desc != "" {
		return desc
	}
	return title
}

// XML returns the cmi5.xml bytes.
func (c Course) XML() ([]byte, error) {
	doc := courseStructure{NS: namespace, Course: course{ID: c.ID, Title: text(c.Title), Description: text(c.Description)}}
	for _, a := range c.AUs {
		doc.AUs = append(doc.AUs, au{
			ID: a.ID, MoveOn: string(a.MoveOn), MasteryScore: a.MasteryScore,
			LaunchMethod: "AnyWindow", ActivityType: lessonType,
			Title: text(a.Title), Description: text(a.Description), URL: a.URL,
		})
	}
	out, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", FileName, err)
	}
	return append([]byte(xml.Header), append(out, '\n')...), nil
}

type courseStructure struct {
	XMLName xml.Name `xml:"courseStructure"`
	NS      string   `xml:"xmlns,attr"`
	Course  course   `xml:"course"`
	AUs     []au     `xml:"au"`
}

type course struct {
	ID          string    `xml:"id,attr"`
	Title       textBlock `xml:"title"`
	Description textBlock `xml:"description"`
}

type au struct {
	ID           string    `xml:"id,attr"`
	MoveOn       string    `xml:"moveOn,attr"`
	MasteryScore string    `xml:"masteryScore,attr,omitempty"`
	LaunchMethod string    `xml:"launchMethod,attr"`
	ActivityType string    `xml:"activityType,attr"`
	Title        textBlock `xml:"title"`
	Description  textBlock `xml:"description"`
	URL          string    `xml:"url"`
}

type textBlock struct {
	Strings []langstring `xml:"langstring"`
}

type langstring struct {
	Lang  string `xml:"lang,attr"`
	Value string `xml:",chardata"`
}

func text(t Text) textBlock {
	return textBlock{Strings: []langstring{{Lang: string(t.Lang), Value: t.Value}}}
}

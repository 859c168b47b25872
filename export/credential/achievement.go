package credential

import (
	"encoding/base64"
	"fmt"
	"strconv"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/export/internal/cp"
)

// Achievement is an Open Badges 3.0 Achievement. Field order is output
// order. An issuer puts it, without Context, in the credentialSubject of
// each AchievementCredential it signs.
type Achievement struct {
	Context           []string            `json:"@context,omitempty"`
	ID                string              `json:"id"`
	Type              []string            `json:"type"`
	AchievementType   string              `json:"achievementType"`
	Name              string              `json:"name"`
	Description       string              `json:"description"`
	Criteria          Criteria            `json:"criteria"`
	Image             *Image              `json:"image,omitempty"`
	Creator           *Profile            `json:"creator,omitempty"`
	InLanguage        string              `json:"inLanguage"`
	CreditsAvailable  *float64            `json:"creditsAvailable,omitempty"`
	Alignment         []Alignment         `json:"alignment,omitempty"`
	ResultDescription []ResultDescription `json:"resultDescription,omitempty"`
	Tag               []string            `json:"tag,omitempty"`
	Extensions
}

// Extensions are the EU micro-credential elements Open Badges 3.0 has no
// property for, defined by Stacklet's context (ContextURL).
type Extensions struct {
	LearningOutcomes           []string `json:"learningOutcomes,omitempty"`
	ECTSCredits                *float64 `json:"ectsCredits,omitempty"`
	VolumeOfLearning           string   `json:"volumeOfLearning,omitempty"` // ISO 8601 duration
	EQFLevel                   string   `json:"eqfLevel,omitempty"`         // http://data.europa.eu/snb/eqf/<n>
	LevelNotApplicable         bool     `json:"levelNotApplicable,omitempty"`
	NationalQualificationLevel string   `json:"nationalQualificationLevel,omitempty"`
	AssessmentType             string   `json:"assessmentType,omitempty"`
	ParticipationForm          string   `json:"participationForm,omitempty"` // online, onsite or blended
	Supervision                string   `json:"supervision,omitempty"`
	QualityAssurance           string   `json:"qualityAssurance,omitempty"`
	Prerequisites              string   `json:"prerequisites,omitempty"`
	GradingScheme              string   `json:"gradingScheme,omitempty"`
	Stackable                  bool     `json:"stackable"` // false: stand-alone
	StackableTowards           string   `json:"stackableTowards,omitempty"`
	StackableTowardsURL        string   `json:"stackableTowardsUrl,omitempty"`
	ValidityPeriod             string   `json:"validityPeriod,omitempty"` // ISO 8601 duration
	FurtherInformation         string   `json:"furtherInformation,omitempty"`
	EUCompliant                bool     `json:"euCompliant,omitempty"`
}

// Criteria says how the achievement is earned.
type Criteria struct {
	Narrative string `json:"narrative"`
}

// Image is the badge.
type Image struct {
	ID      string `json:"id"`
	Type    string `json:"type"`
	Caption string `json:"caption,omitempty"`
}

// Profile is the awarding body.
type Profile struct {
	ID      string   `json:"id"`
	Type    []string `json:"type"`
	Name    string   `json:"name"`
	URL     string   `json:"url,omitempty"`
	Email   string   `json:"email,omitempty"`
	Address *Address `json:"address,omitempty"`
}

// Address carries the awarding body's country and region.
type Address struct {
	Type               []string `json:"type"`
	AddressCountry     string   `json:"addressCountry,omitempty"`
	AddressCountryCode string   `json:"addressCountryCode,omitempty"`
	AddressRegion      string   `json:"addressRegion,omitempty"`
}

// Alignment points at an ESCO skill or the EQF level.
type Alignment struct {
	Type            []string `json:"type"`
	TargetCode      string   `json:"targetCode,omitempty"`
	TargetFramework string   `json:"targetFramework,omitempty"`
	TargetName      string   `json:"targetName"`
	TargetType      string   `json:"targetType"`
	TargetURL       string   `json:"targetUrl"`
}

// ResultDescription is the score a graded module asks for.
type ResultDescription struct {
	ID            string   `json:"id"`
	Type          []string `json:"type"`
	Name          string   `json:"name"`
	ResultType    string   `json:"resultType"`
	RequiredValue string   `json:"requiredValue"`
	ValueMax      string   `json:"valueMax"`
	ValueMin      string   `json:"valueMin"`
}

// NewAchievement describes the credential as an Open Badges 3.0 Achievement.
func NewAchievement(src Source) (*Achievement, error) {
	w, err := newWriter(src)
	if err != nil {
		return nil, err
	}
	return w.achievement(), nil
}

func (w *writer) achievement() *Achievement {
	c := w.Credential
	a := &Achievement{
		Context: AchievementContexts(), ID: AchievementID(w.Project, c), Type: []string{"Achievement"},
		AchievementType: "MicroCredential", Name: c.Title, Description: w.description(),
		Criteria: Criteria{Narrative: w.criteria()}, InLanguage: string(w.Locale),
		Creator: w.profile(), Alignment: w.alignments(), ResultDescription: w.results(), Tag: c.Tags,
		Extensions: w.extensions(),
	}
	if w.Badge != nil {
		// A data URI: a reference to the packaged file would be relative, and
		// relative IRIs mean nothing once the badge leaves the package (JSON-LD
		// safe mode refuses them). The same bytes sit next to this file.
		a.Image = &Image{ID: "data:" + w.Badge.Type + ";base64," + base64.StdEncoding.EncodeToString(w.Badge.Data),
			Type: "Image", Caption: c.Title}
	}
	if c.ECTS > 0 {
		ects := c.ECTS
		a.CreditsAvailable = &ects
	}
	return a
}

// profile is the awarding body, with the country the EU elements require.
func (w *writer) profile() *Profile {
	o := w.Credential.AwardingBody
	if !filled(o.Name) {
		return nil
	}
	p := &Profile{ID: organisationID(o), Type: []string{"Profile"}, Name: o.Name, URL: o.URL, Email: o.Email}
	if o.Country != "" || o.Region != "" {
		p.Address = &Address{Type: []string{"Address"}, AddressCountryCode: o.Country, AddressRegion: o.Region}
		if o.Country != "" {
			p.Address.AddressCountry = w.countryName()
		}
	}
	return p
}

// escoFramework and eqfFramework name the frameworks alignments point into.
const (
	escoFramework = "ESCO"
	eqfFramework  = "European Qualifications Framework"
	eqfBase       = "http://data.europa.eu/snb/eqf/"
)

func (w *writer) alignments() []Alignment {
	var out []Alignment
	for _, s := range w.Credential.Skills {
		framework := escoFramework
		if !authoring.IsESCOSkill(s.URI) {
			framework = "" // a skill from another framework: unnamed rather than wrong
		}
		// ceasn:Competency is the Open Badges target type for a skill
		// or competency in a framework; ESCO skills are both.
		out = append(out, Alignment{Type: []string{"Alignment"}, TargetFramework: framework,
			TargetName: s.Label, TargetType: "ceasn:Competency", TargetURL: s.URI})
	}
	if n := w.Credential.EQFLevel; n > 0 {
		out = append(out, Alignment{Type: []string{"Alignment"}, TargetCode: strconv.Itoa(n),
			TargetFramework: eqfFramework, TargetName: w.text("CredEQFLevel", map[string]any{"Level": n}),
			TargetType: "ext:EQFLevel", TargetURL: eqfBase + strconv.Itoa(n)})
	}
	return out
}

// results are the scores graded modules ask for, as percentages.
func (w *writer) results() []ResultDescription {
	var out []ResultDescription
	for _, m := range w.modules() {
		if !cp.Mastered(m) {
			continue
		}
		out = append(out, ResultDescription{ID: URN(w.Project, w.Credential, "result/"+m.ID),
			Type: []string{"ResultDescription"}, Name: m.Title, ResultType: "Percent",
			RequiredValue: strconv.Itoa(m.MasteryScore), ValueMax: "100", ValueMin: "0"})
	}
	return out
}

func (w *writer) extensions() Extensions {
	c := w.Credential
	e := Extensions{
		LearningOutcomes: w.outcomes, NationalQualificationLevel: c.NationalLevel,
		LevelNotApplicable: c.LevelNotApplicable, AssessmentType: c.Assessment,
		ParticipationForm: string(c.Participation), Supervision: string(c.Supervision),
		QualityAssurance: c.QualityAssurance, Prerequisites: c.Prerequisites, GradingScheme: c.GradingScheme,
		Stackable: c.Stackability.Stackable, StackableTowards: c.Stackability.Towards,
		StackableTowardsURL: c.Stackability.URL, FurtherInformation: c.MoreInfoURL, EUCompliant: c.EUCompliant,
	}
	if c.ECTS > 0 {
		ects := c.ECTS
		e.ECTSCredits = &ects
	}
	if c.WorkloadHours > 0 {
		e.VolumeOfLearning = duration(c.WorkloadHours)
	}
	if c.EQFLevel > 0 {
		e.EQFLevel = eqfBase + strconv.Itoa(c.EQFLevel)
	}
	if c.ValidityMonths > 0 {
		e.ValidityPeriod = fmt.Sprintf("P%dM", c.ValidityMonths)
	}
	return e
}

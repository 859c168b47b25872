package credential

import (
	"bytes"
	"embed"
	"html/template"
	"strconv"
	"strings"
	"sync"

	"github.com/stacklet/stacklet/authoring"
)

//go:embed templates/summary.html
var templateFS embed.FS

var summaryTemplate = sync.OnceValues(func() (*template.Template, error) {
	return template.ParseFS(templateFS, "templates/summary.html")
})

// summaryView is the data of the summary page.
type summaryView struct {
	Lang, Dir, Root    string
	Title, Description string
	AwardedBy          string
	Badge              *badgeView
	Lead               string
	Requirements       []string
	Criteria           []string // the designer's narrative, by paragraph
	Outcomes           []string
	Skills             []authoring.Skill
	Facts              []fact
	EUNote             string
	S                  map[string]string
}

type badgeView struct{ Src, Alt string }

// fact is one row of the "About this credential" list.
type fact struct {
	Label, Value, URL string
	NewTab            bool // a web link; an e-mail link opens the mail program
}

// Summary returns the credential's readable page. root is the way from the
// page's folder back to the package root, where player.css and theme.css
// live ("../" for credential/index.html).
func Summary(src Source, root string) ([]byte, error) {
	w, err := newWriter(src)
	if err != nil {
		return nil, err
	}
	t, err := summaryTemplate()
	if err != nil {
		return nil, authoring.Errorf(authoring.EINTERNAL, "credential template: %v", err)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "summary", w.summary(root)); err != nil {
		return nil, authoring.Errorf(authoring.EINTERNAL, "credential page %q: %v", w.Credential.Title, err)
	}
	return buf.Bytes(), nil
}

// summaryStrings are the labels the template shows as they are.
var summaryStrings = map[string]string{
	"Skip": "SkipToContent", "Kind": "CredKind", "HowToEarn": "CredHowToEarn", "Outcomes": "CredOutcomes",
	"Skills": "CredSkills", "NewTab": "NewTab", "About": "CredAbout", "Files": "CredFiles",
	"OB3": "CredOB3", "ELM": "CredELM", "NotIssued": "CredNotIssued",
}

func (w *writer) summary(root string) summaryView {
	c := w.Credential
	v := summaryView{Lang: string(w.Locale), Dir: w.Locale.Dir(), Root: root, Title: c.Title,
		Description: w.description(), AwardedBy: w.awardedBy(), Outcomes: w.outcomes, Skills: c.Skills,
		Facts: w.facts(), S: map[string]string{}}
	for key, id := range summaryStrings {
		v.S[key] = w.text(id, nil)
	}
	if w.Badge != nil {
		v.Badge = &badgeView{Src: w.Badge.Name, Alt: w.text("CredBadgeAlt", map[string]any{"Title": c.Title})}
	}
	lead, reqs := w.requirements()
	v.Lead = lead
	for _, r := range reqs {
		v.Requirements = append(v.Requirements, w.requirementText(r))
	}
	if filled(c.Criteria) {
		v.Criteria = paragraphs(c.Criteria)
	}
	if c.EUCompliant {
		v.EUNote = w.text("CredEUCompliant", nil)
	}
	return v
}

// AwardedBy is "Awarded by <body>", or "" when no body is named.
func (w *writer) awardedBy() string {
	if !filled(w.Credential.AwardingBody.Name) {
		return ""
	}
	return w.text("CredAwardedBy", map[string]any{"Body": w.Credential.AwardingBody.Name})
}

func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// facts lists what is stated, in the order of the EU elements.
func (w *writer) facts() []fact {
	c := w.Credential
	o := c.AwardingBody
	var out []fact
	add := func(labelID, value, url string) {
		if filled(value) {
			out = append(out, fact{w.text(labelID, nil), value, url, strings.HasPrefix(url, "http")})
		}
	}
	add("CredAwardingBody", o.Name, o.URL)
	add("CredCountry", joinFilled(w.comma(), w.countryNameIfAny(), o.Region), "")
	add("CredContact", o.Email, mailto(o.Email))
	add("CredWorkload", w.workload(), "")
	add("CredECTS", w.decimal(c.ECTS), "")
	add("CredLevel", w.level(), "")
	add("CredAssessment", c.Assessment, "")
	add("CredParticipation", w.participation(), "")
	add("CredSupervision", w.supervisionText(), "")
	add("CredQA", c.QualityAssurance, "")
	add("CredPrerequisites", c.Prerequisites, "")
	add("CredGrading", c.GradingScheme, "")
	add("CredStackability", w.stackability(), c.Stackability.URL)
	add("CredValidity", w.validity(), "")
	add("CredMoreInfo", c.MoreInfoURL, c.MoreInfoURL)
	add("CredTags", strings.Join(c.Tags, w.comma()), "")
	return out
}

// comma separates list items: Arabic has its own comma.
func (w *writer) comma() string {
	if w.Locale.Dir() == "rtl" && strings.HasPrefix(string(w.Locale), "ar") {
		return "، "
	}
	return ", "
}

func (w *writer) countryNameIfAny() string {
	if w.Credential.AwardingBody.Country == "" {
		return ""
	}
	return w.countryName()
}

func joinFilled(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if filled(p) {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

func mailto(email string) string {
	if email == "" {
		return ""
	}
	return "mailto:" + email
}

// workload is whole hours, or minutes when the hours are not whole, so the
// plural forms always see an integer.
func (w *writer) workload() string {
	mins := int(w.Credential.WorkloadHours*60 + 0.5)
	switch {
	case mins <= 0:
		return ""
	case mins%60 == 0:
		return w.plural("CredHours", mins/60, nil)
	}
	return w.plural("Duration", mins, nil)
}

// commaDecimals are the player languages that write 0,5 rather than 0.5.
var commaDecimals = map[string]bool{"de": true, "es": true, "fr": true, "id": true, "pt": true}

func (w *writer) decimal(f float64) string {
	if f <= 0 {
		return ""
	}
	s := number(f)
	if commaDecimals[strings.SplitN(string(w.Locale), "-", 2)[0]] {
		s = strings.ReplaceAll(s, ".", ",")
	}
	return s
}

func (w *writer) level() string {
	c := w.Credential
	var eqf string
	switch {
	case c.EQFLevel > 0:
		eqf = w.text("CredEQFLevel", map[string]any{"Level": strconv.Itoa(c.EQFLevel)})
	case c.LevelNotApplicable:
		eqf = w.text("CredLevelNA", nil)
	}
	return joinFilled(" · ", eqf, c.NationalLevel)
}

var participationIDs = map[authoring.Participation]string{
	authoring.ParticipationOnline: "CredOnline", authoring.ParticipationOnsite: "CredOnsite",
	authoring.ParticipationBlended: "CredBlended",
}

func (w *writer) participation() string {
	if id, ok := participationIDs[w.Credential.Participation]; ok {
		return w.text(id, nil)
	}
	return ""
}

var supervisionIDs = map[authoring.Supervision]string{
	authoring.SupervisionNone: "CredSupNone", authoring.SupervisionSupervised: "CredSupSupervised",
	authoring.SupervisionOnlineVerified: "CredSupOnline", authoring.SupervisionOnsiteVerified: "CredSupOnsite",
}

func (w *writer) supervisionText() string {
	if id, ok := supervisionIDs[w.Credential.Supervision]; ok {
		return w.text(id, nil)
	}
	return ""
}

func (w *writer) stackability() string {
	s := w.Credential.Stackability
	if s.Stackable && filled(s.Towards) {
		return w.text("CredStackableTowards", map[string]any{"Name": s.Towards})
	}
	return w.text("CredStandalone", nil)
}

func (w *writer) validity() string {
	if n := w.Credential.ValidityMonths; n > 0 {
		return w.plural("CredValidMonths", n, nil)
	}
	return w.text("CredNoExpiry", nil)
}

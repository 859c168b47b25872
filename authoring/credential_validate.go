package authoring

import (
	"fmt"
	"net/mail"
	"net/url"
	"regexp"

	"golang.org/x/text/language"
)

// ValidateCredentials returns the problems of every credential of the
// project, and of credential ids that repeat.
func (p *Project) ValidateCredentials() []Problem {
	var problems []Problem
	seen := map[string]bool{}
	for i := range p.Credentials {
		c := &p.Credentials[i]
		problems = append(problems, p.ValidateCredential(c)...)
		if seen[c.ID] {
			cc := newCredCheck(p, c, &problems)
			cc.errorf("id", "another credential already has the id %q", c.ID)
		}
		seen[c.ID] = true
	}
	return problems
}

// ValidateCredential returns every problem of c: each missing EU mandatory
// element (an error when c declares itself EU-compliant, else a warning, so
// the editor can always list them) and every malformed field (an error).
func (p *Project) ValidateCredential(c *Credential) []Problem {
	var problems []Problem
	cc := newCredCheck(p, c, &problems)
	cc.elements()
	cc.identity()
	cc.modules()
	cc.awardingBody()
	cc.amounts()
	cc.enums()
	cc.skills()
	cc.image()
	cc.texts()
	return problems
}

// credCheck collects the problems of one credential.
type credCheck struct {
	check
	c *Credential
}

func newCredCheck(p *Project, c *Credential, problems *[]Problem) *credCheck {
	base := Problem{CredentialID: c.ID}
	return &credCheck{check: check{project: p, base: base, problems: problems}, c: c}
}

func (cc *credCheck) warnf(field, format string, args ...any) {
	cc.add(SeverityWarning, field, format, args...)
}

func (cc *credCheck) elements() {
	sev, why := SeverityWarning, "the EU Recommendation on micro-credentials asks for it"
	if cc.c.EUCompliant {
		sev, why = SeverityError, "a credential declared EU-compliant must state it"
	}
	for _, e := range cc.project.MissingEUElements(cc.c) {
		if e.Key == "title" {
			cc.errorf(e.Field, "title is missing") // every credential needs one
			continue
		}
		cc.add(sev, e.Field, "%s is missing: %s", e.Name, why)
	}
}

func (cc *credCheck) identity() {
	if !ValidID(cc.c.ID) {
		cc.errorf("id", "id %q must be lowercase letters, digits, '-' or '_'", cc.c.ID)
	}
}

func (cc *credCheck) modules() {
	c := cc.c
	if len(c.Modules) == 0 {
		cc.errorf("modules", "no module earns this credential: choose at least one")
	}
	seen := map[string]bool{}
	for i, id := range c.Modules {
		field := fmt.Sprintf("modules[%d]", i)
		if _, err := cc.project.Module(id); err != nil {
			cc.errorf(field, "module %q does not exist", id)
		} else if seen[id] {
			cc.errorf(field, "module %q is listed twice", id)
		}
		seen[id] = true
	}
	if c.Required < 0 || c.Required > len(c.Modules) {
		cc.errorf("required", "%d of %d modules cannot be required: choose 1 to %d, or 0 for all",
			c.Required, len(c.Modules), len(c.Modules))
	}
}

func (cc *credCheck) awardingBody() {
	o := cc.c.AwardingBody
	cc.url("awardingBody.url", o.URL)
	if o.Email != "" {
		if a, err := mail.ParseAddress(o.Email); err != nil || a.Address != o.Email {
			cc.errorf("awardingBody.email", "%q is not an e-mail address such as info@example.org", o.Email)
		}
	}
	if o.Country != "" && !ValidCountry(o.Country) {
		cc.errorf("awardingBody.country", "%q is not an ISO 3166-1 country code such as IE or DE", o.Country)
	}
}

// ValidCountry reports whether code is an assigned ISO 3166-1 alpha-2
// country code in upper case: the form the credential formats carry.
func ValidCountry(code string) bool {
	r, err := language.ParseRegion(code)
	return err == nil && len(code) == 2 && r.String() == code && r.IsCountry() && !r.IsPrivateUse() &&
		r.Canonicalize() == r && r.ISO3() != "ZZZ" && !notAssigned[code]
}

// notAssigned are codes the language package knows but ISO 3166-1 does not
// assign to a country: reserved for other uses, or withdrawn.
var notAssigned = map[string]bool{"AC": true, "CP": true, "DG": true, "TA": true,
	"AN": true, "CS": true, "SU": true, "YU": true}

// url checks an optional web address: absolute http or https.
func (cc *credCheck) url(field, s string) {
	if s != "" && !webURL(s) {
		cc.errorf(field, "%q is not a web address starting with https://", s)
	}
}

func webURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

// ectsHours is the workload of one ECTS credit: 25 to 30 hours (ECTS Users'
// Guide); a little slack keeps rounded figures quiet.
const ectsMinHours, ectsMaxHours = 20, 35

func (cc *credCheck) amounts() {
	c := cc.c
	if c.WorkloadHours < 0 {
		cc.errorf("workloadHours", "workload cannot be negative")
	}
	if c.ECTS < 0 {
		cc.errorf("ects", "ECTS credits cannot be negative")
	}
	if c.WorkloadHours > 0 && c.ECTS > 0 {
		if per := c.WorkloadHours / c.ECTS; per < ectsMinHours || per > ectsMaxHours {
			cc.warnf("ects", "%g hours for %g ECTS is %.0f hours a credit; one ECTS credit is 25 to 30 hours of work",
				c.WorkloadHours, c.ECTS, per)
		}
	}
	if c.EQFLevel != 0 && (c.EQFLevel < 1 || c.EQFLevel > 8) {
		cc.errorf("eqfLevel", "EQF level %d does not exist: levels run from 1 to 8", c.EQFLevel)
	}
	if c.EQFLevel != 0 && c.LevelNotApplicable {
		cc.errorf("levelNotApplicable", "EQF level %d is given and also marked not applicable: choose one", c.EQFLevel)
	}
	if c.ValidityMonths < 0 {
		cc.errorf("validityMonths", "validity cannot be negative: use 0 for a credential that does not expire")
	}
}

func (cc *credCheck) enums() {
	c := cc.c
	switch c.Participation {
	case "", ParticipationOnline, ParticipationOnsite, ParticipationBlended:
	default:
		cc.errorf("participation", "form of participation %q is not online, onsite or blended", c.Participation)
	}
	switch c.Supervision {
	case "", SupervisionNone, SupervisionSupervised, SupervisionOnlineVerified, SupervisionOnsiteVerified:
	default:
		cc.errorf("supervision", "supervision %q is not one of none, supervised, supervised-online or supervised-onsite", c.Supervision)
	}
	if c.Stackability.Stackable && !filled(c.Stackability.Towards) {
		cc.errorf("stackability.towards", "name the larger credential this one stacks towards")
	}
	cc.url("stackability.url", c.Stackability.URL)
	cc.url("moreInfoUrl", c.MoreInfoURL)
}

// escoSkill matches an ESCO skill concept URI: ESCO names skills by UUID.
var escoSkill = regexp.MustCompile(`^https?://data\.europa\.eu/esco/skill/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

var escoAny = regexp.MustCompile(`^https?://data\.europa\.eu/esco/`)

// IsESCOSkill reports whether uri names an ESCO skill.
func IsESCOSkill(uri string) bool { return escoSkill.MatchString(uri) }

func (cc *credCheck) skills() {
	seen := map[string]bool{}
	for i, s := range cc.c.Skills {
		field := fmt.Sprintf("skills[%d]", i)
		switch {
		case s.URI == "":
			cc.errorf(field+".uri", "skill %d has no URI: pick an ESCO skill", i+1)
		case IsESCOSkill(s.URI):
		case escoAny.MatchString(s.URI):
			cc.errorf(field+".uri", "%q is an ESCO address but not a skill: skill URIs look like http://data.europa.eu/esco/skill/<uuid>", s.URI)
		case !webURL(s.URI):
			cc.errorf(field+".uri", "%q is not a skill URI", s.URI)
		default:
			cc.warnf(field+".uri", "%q is not an ESCO skill: EU registries and Europass match skills by ESCO URI", s.URI)
		}
		if seen[s.URI] && s.URI != "" {
			cc.errorf(field+".uri", "skill %q is listed twice", s.URI)
		}
		seen[s.URI] = true
		if !filled(s.Label) {
			cc.errorf(field+".label", "skill %d has no label", i+1)
		}
	}
}

// badgeTypes are the image types Open Badges 3.0 and wallets display.
var badgeTypes = map[string]bool{"image/png": true, "image/svg+xml": true}

func (cc *credCheck) image() {
	if cc.c.Image == "" {
		cc.warnf("image", "no badge image: wallets and LMSs show a blank badge")
		return
	}
	m, ok := cc.project.MediaByHash(cc.c.Image)
	switch {
	case !ok:
		cc.errorf("image", "the badge image is missing from the media library")
	case !badgeTypes[m.Type]:
		cc.errorf("image", "the badge %q is %s: use a PNG or SVG image", m.Name, m.Type)
	}
}

func (cc *credCheck) texts() {
	c := cc.c
	if !filled(c.Description) {
		cc.warnf("description", "no description: Open Badges readers show the title twice")
	}
	for i, o := range c.Outcomes {
		if !filled(o) {
			cc.errorf(fmt.Sprintf("outcomes[%d]", i), "learning outcome %d is empty", i+1)
		}
	}
	seen := map[string]bool{}
	for i, t := range c.Tags {
		field := fmt.Sprintf("tags[%d]", i)
		if !filled(t) {
			cc.errorf(field, "tag %d is empty", i+1)
		} else if seen[t] {
			cc.errorf(field, "tag %q is listed twice", t)
		}
		seen[t] = true
	}
}

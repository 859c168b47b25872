package credential

import (
	"encoding/base64"
	"strconv"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/stacklet/stacklet/authoring"
)

// Contexts of the European Learning Model document, as in the Commission's
// micro-credential sample. ELM keeps the VC 1.1 context: the VC 2.0 one
// protects terms (description, name) that ELM's context defines again.
const (
	CredentialsV1URL = "https://www.w3.org/2018/credentials/v1"
	ELMContextURL    = "http://data.europa.eu/snb/model/context/edc-ap"
)

// Controlled vocabularies of the EU Publications Office and Europass. Only
// concepts whose URIs appear in the Commission's samples or vocabulary
// listings are named; others get a label without an id.
const (
	snb              = "http://data.europa.eu/snb/"
	authority        = "http://publications.europa.eu/resource/authority/"
	genericProfile   = snb + "credential/e34929035b"
	ectsFramework    = snb + "education-credit/6fcec5c5af"
	nonFormal        = snb + "learning-setting/e207a81fc7"
	unsupervisedNoID = snb + "supervision-verification/c598449d64"
	escoSkillScheme  = "http://data.europa.eu/esco/concept-scheme/skills"
	base64Encoding   = snb + "encoding/6146cde7dd"
)

// fileTypes maps the badge's MIME type to the Publications Office's file
// type authority code.
var fileTypes = map[string]string{"image/png": "PNG", "image/svg+xml": "SVG"}

// modes maps the form of participation to ELM's "mode of learning and
// assessment" concepts.
var modes = map[authoring.Participation][2]string{
	authoring.ParticipationOnline:  {"920fbb3cbe", "Online"},
	authoring.ParticipationOnsite:  {"9191af2ed9", "Presential"},
	authoring.ParticipationBlended: {"e92d221e4d", "Blended"},
}

// supervisionLabels are the wording of Annex I of the Recommendation.
var supervisionLabels = map[authoring.Supervision]string{
	authoring.SupervisionNone:           "Unsupervised without ID Verification",
	authoring.SupervisionSupervised:     "Supervised with no identity verification",
	authoring.SupervisionOnlineVerified: "Supervised online with identity verification",
	authoring.SupervisionOnsiteVerified: "Supervised onsite with identity verification",
}

// ELM returns microcredential.jsonld: the credential as an unsigned European
// Digital Credential template following the Commission's Annex I sample.
// The subject is a Person without identity and there is no validFrom or
// grade: an issuer adds those per learner.
func ELM(src Source) ([]byte, error) {
	w, err := newWriter(src)
	if err != nil {
		return nil, err
	}
	return encode(w.elm())
}

func (w *writer) elm() obj {
	org := w.organisation()
	return obj{}.
		set("@context", []any{CredentialsV1URL, ELMContextURL}).
		set("id", w.urn("elm/credential")).
		set("type", []any{"VerifiableCredential", "EuropeanDigitalCredential"}).
		set("credentialProfiles", concept(genericProfile, snb+"credential/25831c2", "Generic")).
		set("displayParameter", w.displayParameter()).
		set("credentialSchema", obj{}.set("id", snb+"model/ap/edc-generic-full").set("type", "ShaclValidator2017")).
		set("issuer", org).
		set("credentialSubject", obj{}.set("type", "Person").set("hasClaim", w.claim(org)))
}

// displayParameter tells a wallet how to show the credential: in the
// package's one language, with the badge as its single page. ELM requires
// an image on each page, so without a badge there is no individual display
// and the issuer must supply one.
func (w *writer) displayParameter() obj {
	lang := w.language()
	return obj{}.set("id", w.urn("elm/display")).set("type", "DisplayParameter").
		set("title", w.lang(w.Credential.Title)).
		set("description", w.lang(w.description())).
		set("language", lang).
		set("primaryLanguage", lang).
		set("individualDisplay", w.individualDisplay(lang))
}

func (w *writer) individualDisplay(lang any) any {
	b := w.Badge
	if b == nil {
		return nil
	}
	code, ok := fileTypes[b.Type]
	if !ok {
		return nil
	}
	image := obj{}.set("id", w.urn("elm/display/image")).set("type", "MediaObject").
		set("title", w.lang(w.Credential.Title)).
		set("contentType", concept(authority+"file-type/"+code, authority+"file-type", code).set("notation", "file-type")).
		set("contentEncoding", concept(base64Encoding, snb+"encoding/25831c2", "base64")).
		set("content", base64.StdEncoding.EncodeToString(b.Data))
	return obj{}.set("id", w.urn("elm/display/"+string(w.Locale))).set("type", "IndividualDisplay").
		set("language", lang).
		set("displayDetail", obj{}.set("id", w.urn("elm/display/"+string(w.Locale)+"/1")).set("type", "DisplayDetail").
			set("image", image).set("page", 1))
}

func (w *writer) urn(part string) string { return URN(w.Project, w.Credential, part) }

// lang is a language map in the package's language.
func (w *writer) lang(s string) any {
	if !filled(s) {
		return nil
	}
	return obj{}.set(string(w.Locale), s)
}

func (w *writer) note(part, s string) any {
	if !filled(s) {
		return nil
	}
	return obj{}.set("id", w.urn(part)).set("type", "Note").set("noteLiteral", w.lang(s))
}

// concept is a controlled vocabulary entry; id may be empty when Stacklet
// knows the label but not the concept's URI.
func concept(id, scheme, label string) obj {
	return obj{}.set("id", id).set("type", "Concept").
		set("inScheme", obj{}.set("id", scheme).set("type", "ConceptScheme")).
		set("prefLabel", obj{}.set("en", label))
}

func (w *writer) organisation() any {
	o := w.Credential.AwardingBody
	if !filled(o.Name) {
		return nil
	}
	id := organisationID(o)
	org := obj{}.set("id", id).set("type", "Organisation").set("legalName", w.lang(o.Name))
	if o.Country != "" || o.Region != "" {
		addr := obj{}.set("id", id+"#address").set("type", "Address")
		if r, err := language.ParseRegion(o.Country); err == nil && o.Country != "" {
			addr = addr.set("countryCode", concept(authority+"country/"+r.ISO3(), authority+"country",
				display.English.Regions().Name(r)).set("notation", "country"))
		}
		org = org.set("location", obj{}.set("id", id+"#location").set("type", "Location").
			set("geographicName", w.lang(o.Region)).set("address", addr))
	}
	if o.Email != "" {
		org = org.set("contactPoint", obj{}.set("id", id+"#contact").set("type", "ContactPoint").
			set("emailAddress", obj{}.set("id", "mailto:"+o.Email).set("type", "Mailbox")))
	}
	if o.URL != "" {
		org = org.set("homepage", obj{}.set("id", id+"#homepage").set("type", "WebResource").set("contentURL", o.URL))
	}
	return org
}

func (w *writer) claim(org any) obj {
	c := w.Credential
	return obj{}.set("id", w.urn("elm/achievement")).set("type", "LearningAchievement").
		set("title", w.lang(c.Title)).
		set("description", w.lang(w.description())).
		set("awardedBy", obj{}.set("id", w.urn("elm/awarding")).set("type", "AwardingProcess").set("awardingBody", org)).
		set("provenBy", w.assessment()).
		set("specifiedBy", w.specification())
}

func (w *writer) assessment() any {
	c := w.Credential
	if !filled(c.Assessment) && c.Supervision == "" {
		return nil
	}
	spec := obj{}.set("id", w.urn("elm/assessment-spec")).set("type", "LearningAssessmentSpecification").
		set("title", w.lang(c.Assessment)).set("mode", w.mode()).set("language", w.language())
	if filled(c.GradingScheme) {
		spec = spec.set("gradingScheme", obj{}.set("id", w.urn("elm/grading")).set("type", "GradingScheme").
			set("title", w.lang(w.text("CredGrading", nil))).set("description", w.lang(c.GradingScheme)))
	}
	// The assessment is awarded by the claim's awarding process: a reference
	// to the same node, which ELM requires on every assessment.
	return obj{}.set("id", w.urn("elm/assessment")).set("type", "LearningAssessment").
		set("title", w.lang(c.Assessment)).set("awardedBy", obj{}.set("id", w.urn("elm/awarding"))).
		set("idVerification", w.supervision()).set("specifiedBy", spec)
}

func (w *writer) supervision() any {
	s := w.Credential.Supervision
	label, ok := supervisionLabels[s]
	if !ok {
		return nil
	}
	id := ""
	if s == authoring.SupervisionNone {
		id = unsupervisedNoID
	}
	return concept(id, snb+"supervision-verification/25831c2", label)
}

func (w *writer) mode() any {
	m, ok := modes[w.Credential.Participation]
	if !ok {
		return nil
	}
	return concept(snb+"learning-assessment/"+m[0], snb+"learning-assessment/25831c2", m[1])
}

func (w *writer) language() any {
	tag, err := language.Parse(string(w.Locale))
	if err != nil {
		return nil
	}
	base, _ := tag.Base()
	return concept(authority+"language/"+strings.ToUpper(base.ISO3()), authority+"language",
		display.English.Languages().Name(base)).set("notation", "language")
}

// specification is a Qualification, as in the Commission's sample: only a
// qualification carries an EQF level in ELM. A stackable credential counts
// towards a larger one, so it is a partial qualification.
func (w *writer) specification() obj {
	c := w.Credential
	spec := obj{}.set("id", w.urn("elm/specification")).set("type", "Qualification").
		set("title", w.lang(c.Title)).set("description", w.lang(w.description()))
	if c.EQFLevel > 0 {
		n := strconv.Itoa(c.EQFLevel)
		spec = spec.set("eqfLevel", concept(eqfBase+n, eqfBase+"25831c2", "Level "+n))
	}
	if filled(c.NationalLevel) {
		spec = spec.set("nqfLevel", concept("", snb+"qdr/25831c2", c.NationalLevel))
	}
	if c.ECTS > 0 {
		spec = spec.set("creditPoint", obj{}.set("id", w.urn("elm/credit")).set("type", "CreditPoint").
			set("framework", concept(ectsFramework, snb+"education-credit/25831c2", "European Credit Transfer System")).
			set("point", number(c.ECTS)))
	}
	if c.WorkloadHours > 0 {
		spec = spec.set("volumeOfLearning", duration(c.WorkloadHours))
	}
	spec = spec.set("entryRequirement", w.note("elm/prerequisites", c.Prerequisites)).
		set("isPartialQualification", c.Stackability.Stackable).
		set("learningOutcome", w.learningOutcomes()).
		set("learningSetting", concept(nonFormal, snb+"learning-setting/25831c2", "non-formal learning")).
		set("mode", w.mode()).
		set("language", w.language()).
		set("additionalNote", w.notes())
	if len(c.Tags) > 0 {
		spec = spec.set("category", obj{}.set(string(w.Locale), c.Tags))
	}
	if c.MoreInfoURL != "" {
		spec = spec.set("homepage", obj{}.set("id", w.urn("elm/homepage")).set("type", "WebResource").set("contentURL", c.MoreInfoURL))
	}
	return spec
}

// learningOutcomes lists the outcomes in words, then one outcome per skill
// carrying its ESCO URI: the model has no link from a sentence to a skill.
func (w *writer) learningOutcomes() []any {
	var out []any
	for i, o := range w.outcomes {
		out = append(out, obj{}.set("id", w.urn("elm/outcome/"+strconv.Itoa(i+1))).set("type", "LearningOutcome").
			set("title", w.lang(o)))
	}
	for _, s := range w.Credential.Skills {
		lo := obj{}.set("id", w.urn("elm/skill/"+s.URI)).set("type", "LearningOutcome").set("title", w.lang(s.Label))
		if authoring.IsESCOSkill(s.URI) {
			lo = lo.set("relatedESCOSkill", concept(s.URI, escoSkillScheme, s.Label).set("notation", "Skill"))
		}
		out = append(out, lo)
	}
	return out
}

// notes carry the elements ELM has no property for in a template: quality
// assurance (ELM models it as an accreditation record the designer does not
// have) and what the credential stacks towards.
func (w *writer) notes() []any {
	c := w.Credential
	var out []any
	add := func(part, labelID, text string) {
		if filled(text) {
			out = append(out, obj{}.set("id", w.urn(part)).set("type", "Note").
				set("noteLiteral", w.lang(w.text("CredLabelled", map[string]any{"Label": w.text(labelID, nil), "Text": text}))))
		}
	}
	add("elm/quality-assurance", "CredQA", c.QualityAssurance)
	if c.Stackability.Stackable {
		add("elm/stackability", "CredStackability", c.Stackability.Towards)
	}
	return out
}

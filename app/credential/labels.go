package credential

import (
	"regexp"

	"github.com/stacklet/stacklet/app/tr"
)

// fieldLabels name each credential field (indices left out) by the
// catalog id of its label on the form.
var fieldLabels = map[string]string{
	"id":                     "CredFieldID",
	"title":                  "CredFieldTitle",
	"description":            "CredFieldDescription",
	"tags":                   "CredFieldTags",
	"image":                  "CredFieldImage",
	"modules":                "CredFieldModules",
	"required":               "CredFieldRequired",
	"awardingBody.name":      "CredFieldBodyName",
	"awardingBody.url":       "CredFieldBodyURL",
	"awardingBody.email":     "CredFieldBodyEmail",
	"awardingBody.country":   "CredFieldCountry",
	"awardingBody.region":    "CredFieldRegion",
	"outcomes":               "CredFieldOutcomes",
	"workloadHours":          "CredFieldWorkload",
	"ects":                   "CredFieldECTS",
	"eqfLevel":               "CredFieldEQF",
	"levelNotApplicable":     "CredFieldEQF",
	"nationalLevel":          "CredFieldNational",
	"assessment":             "CredFieldAssessment",
	"participation":          "CredFieldParticipation",
	"supervision":            "CredFieldSupervision",
	"qualityAssurance":       "CredFieldQA",
	"prerequisites":          "CredFieldPrerequisites",
	"gradingScheme":          "CredFieldGrading",
	"stackability.towards":   "CredFieldTowards",
	"stackability.url":       "CredFieldTowardsURL",
	"skills.uri":             "CredFieldSkillURI",
	"skills.label":           "CredFieldSkillLabel",
	"skills":                 "CredFieldSkills",
	"criteria":               "CredFieldCriteria",
	"validityMonths":         "CredFieldValidity",
	"moreInfoUrl":            "CredFieldMoreInfo",
	"euCompliant":            "CredFieldCompliance",
	"stackability":           "CredFieldStackability",
	"stackability.stackable": "CredFieldStackability",
}

var indices = regexp.MustCompile(`\[\d+\]`)

// fieldLabel is the form's label of a field in validation notation.
func fieldLabel(t *tr.T, field string) string {
	if id, ok := fieldLabels[indices.ReplaceAllString(field, "")]; ok {
		return t.S(id)
	}
	return field
}

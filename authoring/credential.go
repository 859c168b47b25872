package authoring

// Credential is a micro-credential: what a learner keeps after a module or a
// stack of modules. Its fields follow the European standard elements of the
// EU Council Recommendation on micro-credentials (2022/C 243/02, Annex I);
// learner, issue date and grade belong to each issued record, not here.
type Credential struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`

	// Modules earn the credential; Required says how many of them a learner
	// must complete (0 means all).
	Modules  []string `json:"modules,omitempty"`
	Required int      `json:"required,omitempty"`

	AwardingBody Organisation `json:"awardingBody"`
	Outcomes     []string     `json:"outcomes,omitempty"` // taken from the modules, editable

	WorkloadHours float64 `json:"workloadHours,omitempty"`
	ECTS          float64 `json:"ects,omitempty"`
	EQFLevel      int     `json:"eqfLevel,omitempty"`      // 1-8; 0 when not set
	NationalLevel string  `json:"nationalLevel,omitempty"` // e.g. "NFQ 6"
	// LevelNotApplicable says no EQF level applies. The Recommendation asks
	// for the level "if applicable", so leaving it out must be a decision
	// the designer states, not a field they forgot.
	LevelNotApplicable bool `json:"levelNotApplicable,omitempty"`

	Assessment       string        `json:"assessment,omitempty"` // type of assessment
	Participation    Participation `json:"participation,omitempty"`
	QualityAssurance string        `json:"qualityAssurance,omitempty"`
	Prerequisites    string        `json:"prerequisites,omitempty"`
	Supervision      Supervision   `json:"supervision,omitempty"`
	GradingScheme    string        `json:"gradingScheme,omitempty"`
	Stackability     Stackability  `json:"stackability"`

	Skills   []Skill  `json:"skills,omitempty"`
	Criteria string   `json:"criteria,omitempty"` // how it is earned, in prose
	Image    string   `json:"image,omitempty"`    // media hash of a PNG or SVG badge
	Tags     []string `json:"tags,omitempty"`

	ValidityMonths int    `json:"validityMonths,omitempty"` // 0: does not expire
	MoreInfoURL    string `json:"moreInfoUrl,omitempty"`
	// EUCompliant declares the credential meets the Recommendation: export
	// is refused until every mandatory element is present.
	EUCompliant bool `json:"euCompliant,omitempty"`
}

// Organisation is the awarding body.
type Organisation struct {
	Name    string `json:"name"`
	URL     string `json:"url,omitempty"`
	Email   string `json:"email,omitempty"`
	Country string `json:"country,omitempty"` // ISO 3166-1 alpha-2, e.g. "IE"
	Region  string `json:"region,omitempty"`
}

// Participation is the form of participation in the learning activity.
type Participation string

const (
	ParticipationOnline  Participation = "online"
	ParticipationOnsite  Participation = "onsite"
	ParticipationBlended Participation = "blended"
)

// Supervision is how the assessment was supervised and the learner identified.
type Supervision string

const (
	SupervisionNone           Supervision = "none"              // unsupervised, no identity verification
	SupervisionSupervised     Supervision = "supervised"        // supervised, no identity verification
	SupervisionOnlineVerified Supervision = "supervised-online" // supervised online with identity verification
	SupervisionOnsiteVerified Supervision = "supervised-onsite" // supervised on site with identity verification
)

// Stackability says whether the credential stands alone or counts towards a
// larger one.
type Stackability struct {
	Stackable bool   `json:"stackable"`
	Towards   string `json:"towards,omitempty"` // name of the larger credential
	URL       string `json:"url,omitempty"`
}

// Skill is an ESCO skill (or any skill framework URI) with a readable label.
type Skill struct {
	URI   string `json:"uri"`
	Label string `json:"label"`
}

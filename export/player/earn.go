package player

// Earn is a credential the module counts towards, as the learner sees it in
// the "What you earn" section: what it is, who awards it and how it is
// earned, with a link to its summary page in the package.
type Earn struct {
	Title        string
	AwardedBy    string   // "Awarded by …", "" when no body is named
	Lead         string   // "Complete all 3 modules:"
	Requirements []string // one line per module
	Href         string   // the summary page, relative to the package root
	Badge        string   // the badge image, "" when none
}

package authoring

// Format is a package format an LMS or web server can deliver.
type Format string

const (
	FormatSCORM12   Format = "scorm12"
	FormatSCORM2004 Format = "scorm2004"
	FormatWeb       Format = "web"
	// FormatCMI5 is a cmi5 course: the player reports to the LMS's LRS in
	// xAPI statements instead of through a SCORM API.
	FormatCMI5 Format = "cmi5"
)

// Formats lists the supported formats in the order menus show them.
var Formats = []Format{FormatSCORM12, FormatSCORM2004, FormatCMI5, FormatWeb}

// ParseFormat returns the Format named s.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	return "", Errorf(EINVALID, "unknown format %q: use scorm12, scorm2004, cmi5 or web", s)
}

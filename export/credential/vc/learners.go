package vc

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/mail"
	"strconv"
	"strings"
	"time"

	"github.com/stacklet/stacklet/authoring"
)

// Learner is one row of a learner list: who completed the credential (or,
// with a module column, one of its modules), when, and with which score.
type Learner struct {
	Line       int // line of the row in the file, for messages
	Name       string
	Email      string // lowercased; hashed in the credential
	Identifier string // used when there is no email; hashed too
	Completed  time.Time
	Score      string // as written, a number; "" when not given
	Status     string // what the status columns say: "passed", "completed" or ""
	Module     string // the module the row is about, as written; "" without a module column
}

// RowError is a row that was skipped, with why. Learner is set instead when
// the problem is a learner's rows taken together (a stack credential whose
// modules are not all passed); Line is then the learner's first row.
type RowError struct {
	Line    int
	Err     error
	Learner string
}

func (e RowError) Error() string {
	return fmt.Sprintf("line %d: %s", e.Line, authoring.ErrorMessage(e.Err))
}

// Column names a learner list may use, compared without case, spaces,
// underscores, dots or hyphens. The status and cmi.* names let an LMS
// completion report (SCORM or cmi5, exported as CSV) be read as it comes.
var columnAliases = map[string]string{
	"name": "name", "learnername": "name", "fullname": "name", "studentname": "name",
	"cmicorestudentname": "name", "cmilearnername": "name",
	"email": "email", "emailaddress": "email", "mail": "email", "learneremail": "email",
	"identifier": "identifier", "learnerid": "identifier", "studentid": "identifier", "userid": "identifier",
	"cmicorestudentid": "identifier", "cmilearnerid": "identifier",
	"completiondate": "date", "completed": "date", "completedon": "date", "date": "date", "completedat": "date", "timestamp": "date",
	"score": "score", "scoreraw": "score", "cmicorescoreraw": "score", "cmiscoreraw": "score", "result": "score",
	"status": "status", "lessonstatus": "status", "cmicorelessonstatus": "status",
	"successstatus": "success", "cmisuccessstatus": "success",
	"completionstatus": "completion", "cmicompletionstatus": "completion",
	// A per-module report (one row per learner and module) names the module
	// by its Stacklet id or the cmi5 AU id; these are the headers LMSs give
	// that column.
	"module": "module", "moduleid": "module", "coursemodule": "module", "coursemoduleid": "module",
	"activity": "module", "activityid": "module", "objectid": "module", "sco": "module", "scoid": "module",
	"au": "module", "auid": "module", "cmi5au": "module", "cmi5auid": "module",
}

// earned are the SCORM 1.2 lesson statuses that can award the credential;
// other statuses skip the row.
var earned = map[string]bool{"passed": true, "completed": true}

// ReadLearners reads a CSV learner list. The header needs an email or
// identifier column and a completion date column; name, score, status and
// module are optional. Without a module column a row is one learner's
// award, and a second row for the same learner is bad; with one, a row is
// one module of a learner, and Batch.IssueAll gathers each learner's rows.
// Bad rows come back as RowErrors and are skipped; a file that cannot be read
// at all is an error.
func ReadLearners(r io.Reader) ([]Learner, []RowError, error) {
	cr := csv.NewReader(bufio.NewReader(r))
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if err != nil {
		return nil, nil, authoring.Errorf(authoring.EINVALID, "the learner list has no header line: %v", errOr(err, "empty"))
	}
	cols, err := columns(header)
	if err != nil {
		return nil, nil, err
	}
	return readRows(cr, cols, len(header))
}

// columns maps each known column to its index in the header.
func columns(header []string) (map[string]int, error) {
	cols := map[string]int{}
	for i, h := range header {
		if i == 0 {
			h = strings.TrimPrefix(h, "\ufeff")
		}
		name, ok := columnAliases[normalizeHeader(h)]
		if !ok {
			continue
		}
		if _, dup := cols[name]; dup {
			return nil, authoring.Errorf(authoring.EINVALID, "line 1: two columns give the %s (%q is the second)", name, h)
		}
		cols[name] = i
	}
	_, hasEmail := cols["email"]
	_, hasID := cols["identifier"]
	if !hasEmail && !hasID {
		return nil, authoring.Errorf(authoring.EINVALID, "line 1: the header has no email or identifier column (expected: name, email or identifier, completion date, score)")
	}
	if _, ok := cols["date"]; !ok {
		return nil, authoring.Errorf(authoring.EINVALID, "line 1: the header has no completion date column")
	}
	return cols, nil
}

func normalizeHeader(h string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '_', '.', '-', '\t':
			return -1
		}
		return r
	}, strings.ToLower(strings.TrimSpace(h)))
}

func readRows(cr *csv.Reader, cols map[string]int, width int) ([]Learner, []RowError, error) {
	var learners []Learner
	var bad []RowError
	seen := map[string]int{}
	_, byModule := cols["module"] // repeated learners are expected: IssueAll groups them
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return learners, bad, nil
		}
		var perr *csv.ParseError
		if errors.As(err, &perr) {
			bad = append(bad, RowError{Line: perr.StartLine, Err: authoring.Errorf(authoring.EINVALID, "not valid CSV: %v", perr.Err)})
			continue
		} else if err != nil {
			return nil, nil, err
		}
		if blank(rec) {
			continue
		}
		line, _ := cr.FieldPos(0)
		l, err := parseRow(rec, cols, width, line)
		if err == nil && !byModule {
			err = firstSeen(seen, l)
		}
		if err != nil {
			bad = append(bad, RowError{Line: line, Err: err})
			continue
		}
		learners = append(learners, l)
	}
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// firstSeen refuses a second row for the same learner: it would overwrite
// the first credential.
func firstSeen(seen map[string]int, l Learner) error {
	who := "email " + l.Email
	if l.Email == "" {
		who = "identifier " + l.Identifier
	}
	if first, ok := seen[who]; ok {
		return authoring.Errorf(authoring.EINVALID, "%s is already on line %d", who, first)
	}
	seen[who] = l.Line
	return nil
}

func parseRow(rec []string, cols map[string]int, width, line int) (Learner, error) {
	if len(rec) != width {
		return Learner{}, authoring.Errorf(authoring.EINVALID, "%d fields, the header has %d", len(rec), width)
	}
	get := func(col string) string {
		if i, ok := cols[col]; ok {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	l := Learner{Line: line, Name: get("name"), Identifier: get("identifier"), Module: get("module")}
	if _, ok := cols["module"]; ok && l.Module == "" {
		return Learner{}, authoring.Errorf(authoring.EINVALID, "no module: the list has a module column, so every row needs one")
	}
	var err error
	if l.Status, err = rowStatus(get); err != nil {
		return Learner{}, err
	}
	if l.Email, err = parseEmail(get("email")); err != nil {
		return Learner{}, err
	}
	if l.Email == "" && l.Identifier == "" {
		return Learner{}, authoring.Errorf(authoring.EINVALID, "no email or identifier")
	}
	if l.Completed, err = parseDate(get("date")); err != nil {
		return Learner{}, err
	}
	if l.Score, err = parseScore(get("score")); err != nil {
		return Learner{}, err
	}
	return l, nil
}

// rowStatus reads the status columns an LMS report may have: SCORM 1.2's
// lesson status, or SCORM 2004's (and cmi5's) separate success and
// completion. A status that did not earn the credential is an error.
func rowStatus(get func(string) string) (string, error) {
	lesson := strings.ToLower(get("status"))
	success := strings.ToLower(get("success"))
	completion := strings.ToLower(get("completion"))
	switch {
	case lesson != "" && !earned[lesson]:
		return "", authoring.Errorf(authoring.EINVALID, "status %q: the credential was not earned", lesson)
	case success != "" && success != "passed" && success != "unknown":
		return "", authoring.Errorf(authoring.EINVALID, "success status %q: the credential was not earned", success)
	case completion != "" && completion != "completed" && success != "passed":
		return "", authoring.Errorf(authoring.EINVALID, "completion status %q: the credential was not earned", completion)
	case lesson == "passed" || success == "passed":
		return "passed", nil
	case lesson == "completed" || completion == "completed":
		return "completed", nil
	}
	return "", nil
}

func parseEmail(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	addr, err := mail.ParseAddress(s)
	if err != nil || addr.Address != s {
		return "", authoring.Errorf(authoring.EINVALID, "email %q is not an address like name@example.org", s)
	}
	// Hashes are compared later by whoever checks the credential; one
	// spelling per address keeps them comparable.
	return strings.ToLower(s), nil
}

// Completion date forms: a date (midnight UTC), or a date and time with or
// without zone (UTC when none), as LMS reports write them.
var dateLayouts = []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02"}

func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, authoring.Errorf(authoring.EINVALID, "no completion date")
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC().Truncate(time.Second), nil
		}
	}
	return time.Time{}, authoring.Errorf(authoring.EINVALID, "completion date %q is not YYYY-MM-DD or an RFC 3339 date and time", s)
}

func parseScore(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || !(f >= 0 && f <= 100) || strings.ContainsAny(s, "eExXpP_") {
		return "", authoring.Errorf(authoring.EINVALID, "score %q is not a number from 0 to 100", s)
	}
	return s, nil
}

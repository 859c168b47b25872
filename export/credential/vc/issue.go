package vc

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"time"

	"github.com/stacklet/stacklet/authoring"
)

// OBSchemaURL is the JSON Schema an Open Badges 3.0 AchievementCredential
// declares; its type term comes from the extensions context.
const OBSchemaURL = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"

// Batch is what the credentials of one issuing run share.
type Batch struct {
	CredentialID   string       // the authoring.Credential id: names files
	Name           string       // the credential's title
	Achievement    any          // the Open Badges Achievement (JSON), without @context
	Contexts       []string     // contexts the achievement needs besides the standard ones
	ResultID       string       // the resultDescription a learner's score reports on, if any
	PassMark       float64      // the score (0-100) a whole-credential row needs; 0: no graded module
	Modules        []ModuleRule // the credential's modules, for a list with a module column
	Required       int          // how many of Modules a learner needs; 0: all
	ValidityMonths int          // 0: the credentials do not expire
	Issuer         authoring.Organisation
	Key            *Key
	Created        time.Time // issue time: proof created and awardedDate
	Loader         *Loader
}

// Issued is one signed credential, ready to write.
type Issued struct {
	Line int    // the learner's row
	File string // file name, the same for the same credential and learner
	Data []byte
}

// IssueAll signs one credential per learner; a learner that cannot get one
// (such as a completion after the issue time) becomes a RowError. When the
// learners come from a list with a module column (ByModule), each learner's
// rows are gathered first and the credential is signed only for the
// learners whose passed modules meet its requirement.
func (b *Batch) IssueAll(learners []Learner) ([]Issued, []RowError, error) {
	var awards []award
	var bad []RowError
	if ByModule(learners) {
		awards, bad = b.moduleAwards(learners)
	} else {
		awards, bad = b.rowAwards(learners)
	}
	out := make([]Issued, 0, len(awards))
	for _, a := range awards {
		is, err := b.issue(a.Learner, a.resultID)
		if err != nil {
			return nil, nil, err // the batch itself is broken: no credential is right
		}
		out = append(out, is)
	}
	sort.SliceStable(bad, func(i, j int) bool { return bad[i].Line < bad[j].Line })
	return out, bad, nil
}

// award is a learner who earned the credential, with the resultDescription
// their score reports on.
type award struct {
	Learner
	resultID string
}

// rowAwards takes each row as a completion of the whole credential.
func (b *Batch) rowAwards(learners []Learner) ([]award, []RowError) {
	var out []award
	var bad []RowError
	for _, l := range learners {
		if err := b.earned(l); err != nil {
			bad = append(bad, RowError{Line: l.Line, Err: err})
			continue
		}
		out = append(out, award{l, b.ResultID})
	}
	return out, bad
}

// earned says why learner l cannot have the credential, or nil: a completion
// after the issue time or expired, a score below the pass mark, or a graded
// credential reported only as completed.
func (b *Batch) earned(l Learner) error {
	if _, _, err := b.validity(l); err != nil {
		return err
	}
	return meetsMark(l, b.PassMark, "the credential")
}

// meetsMark says why row l does not reach mark, or nil; what names what
// asks for the mark in the message.
func meetsMark(l Learner, mark float64, what string) error {
	if mark <= 0 {
		return nil
	}
	if l.Score != "" {
		if score, _ := strconv.ParseFloat(l.Score, 64); score < mark {
			return authoring.Errorf(authoring.EINVALID, "score %s is below the pass mark of %s %% of %s", l.Score, formatMark(mark), what)
		}
		return nil
	}
	if l.Status == "completed" {
		return authoring.Errorf(authoring.EINVALID, "completed without a score or a pass: %s needs %s %%", what, formatMark(mark))
	}
	return nil
}

func formatMark(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// Issue signs the credential of one learner, taken as a completion of the
// whole credential.
func (b *Batch) Issue(l Learner) (Issued, error) {
	return b.issue(l, b.ResultID)
}

func (b *Batch) issue(l Learner, resultID string) (Issued, error) {
	doc, err := b.document(l, resultID)
	if err != nil {
		return Issued{}, err
	}
	unsigned, err := toMap(doc)
	if err != nil {
		return Issued{}, err
	}
	proof, err := Sign(unsigned, b.Key, b.Created, b.Loader)
	if err != nil {
		return Issued{}, err
	}
	doc.Proof = []Proof{proof}
	data, err := encodeJSON(doc)
	if err != nil {
		return Issued{}, err
	}
	hash := doc.CredentialSubject.Identifier[0].IdentityHash
	return Issued{Line: l.Line, File: fmt.Sprintf("%s-%s.json", b.CredentialID, hash[len("sha256$"):][:12]), Data: data}, nil
}

// WriteIssued writes every credential into dir or none: all are written
// under temporary names first and renamed into place only when all are
// complete.
func WriteIssued(dir string, issued []Issued) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	temps := make([]string, 0, len(issued))
	defer func() {
		for _, t := range temps {
			os.Remove(t)
		}
	}()
	for _, is := range issued {
		tmp, err := writeTemp(filepath.Join(dir, is.File), is.Data, 0o644)
		if err != nil {
			return err
		}
		temps = append(temps, tmp)
	}
	for i, is := range issued {
		if err := os.Rename(temps[i], filepath.Join(dir, is.File)); err != nil {
			return err
		}
	}
	return nil
}

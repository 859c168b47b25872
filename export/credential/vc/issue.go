package vc

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/stacklet/stacklet/authoring"
)

// OBSchemaURL is the JSON Schema an Open Badges 3.0 AchievementCredential
// declares; its type term comes from the extensions context.
const OBSchemaURL = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"

// Batch is what the credentials of one issuing run share.
type Batch struct {
	CredentialID   string   // the authoring.Credential id: names files
	Name           string   // the credential's title
	Achievement    any      // the Open Badges Achievement (JSON), without @context
	Contexts       []string // contexts the achievement needs besides the standard ones
	ResultID       string   // the resultDescription a learner's score reports on, if any
	PassMark       float64  // the score (0-100) a learner needs; 0: no graded module
	ValidityMonths int      // 0: the credentials do not expire
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
// (such as a completion after the issue time) becomes a RowError.
func (b *Batch) IssueAll(learners []Learner) ([]Issued, []RowError, error) {
	var out []Issued
	var bad []RowError
	for _, l := range learners {
		if err := b.earned(l); err != nil {
			bad = append(bad, RowError{l.Line, err})
			continue
		}
		is, err := b.Issue(l)
		if err != nil {
			return nil, nil, err // the batch itself is broken: no credential is right
		}
		out = append(out, is)
	}
	return out, bad, nil
}

// earned says why learner l cannot have the credential, or nil: a completion
// after the issue time or expired, a score below the pass mark, or a graded
// credential reported only as completed.
func (b *Batch) earned(l Learner) error {
	if _, _, err := b.validity(l); err != nil {
		return err
	}
	if b.PassMark <= 0 {
		return nil
	}
	if l.Score != "" {
		if score, _ := strconv.ParseFloat(l.Score, 64); score < b.PassMark {
			return authoring.Errorf(authoring.EINVALID, "score %s is below the pass mark of %s %%", l.Score, formatMark(b.PassMark))
		}
		return nil
	}
	if l.Status == "completed" {
		return authoring.Errorf(authoring.EINVALID, "completed without a score or a pass: the credential needs %s %%", formatMark(b.PassMark))
	}
	return nil
}

func formatMark(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// Issue signs the credential of one learner.
func (b *Batch) Issue(l Learner) (Issued, error) {
	doc, err := b.document(l)
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

package vc

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"github.com/stacklet/stacklet/authoring"
)

// credentialDoc is an AchievementCredential; field order is output order.
type credentialDoc struct {
	Context           []string    `json:"@context"`
	ID                string      `json:"id"`
	Type              []string    `json:"type"`
	Name              string      `json:"name"`
	Issuer            profileDoc  `json:"issuer"`
	ValidFrom         string      `json:"validFrom"`
	ValidUntil        string      `json:"validUntil,omitempty"`
	AwardedDate       string      `json:"awardedDate"`
	CredentialSubject subjectDoc  `json:"credentialSubject"`
	CredentialSchema  []schemaRef `json:"credentialSchema"`
	Proof             []Proof     `json:"proof,omitempty"`
}

type profileDoc struct {
	ID      string      `json:"id"`
	Type    []string    `json:"type"`
	Name    string      `json:"name,omitempty"`
	URL     string      `json:"url,omitempty"`
	Email   string      `json:"email,omitempty"`
	Address *addressDoc `json:"address,omitempty"`
}

type addressDoc struct {
	Type               []string `json:"type"`
	AddressCountryCode string   `json:"addressCountryCode,omitempty"`
	AddressRegion      string   `json:"addressRegion,omitempty"`
}

type subjectDoc struct {
	Type            []string         `json:"type"`
	Identifier      []identityObject `json:"identifier"`
	ActivityEndDate string           `json:"activityEndDate"`
	Result          []resultDoc      `json:"result,omitempty"`
	Achievement     any              `json:"achievement"`
}

type identityObject struct {
	Type         string `json:"type"`
	IdentityType string `json:"identityType"`
	Hashed       bool   `json:"hashed"`
	IdentityHash string `json:"identityHash"`
	Salt         string `json:"salt,omitempty"`
}

type resultDoc struct {
	Type              []string `json:"type"`
	ResultDescription string   `json:"resultDescription,omitempty"`
	Value             string   `json:"value"`
}

type schemaRef struct {
	ID   string `json:"id"`
	Type string `json:"type"`
}

func (b *Batch) document(l Learner, resultID string) (*credentialDoc, error) {
	from, until, err := b.validity(l)
	if err != nil {
		return nil, err
	}
	ids := b.identities(l)
	doc := &credentialDoc{
		Context:     b.contexts(),
		ID:          b.credentialURN(ids[0].IdentityHash, from),
		Type:        []string{"VerifiableCredential", "AchievementCredential"},
		Name:        b.Name,
		Issuer:      b.profile(),
		ValidFrom:   from,
		ValidUntil:  until,
		AwardedDate: b.Created.UTC().Format(time.RFC3339),
		CredentialSubject: subjectDoc{
			Type: []string{"AchievementSubject"}, Identifier: ids, ActivityEndDate: from,
			Achievement: b.Achievement,
		},
		CredentialSchema: []schemaRef{{OBSchemaURL, "1EdTechJsonSchemaValidator2019"}},
	}
	if l.Score != "" {
		doc.CredentialSubject.Result = []resultDoc{{Type: []string{"Result"}, ResultDescription: resultID, Value: l.Score}}
	}
	return doc, nil
}

// validity is validFrom (the completion) and validUntil (ValidityMonths
// later, or "").
func (b *Batch) validity(l Learner) (from, until string, err error) {
	if l.Completed.After(b.Created) {
		return "", "", authoring.Errorf(authoring.EINVALID, "completed on %s, after the issue time %s", l.Completed.Format(time.RFC3339), b.Created.UTC().Format(time.RFC3339))
	}
	from = l.Completed.UTC().Format(time.RFC3339)
	if b.ValidityMonths > 0 {
		end := l.Completed.UTC().AddDate(0, b.ValidityMonths, 0)
		if !end.After(b.Created) {
			return "", "", authoring.Errorf(authoring.EINVALID, "completed on %s: the credential expired on %s", from, end.Format(time.RFC3339))
		}
		until = end.Format(time.RFC3339)
	}
	return from, until, nil
}

// contexts: the two Open Badges requires first, the extensions context for
// credentialSchema, then what the achievement needs.
func (b *Batch) contexts() []string {
	out := []string{CredentialsV2URL, OpenBadgesURL, OBExtensionsURL}
	for _, c := range b.Contexts {
		if !contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

func (b *Batch) profile() profileDoc {
	o := b.Issuer
	p := profileDoc{ID: b.Key.DID, Type: []string{"Profile"}, Name: o.Name, URL: o.URL, Email: o.Email}
	if o.Country != "" || o.Region != "" {
		p.Address = &addressDoc{Type: []string{"Address"}, AddressCountryCode: o.Country, AddressRegion: o.Region}
	}
	return p
}

// identities: the email (or identifier) hashed with a salt, then the name
// in plain text when given, so a wallet can show whose badge it is.
func (b *Batch) identities(l Learner) []identityObject {
	value, kind := l.Email, "emailAddress"
	if value == "" {
		value, kind = l.Identifier, "identifier"
	}
	salt := b.salt(value)
	ids := []identityObject{{Type: "IdentityObject", IdentityType: kind, Hashed: true, IdentityHash: IdentityHash(value, salt), Salt: salt}}
	if l.Name != "" {
		ids = append(ids, identityObject{Type: "IdentityObject", IdentityType: "name", IdentityHash: l.Name})
	}
	return ids
}

// IdentityHash is Open Badges' salted identity hash: "sha256$" and the hex
// SHA-256 of the identity followed by the salt.
func IdentityHash(identity, salt string) string {
	sum := sha256.Sum256([]byte(identity + salt))
	return "sha256$" + hex.EncodeToString(sum[:])
}

// salt is derived from the issuer's secret: re-issuing gives the same
// bytes, yet nobody without the key can precompute hashes of guessed emails.
func (b *Batch) salt(identity string) string {
	mac := hmac.New(sha256.New, b.Key.priv.Seed())
	mac.Write([]byte("stacklet identity salt\x00" + b.CredentialID + "\x00" + identity))
	return hex.EncodeToString(mac.Sum(nil)[:16])
}

// credentialURN is a name-based UUID (RFC 9562 version 8, SHA-256) of the
// issuer, credential, learner and completion: one award, one id.
func (b *Batch) credentialURN(identityHash, from string) string {
	sum := sha256.Sum256([]byte("stacklet credential\x00" + b.Key.DID + "\x00" + b.CredentialID + "\x00" + identityHash + "\x00" + from))
	u := sum[:16]
	u[6] = u[6]&0x0f | 0x80 // version 8
	u[8] = u[8]&0x3f | 0x80 // RFC variant
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

func toMap(v any) (map[string]any, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	return m, json.Unmarshal(data, &m)
}

// encodeJSON writes like the rest of Stacklet: 2-space indent, no HTML
// escaping, trailing newline.
func encodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(v)
	return buf.Bytes(), err
}

package vc

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/stacklet/stacklet/authoring"
)

// checkStructure checks what the Open Badges 3.0 AchievementCredential JSON
// Schema requires. The official schema files are not ours to ship (tests
// validate against them from the standards folder), so the binary carries
// these hand-written checks of the same rules.
func checkStructure(doc map[string]any) error {
	c := &checker{}
	c.contexts(doc["@context"])
	c.uri(doc["id"], "id")
	c.types(doc["type"], "type", "VerifiableCredential")
	c.types(doc["type"], "type", "AchievementCredential", "OpenBadgeCredential")
	c.issuer(doc["issuer"])
	c.dateTime(doc["validFrom"], "validFrom", true)
	c.dateTime(doc["validUntil"], "validUntil", false)
	c.dateTime(doc["awardedDate"], "awardedDate", false)
	c.optionalString(doc["name"], "name")
	c.optionalString(doc["description"], "description")
	c.subject(doc["credentialSubject"])
	if len(c.problems) == 0 {
		return nil
	}
	return reasonf(ReasonStructure, authoring.EINVALID, "not an Open Badges 3.0 AchievementCredential: %s", strings.Join(c.problems, "; "))
}

type checker struct{ problems []string }

func (c *checker) fail(path, what string) { c.problems = append(c.problems, path+" "+what) }

var obContext = regexp.MustCompile(`^https://purl\.imsglobal\.org/spec/ob/v3p0/context(-3\.\d\.\d)*\.json$`)

func (c *checker) contexts(v any) {
	list, ok := v.([]any)
	if !ok || len(list) < 2 {
		c.fail("@context", "must list at least the VC 2.0 and Open Badges 3.0 contexts")
		return
	}
	if list[0] != CredentialsV2URL {
		c.fail("@context[0]", "must be "+CredentialsV2URL)
	}
	if s, _ := list[1].(string); !obContext.MatchString(s) {
		c.fail("@context[1]", "must be the Open Badges 3.0 context")
	}
}

func (c *checker) issuer(v any) {
	if m, ok := v.(map[string]any); ok {
		c.uri(m["id"], "issuer.id")
		c.types(m["type"], "issuer.type", "Profile")
		return
	}
	c.uri(v, "issuer")
}

func (c *checker) subject(v any) {
	s := c.object(v, "credentialSubject")
	if s == nil {
		return
	}
	c.types(s["type"], "credentialSubject.type", "AchievementSubject")
	ids, _ := s["identifier"].([]any)
	if s["id"] == nil && len(ids) == 0 {
		c.fail("credentialSubject", "needs an id or an identifier")
	}
	if s["id"] != nil {
		c.uri(s["id"], "credentialSubject.id")
	}
	for _, id := range ids {
		c.identity(id)
	}
	c.achievement(s["achievement"])
	if r, ok := s["result"]; ok {
		list, _ := r.([]any)
		for _, item := range list {
			if m := c.object(item, "credentialSubject.result[]"); m != nil {
				c.types(m["type"], "credentialSubject.result[].type", "Result")
			}
		}
	}
}

var identityHash = regexp.MustCompile(`^(sha256\$[0-9a-fA-F]{64}|md5\$[0-9a-fA-F]{32})$`)

func (c *checker) identity(v any) {
	const path = "credentialSubject.identifier[]"
	m := c.object(v, path)
	if m == nil {
		return
	}
	if m["type"] != "IdentityObject" {
		c.fail(path+".type", "must be IdentityObject")
	}
	hashed, ok := m["hashed"].(bool)
	if !ok {
		c.fail(path+".hashed", "must be true or false")
	}
	hash, _ := m["identityHash"].(string)
	if hash == "" || (hashed && !identityHash.MatchString(hash)) {
		c.fail(path+".identityHash", "must be given, as sha256$<hex> or md5$<hex> when hashed")
	}
	if t, _ := m["identityType"].(string); t == "" {
		c.fail(path+".identityType", "is missing")
	}
	c.optionalString(m["salt"], path+".salt")
}

func (c *checker) achievement(v any) {
	const path = "credentialSubject.achievement"
	a := c.object(v, path)
	if a == nil {
		return
	}
	c.uri(a["id"], path+".id")
	c.types(a["type"], path+".type", "Achievement")
	for _, name := range []string{"name", "description"} {
		if s, _ := a[name].(string); s == "" {
			c.fail(path+"."+name, "is missing")
		}
	}
	c.object(a["criteria"], path+".criteria")
}

// object returns v as a JSON object, or records that it is not one.
func (c *checker) object(v any, path string) map[string]any {
	m, ok := v.(map[string]any)
	if !ok {
		c.fail(path, "must be an object")
	}
	return m
}

// uri accepts an absolute URI (did:, urn:, https: ...).
func (c *checker) uri(v any, path string) {
	s, _ := v.(string)
	u, err := url.Parse(s)
	if s == "" || err != nil || u.Scheme == "" {
		c.fail(path, "must be an absolute URI")
	}
}

// types accepts a type array (or a single string, as JSON-LD allows) that
// holds one of want.
func (c *checker) types(v any, path string, want ...string) {
	list, ok := v.([]any)
	if !ok {
		list = []any{v}
	}
	for _, t := range list {
		for _, w := range want {
			if t == w {
				return
			}
		}
	}
	c.fail(path, "must include "+strings.Join(want, " or "))
}

func (c *checker) dateTime(v any, path string, required bool) {
	if v == nil && !required {
		return
	}
	if s, _ := v.(string); !isDateTimeZ(s) {
		c.fail(path, "must be a date and time with a time zone, like 2025-03-01T10:00:00Z")
	}
}

func (c *checker) optionalString(v any, path string) {
	if _, ok := v.(string); v != nil && !ok {
		c.fail(path, "must be a string")
	}
}

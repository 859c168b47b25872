package credential

import (
	"crypto/sha1"
	"fmt"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/export/internal/cp"
)

// namespace is Stacklet's UUID namespace for name-based ids (RFC 9562
// version 5): the same project and credential always give the same ids, so
// a re-export or an issued badge names the same achievement.
var namespace = [16]byte{0x61, 0xda, 0x2f, 0x6e, 0xac, 0xb9, 0x48, 0x98, 0x83, 0x97, 0xff, 0x9b, 0x83, 0x6b, 0x1d, 0x5c}

// uuid5 returns the version 5 UUID of name in Stacklet's namespace.
func uuid5(name string) string {
	h := sha1.New()
	h.Write(namespace[:])
	h.Write([]byte(name))
	u := h.Sum(nil)[:16]
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // RFC variant
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// URN returns the urn:uuid id of one part of credential c, e.g. "achievement".
// It depends on the project title (as a slug) and the credential id, not on
// any text that is translated, so every language version shares it.
func URN(p *authoring.Project, c *authoring.Credential, part string) string {
	return "urn:uuid:" + uuid5(cp.Slug(p.Title)+"/"+c.ID+"/"+part)
}

// AchievementID is the stable id of the credential's Open Badges Achievement.
func AchievementID(p *authoring.Project, c *authoring.Credential) string {
	return URN(p, c, "achievement")
}

// organisationID is the same for every credential of one awarding body.
func organisationID(o authoring.Organisation) string {
	return "urn:uuid:" + uuid5("organisation/"+o.Name+"/"+o.URL)
}

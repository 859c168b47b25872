package credential

import _ "embed"

// Context URLs of the achievement document, in @context order.
const (
	CredentialsV2URL = "https://www.w3.org/ns/credentials/v2"
	OpenBadgesURL    = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
	// ContextURL names Stacklet's own context: the terms for the EU
	// micro-credential elements Open Badges 3.0 has no property for. Its
	// bytes ship in every package (credential/context.json) and in the
	// binary; nothing ever fetches the URL.
	ContextURL = "https://stacklet.github.io/ns/credential/v1.jsonld"
	// Vocab is the namespace of every term the context defines.
	Vocab = "https://stacklet.github.io/ns/credential#"
)

// contextJSON maps each extension term to an IRI under Vocab. It is
// @protected like the Open Badges context, so a later context cannot
// quietly change what a signed term means.
//
//go:embed context.json
var contextJSON []byte

// Context returns the bytes of Stacklet's JSON-LD context, served for
// ContextURL by document loaders (see package vc).
func Context() []byte { return append([]byte(nil), contextJSON...) }

// AchievementContexts is the @context of an achievement, and of the
// credential an issuer wraps around it.
func AchievementContexts() []string {
	return []string{CredentialsV2URL, OpenBadgesURL, ContextURL}
}

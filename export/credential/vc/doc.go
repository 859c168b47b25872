// Package vc issues and verifies signed Open Badges 3.0 credentials: Ed25519
// issuer keys with did:key or did:web identifiers, a cache of pinned JSON-LD
// contexts, RDF dataset canonicalisation and DataIntegrityProofs with the
// eddsa-rdfc-2022 cryptosuite (W3C VC Data Integrity EdDSA).
//
// Nothing here touches the network except Fetch, which only downloads the
// pinned context URLs and refuses bytes that do not match their hashes.
package vc

// An independent verifier for the credentials stacklet-cli issues: Digital
// Bazaar's VC libraries with a document loader that serves only the bundled
// contexts (the standards folder's copies and Stacklet's own context) and
// did:key documents derived from the identifier itself. Any other URL is
// refused, never fetched.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { repoRoot, requireFile } from './env.mjs';

export const openBadgesDir = path.join(repoRoot, '..', 'shared', 'standards', 'openbadges3');

// The standard contexts by URL, with their file in the standards folder.
const STANDARD = {
  'https://www.w3.org/ns/credentials/v2': 'credentials-v2.jsonld',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': 'context-3.0.3.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json': 'extensions.json',
};
const STACKLET_CONTEXT = 'https://stacklet.github.io/ns/credential/v1.jsonld';
const DID_CONTEXT = 'https://www.w3.org/ns/did/v1';

// bundledContexts reads the contexts, or throws MissingTool when the
// standards folder is absent.
export function bundledContexts() {
  const contexts = new Map();
  for (const [url, file] of Object.entries(STANDARD)) {
    const full = requireFile(path.join(openBadgesDir, file), 'the shared standards folder ../shared/standards');
    contexts.set(url, JSON.parse(readFileSync(full, 'utf8')));
  }
  const own = path.join(repoRoot, 'export', 'credential', 'context.json');
  contexts.set(STACKLET_CONTEXT, JSON.parse(readFileSync(own, 'utf8')));
  return contexts;
}

// didKeyDocument builds the DID document of a did:key from the key it
// encodes, with ed25519-multikey: nothing Stacklet wrote is trusted.
async function didKeyDocument(did) {
  const fingerprint = did.slice('did:key:'.length);
  const id = `${did}#${fingerprint}`;
  const key = await Ed25519Multikey.from({ id, controller: did, publicKeyMultibase: fingerprint });
  const method = await key.export({ publicKey: true, includeContext: true });
  const { publicKey } = await key.export({ raw: true });
  if (publicKey.length !== 32 || method.publicKeyMultibase !== fingerprint) {
    throw new Error(`${did} is not an Ed25519 did:key`);
  }
  return {
    method,
    document: {
      '@context': [DID_CONTEXT, 'https://w3id.org/security/multikey/v1'],
      id: did, verificationMethod: [method], assertionMethod: [id], authentication: [id],
    },
  };
}

// documentLoader serves the bundled contexts and did:key documents; it
// records every URL asked for, so a test can show nothing else was.
export function documentLoader(contexts) {
  const asked = [];
  const load = async (url) => {
    asked.push(url);
    if (contexts.has(url)) return { contextUrl: null, documentUrl: url, document: structuredClone(contexts.get(url)) };
    if (url.startsWith('did:key:')) {
      const [did, fragment] = url.split('#');
      const { method, document } = await didKeyDocument(did);
      if (fragment === undefined) return { contextUrl: null, documentUrl: url, document };
      if (method.id === url) return { contextUrl: null, documentUrl: url, document: method };
    }
    throw new Error(`refused to load ${url}: not a bundled context or did:key`);
  };
  load.asked = asked;
  return load;
}

const suite = () => new DataIntegrityProof({ cryptosuite });

// verify returns Digital Bazaar's verdict on a credential.
export async function verify(credential, loader) {
  return vc.verifyCredential({ credential, suite: suite(), documentLoader: loader });
}

// failures lists why a verification failed, from every proof and check.
export function failures(result) {
  const errors = [result.error, ...(result.error?.errors ?? []), ...(result.results ?? []).map((r) => r.error)];
  return errors.filter(Boolean).map((e) => e.message).join('; ');
}

// resign signs the credential again with the issuer's key file (a Multikey
// with its secret) and the same created time, as Digital Bazaar signs.
export async function resign(credential, keyFile, loader) {
  const key = await Ed25519Multikey.from(keyFile);
  const [old] = credential.proof;
  const unsigned = structuredClone(credential);
  delete unsigned.proof;
  const signing = new DataIntegrityProof({ signer: key.signer(), cryptosuite, date: old.created });
  return vc.issue({ credential: unsigned, suite: signing, documentLoader: loader });
}

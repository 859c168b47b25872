// Credentials issued by stacklet-cli verify with an implementation that is
// not ours (Digital Bazaar's @digitalbazaar/vc with eddsa-rdfc-2022) using
// only bundled contexts; a changed byte fails there and in
// "stacklet-cli credential verify"; and Digital Bazaar, signing the same
// credential with the same key, makes the very same proof.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCLI, sampleProject } from './lib/cli.mjs';
import { MissingTool, inCI } from './lib/env.mjs';
import {
  bundledContexts, documentLoader, failures, openBadgesDir, resign, verify,
} from './lib/vc-verify.mjs';

const dir = mkdtempSync(path.join(os.tmpdir(), 'stacklet-vc-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const LEARNERS = 'name,email,completion date,score\n'
  + 'Ada Lovelace,ada@example.org,2025-03-01,85\n'
  + 'Grace Hopper,grace@example.org,2025-03-04T08:15:00Z,92\n';

let contexts;
let missing;
let issued; // [{file, credential}]
const keyFile = path.join(dir, 'keys', 'issuer-key.json');
const cache = path.join(dir, 'contexts');

before(async () => {
  try {
    contexts = bundledContexts();
  } catch (err) {
    if (!(err instanceof MissingTool)) throw err;
    if (inCI) throw new Error(`${err.message}; CI=true, so this fails instead of skipping`);
    missing = err;
    return;
  }
  const { project } = await sampleProject();
  const credentialID = project.credentials[0].id;
  writeFileSync(path.join(dir, 'learners.csv'), LEARNERS);
  await runCLI('credential', 'contexts', 'fetch', '--from', openBadgesDir, '--contexts', cache);
  await runCLI('keys', 'new', '-o', path.join(dir, 'keys'));
  const out = path.join(dir, 'issued');
  await runCLI('credential', 'issue', '--sample', '--credential', credentialID, '--learners',
    path.join(dir, 'learners.csv'), '-o', out, '--key', keyFile, '--contexts', cache);
  issued = readdirSync(out).sort().map((name) => {
    const file = path.join(out, name);
    return { file, text: readFileSync(file, 'utf8'), credential: JSON.parse(readFileSync(file, 'utf8')) };
  });
});

function ready(t) {
  if (!missing) return true;
  t.skip(`${missing.message}; under CI=true this fails`);
  return false;
}

// changed writes a copy of the credential text with one byte replaced.
function changed(entry, from, to) {
  const at = entry.text.indexOf(from);
  assert.ok(at >= 0, `${from} is not in ${entry.file}`);
  const text = entry.text.slice(0, at) + to + entry.text.slice(at + from.length);
  const file = path.join(dir, `tampered-${path.basename(entry.file)}`);
  writeFileSync(file, text);
  return { file, credential: JSON.parse(text) };
}

describe('issued Open Badges 3.0 credentials', () => {
  test('one credential per learner, each verified by Digital Bazaar with bundled contexts only', async (t) => {
    if (!ready(t)) return;
    assert.equal(issued.length, 2);
    for (const { file, credential } of issued) {
      const loader = documentLoader(contexts);
      const result = await verify(credential, loader);
      assert.equal(result.verified, true, `${file}: ${failures(result)}`);
      const unexpected = loader.asked.filter((url) => !contexts.has(url) && !url.startsWith('did:key:'));
      assert.deepEqual(unexpected, [], 'the verifier asked for documents that are not bundled');
    }
  });

  const tampering = [
    ['a learner name', 'Ada Lovelace', 'Ada Lovelacf'],
    ['the score', '"value": "85"', '"value": "86"'],
    ['the valid-from date', '"validFrom": "2025-03-01T00:00:00Z"', '"validFrom": "2025-03-01T00:00:01Z"'],
    ['the proof time', '"created": "2', '"created": "1'],
  ];
  for (const [what, from, to] of tampering) {
    test(`a byte changed in ${what} fails verification there and in stacklet-cli`, async (t) => {
      if (!ready(t)) return;
      const entry = issued.find((e) => e.text.includes(from));
      assert.ok(entry, `no issued credential holds ${from}`);
      const copy = changed(entry, from, to);
      const result = await verify(copy.credential, documentLoader(contexts));
      assert.equal(result.verified, false, 'Digital Bazaar accepted a changed credential');
      assert.match(failures(result), /Invalid signature/);
      await assert.rejects(runCLI('credential', 'verify', '--contexts', cache, copy.file), /exited 6/);
      await runCLI('credential', 'verify', '--contexts', cache, entry.file);
    });
  }

  test('a proofValue with one character changed fails', async (t) => {
    if (!ready(t)) return;
    const entry = issued[0];
    const value = entry.credential.proof[0].proofValue;
    const swapped = value.slice(0, 20) + (value[20] === 'A' ? 'B' : 'A') + value.slice(21);
    const copy = changed(entry, value, swapped);
    const result = await verify(copy.credential, documentLoader(contexts));
    assert.equal(result.verified, false);
    assert.match(failures(result), /Invalid signature/);
    await assert.rejects(runCLI('credential', 'verify', '--contexts', cache, copy.file), /exited 6/);
  });

  test('a context that is not bundled is refused, not fetched', async (t) => {
    if (!ready(t)) return;
    const credential = structuredClone(issued[0].credential);
    credential['@context'].push('https://example.org/unknown-context.jsonld');
    const loader = documentLoader(contexts);
    const result = await verify(credential, loader);
    assert.equal(result.verified, false);
    assert.match(failures(result), /unknown-context\.jsonld/);
  });

  test('Digital Bazaar signing the same credential with the key file makes the same proof', async (t) => {
    if (!ready(t)) return;
    const keyJSON = JSON.parse(readFileSync(keyFile, 'utf8'));
    for (const { credential } of issued) {
      const theirs = await resign(credential, keyJSON, documentLoader(contexts));
      assert.deepEqual(theirs.proof, credential.proof[0]);
    }
  });
});

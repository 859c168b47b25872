// The web package keeps the learner's progress in localStorage: after a reload
// the learner is where they left, with gates open and answers kept; another
// project's module with the same id on the same origin keeps its own. A SCORM
// package opened without an LMS runs the same way.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { assertCleanTraffic } from './lib/browser.mjs';
import { exportSample, runCLI, workDir } from './lib/cli.mjs';
import { unzip } from './lib/unzip.mjs';
import { loadSample, useHarness } from './lib/harness.mjs';
import { Learner, blockSection, expectedScore, interactionCount, results, scorePattern } from './lib/learner.mjs';

const h = useHarness();
const sample = await loadSample();

// busiest is the sample module with the most for a learner to do.
const busiest = sample?.modules.reduce((a, b) => (interactionCount(b) > interactionCount(a) ? b : a));

async function openPackage(format, module) {
  const pkg = (await exportSample(format)).find((p) => p.module === module.id);
  assert.ok(pkg, `export wrote no ${format} package for module ${module.id}`);
  const url = h.server.mount(`${module.id}-${format}`, pkg.dir);
  const page = await h.page();
  await page.goto(url + 'index.html');
  return page;
}

async function assertRestored(page, module, answered, gateIndex) {
  if (gateIndex >= 0) {
    await assert.doesNotReject(blockSection(page, module.blocks[gateIndex + 1].id).waitFor({ state: 'visible', timeout: 5000 }),
      'the block after the gate is shown again after a reload');
  }
  for (const { block } of answered) {
    await assert.doesNotReject(blockSection(page, block.id).locator('[data-role=feedback]').filter({ hasText: /\S/ }).first()
      .waitFor({ state: 'visible', timeout: 5000 }), `the answer to ${block.id} is kept after a reload`);
  }
}

test('web package: progress survives a reload (localStorage)', { skip: !sample }, async (t) => {
  if (!h.ready(t)) return;
  const module = busiest;
  const page = await openPackage('web', module);
  try {
    const gate = module.blocks.findIndex((b) => b.kind === 'gate');
    const stop = gate < 0 ? Math.ceil(module.blocks.length / 2) : gate + 2;
    const learner = new Learner(page, page, module);
    await learner.work(0, stop);
    const stored = await page.evaluate(() => Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]));
    const mine = stored.filter(([k]) => k.includes(module.id));
    assert.equal(mine.length, 1, `one localStorage key names module ${module.id}: ${stored.map(([k]) => k)}`);
    assert.doesNotThrow(() => JSON.parse(mine[0][1]), 'the saved state is JSON');

    await page.reload();
    await assertRestored(page, module, learner.answered, gate);
    await learner.work(stop);
    const score = expectedScore(module, () => 'right');
    const before = await results(page);
    assert.ok(before.shown, 'the results panel is shown at the end');
    if (score !== undefined) assert.match(before.score || before.text, scorePattern(score));

    await page.reload();
    const after = await results(page);
    assert.ok(after.shown, 'the results panel is still shown after a reload');
    assertCleanTraffic(assert, page);
  } finally {
    await page.context().close();
  }
});

// renamedSamplePackage exports moduleID as a web package of a copy of the
// sample under another title: a second project with the same module ids.
async function renamedSamplePackage(moduleID) {
  const dir = path.join(workDir, 'renamed-sample');
  await runCLI('dump', '--sample', dir);
  const file = path.join(dir, 'project.json');
  const project = JSON.parse(readFileSync(file, 'utf8'));
  project.title += ' (second edition)';
  writeFileSync(file, JSON.stringify(project, null, 2) + '\n');
  const out = path.join(workDir, 'export', 'renamed-web');
  const [row] = JSON.parse(await runCLI('export', dir, '--format', 'web', '--module', moduleID, '-o', out, '--json'));
  const pkgDir = path.join(workDir, 'unzipped', `${moduleID}-web-renamed`);
  unzip(row.path, pkgDir);
  return pkgDir;
}

test('web packages of two projects sharing a module id keep their own progress on one origin', { skip: !sample }, async (t) => {
  if (!h.ready(t)) return;
  const module = busiest;
  const gate = module.blocks.findIndex((b) => b.kind === 'gate');
  assert.ok(gate >= 0, `the busiest sample module ${module.id} has no gate to open`);
  const first = (await exportSample('web')).find((p) => p.module === module.id);
  const firstURL = h.server.mount(`${module.id}-web-first`, first.dir);
  const secondURL = h.server.mount(`${module.id}-web-second`, await renamedSamplePackage(module.id));
  const page = await h.page();
  try {
    await page.goto(firstURL + 'index.html');
    const learner = new Learner(page, page, module);
    await learner.work(0, gate + 2);

    await page.goto(secondURL + 'index.html');
    await page.waitForLoadState('load');
    const after = blockSection(page, module.blocks[gate + 1].id);
    assert.equal(await after.isVisible(), false, "the second project's gate is open: it read the first project's progress");
    assert.equal(await page.locator('[data-role=notice]').isVisible(), false, 'the second project says "welcome back"');
    await new Learner(page, page, module).work(0, 1);

    const keys = await page.evaluate(() => Object.keys(localStorage));
    const mine = keys.filter((k) => k.includes(module.id));
    assert.equal(mine.length, 2, `one localStorage key per project for module ${module.id}: ${keys}`);

    await page.goto(firstURL + 'index.html');
    await assertRestored(page, module, learner.answered, gate);
    assertCleanTraffic(assert, page);
  } finally {
    await page.context().close();
  }
});

test('SCORM package opened without an LMS still runs', { skip: !sample }, async (t) => {
  if (!h.ready(t)) return;
  const module = busiest;
  const page = await openPackage('scorm2004', module);
  try {
    await assert.doesNotReject(page.locator('[data-role=notice]').waitFor({ state: 'visible', timeout: 5000 }),
      'a notice says no LMS was found');
    await new Learner(page, page, module).work();
    assert.ok((await results(page)).shown, 'the results panel is shown at the end');
    assertCleanTraffic(assert, page);
  } finally {
    await page.context().close();
  }
});

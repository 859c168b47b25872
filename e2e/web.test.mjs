// The web package keeps the learner's progress in localStorage: after a reload
// the learner is where they left, with gates open and answers kept. A SCORM
// package opened without an LMS runs the same way.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertCleanTraffic } from './lib/browser.mjs';
import { exportSample } from './lib/cli.mjs';
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

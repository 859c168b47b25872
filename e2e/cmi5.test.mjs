// cmi5 packages of the sample launched from a test LMS/LRS (lib/lrs.mjs) the
// way an LMS launches an AU: the player POSTs to fetch once, reads
// LMS.LaunchData and reports initialized, completed, passed or failed and
// terminated with the cmi5 categories, the session id and the LRS token.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { guardedPage } from './lib/browser.mjs';
import { exportSample, runCLI } from './lib/cli.mjs';
import { loadSample, useHarness } from './lib/harness.mjs';
import { Learner, blockSection, expectedScore, isGraded } from './lib/learner.mjs';
import { waitFor } from './lib/lms.mjs';
import { CATEGORY, EXT, categories, cmi5Defined, courseAUs, startLRS, verbOf } from './lib/lrs.mjs';
import { unzip } from './lib/unzip.mjs';

const h = useHarness();
const sample = await loadSample();
const DURATION = /^P(\d+D)?T(\d+H)?(\d+M)?\d+(\.\d+)?S$/;
const graded = sample?.modules.find((m) => m.completion === 'both' && m.blocks.some(isGraded));
const STACK = 'micro-credentials-essentials';

let lrsPromise;
const lrs = () => (lrsPromise ??= startLRS());
// The LRS keeps the event loop alive: close it, or this file never ends.
after(async () => lrsPromise && (await lrsPromise).close());

async function singlePackage(module) {
  const pkg = (await exportSample('cmi5')).find((p) => p.module === module.id);
  assert.ok(pkg, `export wrote no cmi5 package for module ${module.id}`);
  const [au] = courseAUs(pkg.dir);
  return { name: `${module.id}-cmi5`, dir: pkg.dir, au };
}

async function stackPackage(module) {
  const out = mkdtempSync(path.join(os.tmpdir(), 'stacklet-cmi5-'));
  const [row] = JSON.parse(await runCLI('export', '--sample', '--format', 'cmi5', '--credential', STACK, '-o', out, '--json'));
  const dir = path.join(out, 'unzipped');
  unzip(row.path, dir);
  const au = courseAUs(dir).find((a) => a.url === `${module.id}/index.html`);
  assert.ok(au, `the stack has no AU for ${module.id}`);
  return { name: `${STACK}-stack`, dir, au };
}

// launch opens an AU for a new registration (or the given one) and waits
// until the player has read its LaunchData and is usable.
async function launch(pkg, launchOptions = {}) {
  const server = await lrs();
  server.mount(pkg.name, pkg.dir);
  const L = server.launch({ name: pkg.name, auURL: pkg.au.url, publisherID: pkg.au.id, ...launchOptions });
  const page = await guardedPage(h.browser, server.origin);
  await page.goto(L.url);
  await page.waitForFunction(() => !document.querySelector('main').inert, null, { timeout: 5000 });
  return { L, page };
}

// run lets a learner answer as answers says, then leave by navigating away
// (or with "Finish" when finish is set), and returns the launch.
async function run(pkg, module, { answers = () => 'right', from, to, finish = false, expect = [], ...launchOptions } = {}) {
  const { L, page } = await launch(pkg, launchOptions);
  try {
    const learner = new Learner(page, page, module, { answers });
    await learner.work(from, to);
    await waitFor(() => expect.every((v) => L.statements().some((s) => verbOf(s) === v)), 5000,
      `the LRS did not receive ${expect.join(', ')}: ${L.statements().map(verbOf)}`);
    if (finish) {
      await page.locator('[data-role=results] button[data-action=finish]').click();
      if (launchOptions.returnURL) await page.waitForURL(launchOptions.returnURL, { timeout: 5000 });
    } else {
      await page.goto(new URL('/bye', L.url).href);
    }
    await waitFor(() => L.statements().some((s) => verbOf(s) === 'terminated'), 5000, 'no terminated statement');
    await new Promise((resolve) => setTimeout(resolve, 200)); // anything sent twice arrives too
    assertCleanRequests(page, L, await lrs());
    return { L, learner, page };
  } finally {
    await page.context().close();
  }
}

// assertCleanRequests: nothing left the origin, the page threw nothing, fetch
// was POSTed once and every xAPI request carried the token and the version.
function assertCleanRequests(page, L, server) {
  assert.deepEqual(page.traffic.offsite, [], 'requests left the origin');
  const refused = server.requests.filter((r) => r.path.startsWith('/xapi/') && r.status === 401);
  assert.deepEqual(refused, [], 'xAPI requests without Authorization: Basic <the fetched token>');
  assert.deepEqual(page.traffic.pageErrors, [], 'uncaught errors in the page');
  assert.equal(L.fetchPosts, 1, 'POSTs to the fetch URL');
  assert.equal(L.fetchOther, 0, 'other requests to the fetch URL');
  const xapi = L.requests();
  assert.ok(xapi.length >= 3, `${xapi.length} xAPI requests with this launch's token`);
  for (const r of xapi) {
    assert.equal(r.version, '1.0.3', `X-Experience-API-Version of ${r.method} ${r.path}`);
    assert.ok(r.status < 400 || (r.status === 404 && r.method === 'GET'), `${r.method} ${r.path} got ${r.status}`);
  }
  const served = (page.traffic.badResponses ?? []).filter((b) => !/\/xapi\/(activities\/state|agents\/profile)/.test(b));
  assert.deepEqual(served, [], 'failed requests besides documents not stored yet');
}

// assertStatements checks the cmi5-defined statements of a session: the verbs
// in order, then what every one of them must carry.
function assertStatements(L, verbs, module) {
  const all = L.statements();
  const defined = cmi5Defined(all);
  assert.deepEqual(defined.map(verbOf), verbs, 'cmi5-defined statements in order');
  assert.equal(verbOf(all[0]), 'initialized', 'the first statement of the session');
  assert.equal(verbOf(all[all.length - 1]), 'terminated', 'the last statement of the session');
  for (const s of defined) {
    const v = verbOf(s);
    assert.deepEqual(s.actor, L.actor, `${v}: actor`);
    assert.equal(s.object.id, L.activityId, `${v}: object id is the launch activityId`);
    assert.equal(s.context.registration, L.registration, `${v}: registration`);
    assert.equal(s.context.extensions[EXT.session], L.sessionID, `${v}: session id from the context template`);
    assert.deepEqual(s.context.contextActivities.grouping, L.launchData.contextTemplate.contextActivities.grouping, `${v}: publisher id`);
    assert.match(s.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, `${v}: UUID id`);
    const moveon = ['completed', 'passed', 'failed'].includes(v);
    assert.equal(categories(s).includes(CATEGORY.moveon), moveon, `${v}: moveon category`);
    if (v !== 'initialized') assert.match(s.result?.duration ?? '', DURATION, `${v}: result.duration`);
  }
  const completed = defined.find((s) => verbOf(s) === 'completed');
  if (completed) {
    assert.equal(completed.result.completion, true, 'completed: result.completion');
    assert.ok(!('score' in completed.result) && !('success' in completed.result), 'completed carries no score or success');
  }
  for (const s of all.filter((x) => !categories(x).includes(CATEGORY.cmi5))) {
    assert.equal(verbOf(s), 'answered', 'statements without the cmi5 category are answers');
    assert.equal(s.context.contextActivities.parent[0].id, L.activityId, 'an answer names the AU as parent');
    assert.ok(module.blocks.some((b) => s.object.id.endsWith('/interactions/' + b.id)), `answer object ${s.object.id}`);
  }
}

function verdict(L) {
  return cmi5Defined(L.statements()).find((s) => ['passed', 'failed'].includes(verbOf(s)));
}

// firstGradedRight answers the first graded question right and the rest wrong.
function firstGradedRight(module) {
  const first = module.blocks.find(isGraded);
  return (b) => (b === first ? 'right' : 'wrong');
}

describe('cmi5 package', { skip: !graded }, () => {
  test(`${graded?.id}: a learner who gets everything right passes, and Finish returns to the LMS`, async (t) => {
    if (!h.ready(t)) return;
    const pkg = await singlePackage(graded);
    assert.equal(pkg.au.moveOn, 'CompletedAndPassed', 'moveOn of a "both" module');
    assert.equal(pkg.au.masteryScore, graded.masteryScore / 100, 'masteryScore in cmi5.xml');
    const returnURL = new URL('/bye?from=au', (await lrs()).origin).href;
    const { L } = await run(pkg, graded, { finish: true, returnURL, expect: ['completed', 'passed'] });
    const verbs = cmi5Defined(L.statements()).map(verbOf);
    assert.deepEqual(verbs.slice(1, 3).sort(), ['completed', 'passed'], `completed and passed once each: ${verbs}`);
    assertStatements(L, ['initialized', ...verbs.slice(1, 3), 'terminated'], graded);
    const passed = verdict(L);
    assert.equal(passed.result.success, true);
    assert.equal(passed.result.score.scaled, 1, 'result.score.scaled');
    assert.equal(passed.context.extensions[EXT.mastery], graded.masteryScore / 100, 'masteryscore extension');
    assert.ok(L.statements().some((s) => verbOf(s) === 'answered'), 'answers are reported as cmi5 allowed statements');
  });

  test(`${graded?.id}: a learner who gets things wrong fails with the right scaled score`, async (t) => {
    if (!h.ready(t)) return;
    const answers = firstGradedRight(graded);
    const { L } = await run(await singlePackage(graded), graded, { answers, expect: ['completed', 'failed'] });
    const verbs = cmi5Defined(L.statements()).map(verbOf);
    assertStatements(L, ['initialized', ...verbs.slice(1, 3), 'terminated'], graded);
    assert.deepEqual(verbs.slice(1, 3).sort(), ['completed', 'failed'], `completed and failed once each: ${verbs}`);
    const failed = verdict(L);
    assert.equal(failed.result.success, false);
    assert.equal(failed.result.score.scaled, expectedScore(graded, answers) / 100, 'result.score.scaled');
    assert.ok(failed.result.score.scaled < graded.masteryScore / 100, 'a failing score is below the mastery score');
  });

  test(`${graded?.id}: Browse mode reports nothing but initialized and terminated`, async (t) => {
    if (!h.ready(t)) return;
    const { L } = await run(await singlePackage(graded), graded, { launchMode: 'Browse' });
    assert.deepEqual(L.statements().map(verbOf), ['initialized', 'terminated']);
    assertStatements(L, ['initialized', 'terminated'], graded);
    assert.ok(!L.requests().some((r) => r.method === 'PUT'), 'nothing saved in Browse mode');
  });

  test('a stack AU honours masteryScore from LaunchData over the module\'s', async (t) => {
    if (!h.ready(t)) return;
    const module = sample.modules.find((m) => m.completion === 'passed' && m.blocks.some(isGraded));
    const answers = firstGradedRight(module);
    const score = expectedScore(module, answers);
    assert.ok(score < module.masteryScore, `${score} fails under the module's ${module.masteryScore}`);
    const pkg = await stackPackage(module);
    const { L } = await run(pkg, module, { answers, masteryScore: score / 100, expect: ['passed'] });
    const passed = verdict(L);
    assert.equal(verbOf(passed), 'passed', `the LMS's mastery score ${score / 100} is met by ${score}`);
    assert.equal(passed.result.score.scaled, score / 100);
    assert.equal(passed.context.extensions[EXT.mastery], score / 100, 'masteryscore extension');
    assertStatements(L, cmi5Defined(L.statements()).map(verbOf), module);
  });

  // The LRS is slow to take the verdict: whether the learner presses Finish
  // or closes the tab meanwhile, nothing may overtake it, and terminated
  // stays the last statement of the session (cmi5 §9.3.8).
  for (const leave of ['finish', 'close']) {
    test(`${graded?.id}: statements reach a slow LRS in order, terminated last (${leave})`, async (t) => {
      if (!h.ready(t)) return;
      const server = await lrs();
      const returnURL = new URL('/bye?from=au', server.origin).href;
      const { L, page } = await launch(await singlePackage(graded), { returnURL, slow: { verb: 'passed', ms: 1000 } });
      try {
        await new Learner(page, page, graded, { answers: () => 'right' }).work();
        assert.equal(L.held, 1, 'the LRS still holds the POST with passed when the learner leaves');
        if (leave === 'finish') {
          await page.locator('[data-role=results] button[data-action=finish]').click();
          await page.waitForURL(returnURL, { timeout: 5000 });
        } else {
          await page.close({ runBeforeUnload: true }); // pagehide: the page will not wait for the LRS
        }
        await waitFor(() => L.held === 0 && L.statements().some((s) => verbOf(s) === 'terminated'), 5000,
          `no terminated statement: ${L.statements().map(verbOf)}`);
        await new Promise((resolve) => setTimeout(resolve, 200)); // anything sent late arrives too
        assertCleanRequests(page, L, server);
        const verbs = cmi5Defined(L.statements()).map(verbOf);
        assert.deepEqual(verbs.slice(1, 3).sort(), ['completed', 'passed'], `completed and passed once each: ${verbs}`);
        assertStatements(L, ['initialized', ...verbs.slice(1, 3), 'terminated'], graded);
      } finally {
        await page.context().close();
      }
    });
  }

  test(`${graded?.id}: a learner who leaves halfway resumes from the LRS state, same registration`, async (t) => {
    if (!h.ready(t)) return;
    const pkg = await singlePackage(graded);
    const stop = graded.blocks.findIndex(isGraded) + 1;
    const first = await run(pkg, graded, { to: stop });
    const saved = first.L.state('stacklet.suspend');
    assert.ok(saved?.d && saved.l, 'the player state and bookmark are in the LRS');
    assert.deepEqual(cmi5Defined(first.L.statements()).map(verbOf), ['initialized', 'terminated']);

    const { L, page } = await launch(pkg, { registration: first.L.registration });
    try {
      const answered = blockSection(page, graded.blocks[stop - 1].id);
      await assert.doesNotReject(answered.locator('[data-role=feedback]').filter({ hasText: /\S/ }).first()
        .waitFor({ state: 'visible', timeout: 5000 }), 'the answer given before is restored');
      await page.goto(new URL('/bye', L.url).href);
      await waitFor(() => L.statements().some((s) => verbOf(s) === 'terminated'), 5000, 'no terminated statement');
    } finally {
      await page.context().close();
    }
  });

  test(`${graded?.id}: a used fetch URL gets an error code, and the player runs without the LMS`, async (t) => {
    if (!h.ready(t)) return;
    const pkg = await singlePackage(graded);
    const { L, page: first } = await launch(pkg);
    await first.goto(new URL('/bye', L.url).href);
    await waitFor(() => L.statements().some((s) => verbOf(s) === 'terminated'), 5000, 'no terminated statement');
    await first.context().close();
    const sent = L.requests().length;
    const server = await lrs();
    const page = await guardedPage(h.browser, server.origin);
    try {
      await page.goto(L.url); // the same launch URL a second time
      await page.locator('[data-role=notice]').waitFor({ state: 'visible', timeout: 5000 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(L.fetchPosts, 2, 'the second page POSTed once too');
      assert.equal(L.requests().length, sent, 'without a token the second page sends nothing to the LRS');
      assert.deepEqual(page.traffic.pageErrors, []);
    } finally {
      await page.context().close();
    }
  });
});

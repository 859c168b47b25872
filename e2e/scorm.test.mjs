// SCORM 1.2 and 2004 packages of the sample in a scorm-again LMS: a learner who
// gets everything right passes with 100, one who gets things wrong fails with
// the right score, interactions are recorded, and a learner who leaves halfway
// resumes at the bookmark with earlier answers kept.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertCleanTraffic } from './lib/browser.mjs';
import { exportSample } from './lib/cli.mjs';
import { loadSample, useHarness } from './lib/harness.mjs';
import {
  INTERACTION_TYPES, Learner, blockSection, expectedScore, isGraded, results, scorePattern,
} from './lib/learner.mjs';
import { SCORM, launchSCO, leave } from './lib/lms.mjs';

const h = useHarness();
const sample = await loadSample();

const SESSION_TIME = {
  scorm12: /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/,
  scorm2004: /^P(\d+Y)?(\d+M)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/,
};

async function packageFor(format, moduleID) {
  const pkg = (await exportSample(format)).find((p) => p.module === moduleID);
  assert.ok(pkg, `export wrote no ${format} package for module ${moduleID}`);
  return { ...pkg, name: `${moduleID}-${format}` };
}

// run launches the package, lets the learner do blocks [from, to) and leaves.
async function run(format, module, { answers, from, to, cmi, check } = {}) {
  const pkg = await packageFor(format, module.id);
  h.server.mount(pkg.name, pkg.dir);
  const page = await h.page();
  try {
    const { session, frame } = await launchSCO(page, h.server, { format, name: pkg.name, dir: pkg.dir, cmi });
    if (check) await check(frame, session);
    const learner = new Learner(page, frame, module, { answers });
    await learner.work(from, to);
    const shown = await results(frame);
    await leave(page, h.server);
    assertCleanTraffic(assert, page);
    assert.deepEqual(session.gaps(), [], 'the test LMS lost reports of these calls');
    assert.deepEqual(session.errors(), [], 'the LMS refused calls');
    assert.equal(session.calls(session.api.initialize).length, 1, `${session.api.initialize} calls`);
    assert.equal(session.calls(session.api.finish).length, 1, `${session.api.finish} calls`);
    return { session, learner, shown };
  } finally {
    await page.context().close();
  }
}

// assertFinished checks what the LMS holds when a learner did every block.
function assertFinished(format, module, { session, learner, shown }, answers) {
  const api = SCORM[format];
  const score = expectedScore(module, answers);
  const passed = score !== undefined && score >= module.masteryScore;
  if (format === 'scorm12') {
    const want = score === undefined ? 'completed' : passed ? 'passed' : 'failed';
    assert.equal(session.set(api.status), want, 'cmi.core.lesson_status');
  } else {
    const complete = { viewed: true, passed, both: passed }[module.completion];
    assert.equal(session.set(api.status), complete ? 'completed' : 'incomplete', 'cmi.completion_status');
    if (score !== undefined) assert.equal(session.set('cmi.success_status'), passed ? 'passed' : 'failed');
  }
  if (score !== undefined) {
    assert.equal(Number(session.set(api.scoreRaw)), score, 'score.raw');
    assert.equal(Number(session.set(format === 'scorm12' ? 'cmi.core.score.min' : 'cmi.score.min')), 0, 'score.min');
    assert.equal(Number(session.set(format === 'scorm12' ? 'cmi.core.score.max' : 'cmi.score.max')), 100, 'score.max');
    if (format === 'scorm2004') assert.equal(Number(session.set('cmi.score.scaled')), score / 100, 'score.scaled');
    assert.ok(shown.shown, 'the results panel is shown at the end');
    assert.match(shown.score || shown.text, scorePattern(score), 'the results panel shows the score');
  }
  if (passed || score === undefined) {
    const exit = session.set(api.exit);
    const allowed = format === 'scorm12' ? [undefined, ''] : [undefined, '', 'normal'];
    assert.ok(allowed.includes(exit), `exit is ${JSON.stringify(exit)} for a finished module`);
  }
  const time = session.set(format === 'scorm12' ? 'cmi.core.session_time' : 'cmi.session_time');
  assert.match(time ?? '', SESSION_TIME[format], 'session_time');
  assert.ok(module.blocks.some((b) => b.id === session.set(api.location)), `bookmark ${session.set(api.location)} is a block id`);
  assertInteractions(format, session, learner);
}

// assertInteractions checks that each graded question answered was reported,
// with its type and final result, in the version's vocabulary.
function assertInteractions(format, session, learner) {
  const api = SCORM[format];
  const interactions = session.interactions();
  const graded = learner.answered.filter((a) => isGraded(a.block));
  const attempts = learner.answered.reduce((n, a) => n + a.attempts, 0);
  assert.ok(interactions.length >= graded.length && interactions.length <= attempts,
    `${interactions.length} interactions for ${graded.length} graded questions answered in ${attempts} attempts`);
  for (const { block, how } of graded) {
    const mine = interactions.filter((i) => i.id === block.id || String(i.id).includes(block.id));
    assert.ok(mine.length > 0, `no interaction for question ${block.id}; ids: ${interactions.map((i) => i.id)}`);
    const last = mine[mine.length - 1];
    assert.equal(last.type, INTERACTION_TYPES[block.kind], `interaction type of ${block.id}`);
    assert.equal(last.result, how === 'right' ? 'correct' : api.wrong, `interaction result of ${block.id}`);
    assert.notEqual(last[api.response] ?? '', '', `interaction ${api.response} of ${block.id}`);
    if (format === 'scorm2004') {
      assert.notEqual(last.description ?? '', '', `interaction description of ${block.id}`);
      assert.notEqual(last.correct_responses?.['0']?.pattern ?? last.correct_responses?.childArray?.[0]?.pattern ?? '', '',
        `correct_responses.0.pattern of ${block.id}`);
    }
  }
}

// firstGradedRight answers the first graded question right and the rest wrong.
function firstGradedRight(module) {
  const first = module.blocks.find(isGraded);
  return (b) => (b === first ? 'right' : 'wrong');
}

// halfway is where a learner leaves: just after the first gate and the
// question that follows it, or half the blocks when there is no gate.
function halfway(module) {
  const gate = module.blocks.findIndex((b) => b.kind === 'gate');
  return gate < 0 ? Math.ceil(module.blocks.length / 2) : Math.min(gate + 2, module.blocks.length - 1);
}

for (const format of ['scorm12', 'scorm2004']) {
  describe(`${format} package`, { skip: !sample }, () => {
    for (const module of sample?.modules ?? []) {
      test(`${module.id}: a learner who gets everything right completes it`, async (t) => {
        if (!h.ready(t)) return;
        const answers = () => 'right';
        assertFinished(format, module, await run(format, module, { answers }), answers);
      });

      if (module.blocks.some(isGraded)) {
        test(`${module.id}: a learner who gets things wrong fails with the right score`, async (t) => {
          if (!h.ready(t)) return;
          const answers = firstGradedRight(module);
          assertFinished(format, module, await run(format, module, { answers }), answers);
        });
      }

      test(`${module.id}: a learner who leaves halfway resumes at the bookmark`, async (t) => {
        if (!h.ready(t)) return;
        const api = SCORM[format];
        const stop = halfway(module);
        const first = await run(format, module, { to: stop });
        const s1 = first.session;
        assert.equal(s1.set(api.exit), 'suspend', 'exit when leaving unfinished');
        const data = s1.set('cmi.suspend_data') ?? '';
        assert.ok(data.length > 0 && data.length <= api.suspendLimit, `suspend_data is ${data.length} chars`);
        assert.doesNotThrow(() => JSON.parse(data), 'suspend_data is JSON');
        const bookmark = s1.set(api.location);
        const at = module.blocks.findIndex((b) => b.id === bookmark);
        assert.ok(at >= 0, `bookmark ${JSON.stringify(bookmark)} is a block id`);
        assert.notEqual(s1.set(api.status), format === 'scorm12' ? 'passed' : 'completed', 'status after half the module');
        const lastSet = s1.log.findLast((e) => e.method === api.setValue).seq;
        assert.ok(s1.calls(api.commit).some((e) => e.seq > lastSet), 'a commit follows the last SetValue');

        const answeredBefore = first.learner.answered.map((a) => a.block);
        const second = await run(format, module, {
          from: stop,
          cmi: s1.resumeData(),
          check: async (frame) => {
            const section = blockSection(frame, bookmark);
            await section.waitFor({ state: 'visible', timeout: 5000 });
            await frame.waitForFunction((id) => {
              const el = document.querySelector(`section.block[data-block-id="${id}"]`);
              const r = el.getBoundingClientRect();
              return r.top < window.innerHeight && r.bottom > 0;
            }, bookmark, { timeout: 5000 }).catch(() => assert.fail(`the player did not scroll to the bookmark ${bookmark}`));
            for (const block of answeredBefore) {
              const q = blockSection(frame, block.id);
              await assert.doesNotReject(q.locator('[data-role=feedback]').filter({ hasText: /\S/ }).first()
                .waitFor({ state: 'visible', timeout: 2000 }), `the answer to ${block.id} was not restored`);
            }
          },
        });
        second.learner.answered.unshift(...first.learner.answered);
        assertFinished(format, module, second, () => 'right');
      });
    }
  });
}

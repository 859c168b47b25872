// SCORM 1.2 gives suspend_data 4,096 characters. A module with hundreds of
// questions does not fit, so the player gives up the least useful state
// first. These modules are built here, far larger than microlearning should
// be, to push the player past each step: 300 questions fit once responses
// are dropped (attempts and results stay, so the score survives a relaunch);
// 600 fit only with views and gates.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCLI, workDir } from './lib/cli.mjs';
import { repoRoot } from './lib/env.mjs';
import { useHarness } from './lib/harness.mjs';
import { SCORM, launchSCO } from './lib/lms.mjs';
import { unzip } from './lib/unzip.mjs';

const h = useHarness();
const api = SCORM.scorm12;

function quizModule(id, questions) {
  const blocks = Array.from({ length: questions }, (_, i) => ({
    id: `q${i + 1}`, kind: 'true-false', prompt: `Statement ${i + 1} is true.`,
    mode: 'graded', weight: 1, answer: true,
  }));
  return {
    id, title: `${questions} questions`, description: 'A quiz far longer than a module should be.',
    minutes: 15, outcomes: ['Answer many questions.'], keywords: [],
    completion: 'passed', masteryScore: 80, attempts: 0, revealAnswers: false, blocks,
  };
}

// writeProject writes a project in Stacklet's dump form and returns its folder.
function writeProject(modules) {
  const dir = path.join(workDir, 'long-quizzes');
  mkdirSync(path.join(dir, 'modules'), { recursive: true });
  writeFileSync(path.join(dir, 'project.json'), JSON.stringify({
    format: 'stacklet-project', version: 1, title: 'Long quizzes', sourceLocale: 'en',
    targetLocales: [], theme: { accent: '#1f5fbf', font: 'sans' }, credentials: [],
    modules: modules.map((m) => m.id),
  }));
  writeFileSync(path.join(dir, 'media.json'), '[]');
  for (const m of modules) writeFileSync(path.join(dir, 'modules', `${m.id}.json`), JSON.stringify(m));
  return dir;
}

let packages;
async function exportQuizzes() {
  packages ??= (async () => {
    const dir = writeProject([quizModule('quiz-300', 300), quizModule('quiz-600', 600)]);
    const out = path.join(workDir, 'long-quizzes-export');
    const rows = JSON.parse(await runCLI('export', dir, '--format', 'scorm12', '--module', 'all', '-o', out, '--json'));
    const dirs = new Map();
    for (const row of rows) {
      const dir = path.join(out, row.module);
      unzip(path.resolve(repoRoot, row.path), dir);
      dirs.set(row.module, dir);
    }
    return dirs;
  })();
  return packages;
}

// answerAll answers every question right in one go, through the forms.
async function answerAll(frame) {
  await frame.evaluate(() => {
    for (const form of document.querySelectorAll('section.block form')) {
      form.querySelector('input[value="true"]').click();
      form.requestSubmit();
    }
  });
}

// session launches module in the test LMS, lets act work in the SCO's frame,
// and returns what the SCO set last and the LMS's whole cmi. Hundreds of
// interactions overflow the beacons that report calls to the test server,
// so both are read from the LMS page itself.
async function session(module, cmi, act) {
  const dir = (await exportQuizzes()).get(module);
  const name = `${module}-suspend-${cmi ? 2 : 1}`;
  h.server.mount(name, dir);
  const page = await h.page();
  try {
    const { frame } = await launchSCO(page, h.server, { format: 'scorm12', name, dir, cmi });
    if (act) await act(frame);
    await page.waitForTimeout(300); // the player saves on the next microtask
    return await page.evaluate(() => {
      const set = {};
      const refused = [];
      for (const e of window.lmsLog) {
        if (e.method !== 'LMSSetValue') continue;
        if (e.result === 'true') set[e.args[0]] = e.args[1];
        else refused.push(e.args[0]);
      }
      return { set, refused, cmi: window.API.renderCMIToJSONObject().cmi };
    });
  } finally {
    await page.context().close();
  }
}

function savedState(s) {
  assert.deepEqual(s.refused, [], 'the LMS refused these SetValue calls');
  const data = s.set['cmi.suspend_data'] ?? '';
  assert.ok(data.length <= api.suspendLimit, `suspend_data is ${data.length} characters`);
  return data ? JSON.parse(data) : null;
}

test('300 questions: responses are dropped, attempts and results kept, the score survives', async (t) => {
  if (!h.ready(t)) return;
  const first = await session('quiz-300', null, answerAll);
  const state = savedState(first);
  assert.ok(state, 'suspend_data is empty');
  assert.equal(Object.keys(state.a).length, 300, 'an answer record per question');
  for (const [k, a] of Object.entries(state.a)) assert.deepEqual(a, [1, 1], `question ${k}'s record`);
  assert.equal(first.set[api.status], 'passed');

  const resume = { ...first.cmi, core: { ...first.cmi.core, entry: 'resume' } };
  const second = await session('quiz-300', resume);
  assert.equal(second.set[api.status], 'passed', 'status after a relaunch with nothing done');
  assert.equal(second.set[api.scoreRaw], '100', 'score after a relaunch');
});

test('600 questions: answer records are given up too, and what is left fits', async (t) => {
  if (!h.ready(t)) return;
  const state = savedState(await session('quiz-600', null, answerAll));
  assert.ok(state, 'suspend_data is empty');
  assert.deepEqual(state.a, {}, 'answer records');
  assert.equal(state.v.length, 600, 'a view flag per block');
});

// Tests for the simulated LMS (static/cmi.js), run by TestCMIStore with
// node's built-in test runner: error codes per SCORM version and sessions
// that resume or start a new attempt.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const CMI = require(path.join(__dirname, '..', 'static', 'cmi.js'));

function open(format, storage) {
  const calls = [];
  const store = CMI.createStore({ format, storage: storage || CMI.memoryStorage(), key: 'k', onCall: (c) => calls.push(c) });
  return { store, api: store.api, calls };
}

// expect calls method with args and checks its result and the error code.
function expect(api, method, args, result, code) {
  const got = api[method](...args);
  const err = api.GetLastError ? api.GetLastError() : api.LMSGetLastError();
  assert.deepEqual([got, err], [result, String(code)], method + '(' + args.map((a) => JSON.stringify(a)).join(', ') + ')');
}

test('SCORM 1.2 data model and error codes', () => {
  const { api, calls } = open('scorm12');
  const rows = [
    ['LMSGetValue', ['cmi.core.student_name'], '', 301],
    ['LMSSetValue', ['cmi.core.lesson_status', 'completed'], 'false', 301],
    ['LMSFinish', [''], 'false', 301],
    ['LMSInitialize', ['x'], 'false', 201],
    ['LMSInitialize', [''], 'true', 0],
    ['LMSInitialize', [''], 'false', 101],
    ['LMSGetValue', ['cmi.core.student_name'], 'Preview Learner', 0],
    ['LMSGetValue', ['cmi.core.lesson_status'], 'not attempted', 0],
    ['LMSGetValue', ['cmi.core.entry'], 'ab-initio', 0],
    ['LMSGetValue', ['cmi.core.lesson_mode'], 'normal', 0],
    ['LMSGetValue', ['cmi.core.lesson_location'], '', 0],
    ['LMSGetValue', ['cmi._version'], '3.4', 0],
    ['LMSGetValue', ['cmi.core.score._children'], 'raw,min,max', 0],
    ['LMSGetValue', ['cmi.core.lesson_status._children'], '', 202],
    ['LMSGetValue', ['cmi.core._count'], '', 203],
    ['LMSGetValue', ['cmi.interactions._count'], '0', 0],
    ['LMSGetValue', ['cmi.core.exit'], '', 404],
    ['LMSGetValue', ['cmi.nonsense'], '', 401],
    ['LMSGetValue', [''], '', 201],
    ['LMSSetValue', ['cmi.core.student_name', 'X'], 'false', 403],
    ['LMSSetValue', ['cmi.core._children', 'x'], 'false', 402],
    ['LMSSetValue', ['cmi.core.lesson_status', 'not attempted'], 'false', 405],
    ['LMSSetValue', ['cmi.core.lesson_status', 'passed'], 'true', 0],
    ['LMSSetValue', ['cmi.core.score.raw', '101'], 'false', 405],
    ['LMSSetValue', ['cmi.core.score.raw', '80'], 'true', 0],
    ['LMSSetValue', ['cmi.core.session_time', 'PT1M'], 'false', 405],
    ['LMSSetValue', ['cmi.core.session_time', '0000:01:05.50'], 'true', 0],
    ['LMSSetValue', ['cmi.suspend_data', 'x'.repeat(4097)], 'false', 405],
    ['LMSSetValue', ['cmi.suspend_data', 'x'.repeat(4096)], 'true', 0],
    ['LMSSetValue', ['cmi.interactions.1.id', 'q2'], 'false', 201],
    ['LMSSetValue', ['cmi.interactions.0.id', 'q1'], 'true', 0],
    ['LMSSetValue', ['cmi.interactions.0.type', 'choice'], 'true', 0],
    ['LMSSetValue', ['cmi.interactions.0.result', 'incorrect'], 'false', 405],
    ['LMSSetValue', ['cmi.interactions.0.result', 'wrong'], 'true', 0],
    ['LMSSetValue', ['cmi.interactions.0.latency', '0000:00:07'], 'true', 0],
    ['LMSGetValue', ['cmi.interactions._count'], '1', 0],
    ['LMSGetValue', ['cmi.interactions.0.id'], '', 404],
    ['LMSGetValue', ['cmi.interactions.0.objectives._count'], '0', 0],
    ['LMSCommit', ['x'], 'false', 201],
    ['LMSCommit', [''], 'true', 0],
    ['LMSGetErrorString', ['403'], 'Element is read only', 0],
    ['LMSFinish', [''], 'true', 0],
    ['LMSGetValue', ['cmi.core.lesson_status'], '', 101],
    ['LMSCommit', [''], 'false', 101],
    ['LMSFinish', [''], 'false', 101],
    ['LMSInitialize', [''], 'false', 101],
  ];
  for (const [method, args, result, code] of rows) expect(api, method, args, result, code);
  assert.equal(calls.filter((c) => c.method !== 'LMSGetLastError').length, rows.length);
  assert.deepEqual(calls.find((c) => c.method === 'LMSSetValue').args, ['cmi.core.lesson_status', 'completed']);
});

test('SCORM 1.2 diagnostic explains the last error', () => {
  const { api } = open('scorm12');
  api.LMSInitialize('');
  api.LMSSetValue('cmi.core.student_id', 'x');
  assert.match(api.LMSGetDiagnostic(''), /cmi\.core\.student_id is read-only/);
  assert.equal(api.LMSGetDiagnostic('201'), 'Invalid argument error');
});

test('SCORM 2004 data model and error codes', () => {
  const { api } = open('scorm2004');
  const rows = [
    ['GetValue', ['cmi.learner_name'], '', 122],
    ['SetValue', ['cmi.location', 'b1'], 'false', 132],
    ['Commit', [''], 'false', 142],
    ['Terminate', [''], 'false', 112],
    ['Initialize', ['x'], 'false', 201],
    ['Initialize', [''], 'true', 0],
    ['Initialize', [''], 'false', 103],
    ['GetValue', ['cmi.learner_name'], 'Preview Learner', 0],
    ['GetValue', ['cmi.completion_status'], 'unknown', 0],
    ['GetValue', ['cmi.success_status'], 'unknown', 0],
    ['GetValue', ['cmi.entry'], 'ab-initio', 0],
    ['GetValue', ['cmi.mode'], 'normal', 0],
    ['GetValue', ['cmi.location'], '', 403],
    ['GetValue', ['cmi.suspend_data'], '', 403],
    ['GetValue', ['cmi.score.raw'], '', 403],
    ['GetValue', ['cmi.exit'], '', 405],
    ['GetValue', ['cmi.session_time'], '', 405],
    ['GetValue', ['cmi.nonsense'], '', 401],
    ['GetValue', ['cmi.comments_from_learner._count'], '', 402],
    ['GetValue', ['cmi.score._children'], 'scaled,raw,min,max', 0],
    ['GetValue', ['cmi.interactions.0.id'], '', 301],
    ['GetValue', [''], '', 301],
    ['SetValue', ['cmi.learner_name', 'X'], 'false', 404],
    ['SetValue', ['cmi.interactions._count', '3'], 'false', 404],
    ['SetValue', ['cmi.completion_status', 'done'], 'false', 406],
    ['SetValue', ['cmi.completion_status', 'completed'], 'true', 0],
    ['SetValue', ['cmi.success_status', 'passed'], 'true', 0],
    ['SetValue', ['cmi.score.scaled', '1.5'], 'false', 407],
    ['SetValue', ['cmi.score.scaled', 'high'], 'false', 406],
    ['SetValue', ['cmi.score.scaled', '0.8'], 'true', 0],
    ['SetValue', ['cmi.progress_measure', '-0.1'], 'false', 407],
    ['SetValue', ['cmi.session_time', '0000:01:00'], 'false', 406],
    ['SetValue', ['cmi.session_time', 'PT1M5.5S'], 'true', 0],
    ['SetValue', ['cmi.suspend_data', 'x'.repeat(64001)], 'false', 351],
    ['SetValue', ['cmi.suspend_data', 'x'.repeat(64000)], 'true', 0],
    ['SetValue', ['cmi.interactions.0.type', 'choice'], 'false', 408],
    ['SetValue', ['cmi.interactions.1.id', 'q2'], 'false', 351],
    ['SetValue', ['cmi.interactions.0.id', 'q1'], 'true', 0],
    ['SetValue', ['cmi.interactions.0.learner_response', 'a'], 'false', 408],
    ['SetValue', ['cmi.interactions.0.correct_responses.0.pattern', 'a'], 'false', 408],
    ['SetValue', ['cmi.interactions.0.type', 'true-false'], 'true', 0],
    ['SetValue', ['cmi.interactions.0.learner_response', 'maybe'], 'false', 406],
    ['SetValue', ['cmi.interactions.0.learner_response', 'true'], 'true', 0],
    ['SetValue', ['cmi.interactions.0.correct_responses.0.pattern', 'false'], 'true', 0],
    ['SetValue', ['cmi.interactions.0.result', 'wrong'], 'false', 406],
    ['SetValue', ['cmi.interactions.0.result', 'incorrect'], 'true', 0],
    ['SetValue', ['cmi.interactions.0.latency', 'PT7S'], 'true', 0],
    ['GetValue', ['cmi.interactions.0.learner_response'], 'true', 0],
    ['GetValue', ['cmi.interactions.0.correct_responses._count'], '1', 0],
    ['GetValue', ['cmi.interactions.0.description'], '', 403],
    ['SetValue', ['cmi.objectives.0.success_status', 'passed'], 'false', 408],
    ['SetValue', ['cmi.objectives.0.id', 'obj-1'], 'true', 0],
    ['GetValue', ['cmi.objectives.0.success_status'], 'unknown', 0],
    ['SetValue', ['adl.nav.request', 'exitAll'], 'true', 0],
    ['SetValue', ['adl.nav.request', 'fly'], 'false', 406],
    ['GetErrorString', ['408'], 'Data Model Dependency Not Established', 406], // leaves the last error alone
    ['Terminate', [''], 'true', 0],
    ['Terminate', [''], 'false', 113],
    ['GetValue', ['cmi.location'], '', 123],
    ['SetValue', ['cmi.location', 'b1'], 'false', 133],
    ['Commit', [''], 'false', 143],
    ['Initialize', [''], 'false', 104],
  ];
  for (const [method, args, result, code] of rows) expect(api, method, args, result, code);
});

test('API methods work detached and coerce arguments to strings', () => {
  const { api } = open('scorm12');
  const init = api.LMSInitialize;
  const set = api.LMSSetValue;
  assert.equal(init(), 'true');
  assert.equal(set('cmi.core.score.raw', 75), 'true');
  assert.equal(api.LMSGetValue('cmi.core.score.raw'), '75');
});

test('SCORM 1.2 resumes after exit "suspend" and adds up total time', () => {
  const storage = CMI.memoryStorage();
  const first = open('scorm12', storage);
  let api = first.api;
  api.LMSInitialize('');
  api.LMSSetValue('cmi.suspend_data', '{"a":1}');
  api.LMSSetValue('cmi.core.lesson_location', 'b3');
  api.LMSSetValue('cmi.core.exit', 'suspend');
  api.LMSSetValue('cmi.core.session_time', '0000:01:30');
  api.LMSFinish('');

  const state = first.store.relaunch();
  assert.equal(state.session, 2);
  api = first.api;
  expect(api, 'LMSInitialize', [''], 'true', 0);
  expect(api, 'LMSGetValue', ['cmi.core.entry'], 'resume', 0);
  expect(api, 'LMSGetValue', ['cmi.suspend_data'], '{"a":1}', 0);
  expect(api, 'LMSGetValue', ['cmi.core.lesson_location'], 'b3', 0);
  expect(api, 'LMSGetValue', ['cmi.core.total_time'], '0000:01:30', 0);
  api.LMSSetValue('cmi.core.session_time', '0000:00:30');
  api.LMSSetValue('cmi.core.lesson_status', 'completed');
  api.LMSFinish('');

  // A reload of the simulator page is a relaunch too; without "suspend"
  // SCORM 1.2 keeps the data but the entry is empty.
  const reloaded = open('scorm12', storage);
  assert.equal(reloaded.store.state().session, 3);
  expect(reloaded.api, 'LMSInitialize', [''], 'true', 0);
  expect(reloaded.api, 'LMSGetValue', ['cmi.core.entry'], '', 0);
  expect(reloaded.api, 'LMSGetValue', ['cmi.core.lesson_status'], 'completed', 0);
  expect(reloaded.api, 'LMSGetValue', ['cmi.core.total_time'], '0000:02:00', 0);
});

test('SCORM 2004 resumes after "suspend" and starts a new attempt after "normal"', () => {
  const { store, api } = open('scorm2004');
  api.Initialize('');
  api.SetValue('cmi.location', 'b2');
  api.SetValue('cmi.suspend_data', 'state');
  api.SetValue('cmi.exit', 'suspend');
  api.SetValue('cmi.session_time', 'PT1M');
  api.Terminate('');

  store.relaunch();
  expect(api, 'Initialize', [''], 'true', 0);
  expect(api, 'GetValue', ['cmi.entry'], 'resume', 0);
  expect(api, 'GetValue', ['cmi.location'], 'b2', 0);
  expect(api, 'GetValue', ['cmi.suspend_data'], 'state', 0);
  expect(api, 'GetValue', ['cmi.total_time'], 'PT0H1M0S', 0);
  expect(api, 'GetValue', ['adl.nav.request'], '_none_', 0);
  api.SetValue('cmi.completion_status', 'completed');
  api.SetValue('cmi.exit', 'normal');
  api.Terminate('');

  const state = store.relaunch();
  assert.equal(state.attempt, 2);
  expect(api, 'Initialize', [''], 'true', 0);
  expect(api, 'GetValue', ['cmi.entry'], 'ab-initio', 0);
  expect(api, 'GetValue', ['cmi.completion_status'], 'unknown', 0);
  expect(api, 'GetValue', ['cmi.suspend_data'], '', 403);
  expect(api, 'GetValue', ['cmi.total_time'], 'PT0H0M0S', 0);
});

test('relaunch drops what was never committed', () => {
  const { store, api } = open('scorm2004');
  api.Initialize('');
  api.SetValue('cmi.exit', 'suspend');
  api.Commit('');
  api.SetValue('cmi.location', 'uncommitted');
  store.relaunch(); // the package never terminated: the window was closed
  expect(api, 'Initialize', [''], 'true', 0);
  expect(api, 'GetValue', ['cmi.entry'], 'resume', 0);
  expect(api, 'GetValue', ['cmi.location'], '', 403);
});

test('a session that never initialized changes nothing', () => {
  const storage = CMI.memoryStorage();
  const { api } = open('scorm12', storage);
  api.LMSInitialize('');
  api.LMSSetValue('cmi.core.exit', 'suspend');
  api.LMSFinish('');
  open('scorm12', storage); // reloaded, package never called the API
  const again = open('scorm12', storage);
  assert.equal(again.store.state().session, 3);
  expect(again.api, 'LMSInitialize', [''], 'true', 0);
  expect(again.api, 'LMSGetValue', ['cmi.core.entry'], 'resume', 0);
});

test('reset starts over as a first launch', () => {
  const storage = CMI.memoryStorage();
  const { store, api } = open('scorm2004', storage);
  api.Initialize('');
  api.SetValue('cmi.location', 'b9');
  api.SetValue('cmi.exit', 'suspend');
  api.Terminate('');
  const state = store.reset();
  assert.deepEqual([state.session, state.attempt], [1, 1]);
  expect(api, 'Initialize', [''], 'true', 0);
  expect(api, 'GetValue', ['cmi.entry'], 'ab-initio', 0);
  expect(api, 'GetValue', ['cmi.location'], '', 403);
  assert.equal(open('scorm2004', storage).store.state().session, 2);
});

test('unreadable saved data is dropped', () => {
  const storage = CMI.memoryStorage();
  storage.setItem('k', '{not json');
  const { api } = open('scorm12', storage);
  expect(api, 'LMSInitialize', [''], 'true', 0);
  expect(api, 'LMSGetValue', ['cmi.core.entry'], 'ab-initio', 0);
});

test('time spans', () => {
  assert.equal(CMI.formatTimespan12(3723.5), '0001:02:03.50');
  assert.equal(CMI.formatTimespan12(59.999), '0000:01:00');
  assert.equal(CMI.formatTimespan12(120), '0000:02:00');
  assert.equal(CMI.parseTimespan12('0001:02:03.50'), 3723.5);
  assert.equal(CMI.parseDuration('PT1H2M3.5S'), 3723.5);
  assert.equal(CMI.formatDuration(3723.5), 'PT1H2M3.5S');
});

test('a commit the browser cannot store fails with the version\'s commit error', () => {
  for (const [format, commit, code] of [['scorm12', 'LMSCommit', 101], ['scorm2004', 'Commit', 391]]) {
    const storage = CMI.memoryStorage();
    const { api } = open(format, storage);
    api[format === 'scorm12' ? 'LMSInitialize' : 'Initialize']('');
    storage.setItem = () => { throw new Error('quota exceeded'); };
    expect(api, commit, [''], 'false', code);
  }
});

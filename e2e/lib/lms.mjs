// Launching a SCORM package in the test LMS (e2e/lms) and reading back what it
// told the LMS: every API call in order, the values the SCO set and the cmi
// snapshots taken after each commit and finish.
import { readFileSync } from 'node:fs';
import path from 'node:path';

// The two SCORM versions, with the names their API uses.
export const SCORM = {
  scorm12: {
    version: '1.2', host: 'scorm12.html', initialize: 'LMSInitialize', finish: 'LMSFinish',
    commit: 'LMSCommit', setValue: 'LMSSetValue', status: 'cmi.core.lesson_status',
    location: 'cmi.core.lesson_location', exit: 'cmi.core.exit', entry: 'cmi.core.entry',
    scoreRaw: 'cmi.core.score.raw', response: 'student_response', wrong: 'wrong', suspendLimit: 4096,
  },
  scorm2004: {
    version: '2004', host: 'scorm2004.html', initialize: 'Initialize', finish: 'Terminate',
    commit: 'Commit', setValue: 'SetValue', status: 'cmi.completion_status',
    location: 'cmi.location', exit: 'cmi.exit', entry: 'cmi.entry',
    scoreRaw: 'cmi.score.raw', response: 'learner_response', wrong: 'incorrect', suspendLimit: 64000,
  },
};

// launchHref reads the SCO's launch page from the package's imsmanifest.xml.
export function launchHref(dir) {
  const xml = readFileSync(path.join(dir, 'imsmanifest.xml'), 'utf8');
  for (const [tag] of xml.matchAll(/<resource\b[^>]*>/g)) {
    if (/scormtype\s*=\s*"sco"/i.test(tag)) {
      const href = /\bhref\s*=\s*"([^"]+)"/.exec(tag);
      if (href) return href[1];
    }
  }
  throw new Error(`${dir}/imsmanifest.xml has no SCO resource with an href`);
}

// Session is one launch of a SCO: the calls it made to the LMS.
export class Session {
  constructor(format, log) {
    this.format = format;
    this.api = SCORM[format];
    this.log = log;
  }

  // gaps lists the sequence numbers of calls whose report never arrived.
  gaps() {
    const seen = new Set(this.log.map((e) => e.seq));
    const missing = [];
    for (let seq = 0; seq < Math.max(0, ...seen); seq++) {
      if (!seen.has(seq)) missing.push(seq);
    }
    return missing;
  }

  calls(method) {
    return this.log.filter((e) => e.method === method);
  }

  // set returns the last value the SCO set successfully for element.
  set(element) {
    let value;
    for (const e of this.calls(this.api.setValue)) {
      if (e.args[0] === element && e.result === 'true') value = e.args[1];
    }
    return value;
  }

  // setCalls returns the successful SetValue calls whose element matches re.
  setCalls(re) {
    return this.calls(this.api.setValue).filter((e) => re.test(e.args[0]) && e.result === 'true');
  }

  // cmi is the snapshot after the last commit or finish.
  get cmi() {
    const withSnapshot = this.log.filter((e) => e.cmi);
    return withSnapshot.length ? withSnapshot[withSnapshot.length - 1].cmi : undefined;
  }

  // errors lists calls that changed state and failed, e.g. a SetValue the LMS
  // refused. (Reads of unset elements may fail by design and are left out.)
  errors() {
    const changing = new Set([this.api.initialize, this.api.finish, this.api.commit, this.api.setValue]);
    return this.log.filter((e) => changing.has(e.method) && (e.result !== 'true' || e.error !== '0'))
      .map((e) => `${e.method}(${e.args.map((a) => JSON.stringify(a)).join(', ')}) -> ${e.result}, error ${e.error}`);
  }

  // interactions returns the interactions in the last cmi snapshot.
  interactions() {
    const list = this.cmi?.interactions ?? {};
    const items = list.childArray ?? Object.values(list);
    return items.filter((i) => i && typeof i === 'object');
  }

  // resumeData is the cmi an LMS hands the next launch: the learner's data,
  // entry "resume" when this session ended with exit "suspend".
  resumeData() {
    const cmi = structuredClone(this.cmi);
    if (!cmi) throw new Error('the SCO never committed: there is nothing to resume');
    const suspended = this.set(this.api.exit) === 'suspend';
    if (this.format === 'scorm12') {
      cmi.core.entry = suspended ? 'resume' : '';
      cmi.core.exit = '';
      cmi.core.session_time = '';
    } else {
      cmi.entry = suspended ? 'resume' : '';
      cmi.exit = '';
      cmi.session_time = '';
    }
    return cmi;
  }
}

let sessions = 0;

// launchSCO opens the package mounted as name in the test LMS on page and
// waits for the SCO to initialize. cmi, when given, is an earlier session's
// resumeData(). It returns {session, frame}.
export async function launchSCO(page, server, { format, name, dir, cmi }) {
  const id = `s${++sessions}`;
  const session = new Session(format, server.lmsLog(id));
  if (cmi) {
    await page.addInitScript((data) => {
      if (window === window.top) window.__lmsInitialCMI = data;
    }, cmi);
  }
  const url = new URL(`/lms/${SCORM[format].host}`, server.origin);
  url.searchParams.set('pkg', name);
  url.searchParams.set('launch', launchHref(dir));
  url.searchParams.set('session', id);
  await page.goto(url.href);
  const frame = await (await page.waitForSelector('iframe#sco')).contentFrame();
  await frame.waitForLoadState('load');
  await waitFor(() => session.calls(session.api.initialize).length > 0, 5000,
    `the SCO did not call ${session.api.initialize} within 5 s of loading`);
  return { session, frame };
}

// leave navigates the page away from the LMS, as a learner closing the
// course does, and gives the SCO's pagehide handlers time to report.
export async function leave(page, server) {
  await page.goto(new URL('/bye', server.origin).href);
  await new Promise((resolve) => setTimeout(resolve, 200));
}

export async function waitFor(cond, ms, message) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/* cmi5 tracking for the Stacklet player (cmi5 Quartz). Shipped in cmi5
   packages only, before player.js, which calls window.stackletCMI5(D) and
   uses the result like its SCORM and web adapters. The launch URL says where
   the LRS is; the AU trades the fetch URL for a token once, reads
   LMS.LaunchData and reports in xAPI statements. The player's own state
   lives in an LRS state document, so a learner resumes on any device. */
(() => {
  'use strict';
  const VERB = 'http://adlnet.gov/expapi/verbs/';
  const W3 = 'https://w3id.org/xapi/cmi5/context/';
  const CMI5 = W3 + 'categories/cmi5';
  const MOVEON = W3 + 'categories/moveon';
  const MASTERY = W3 + 'extensions/masteryscore';
  const SUSPEND = 'stacklet.suspend';
  const dur = ms => 'PT' + Math.round(ms / 10) / 100 + 'S'; // ISO 8601, centiseconds
  const clone = o => JSON.parse(JSON.stringify(o || {}));

  function uuid() {
    const b = crypto.getRandomValues(new Uint8Array(16)); // randomUUID needs a secure context
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    const h = Array.from(b, x => x.toString(16).padStart(2, '0')).join('');
    return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join('-');
  }

  window.stackletCMI5 = D => {
    const q = new URLSearchParams(location.search);
    const L = {};
    ['endpoint', 'fetch', 'actor', 'registration', 'activityId'].forEach(k => { L[k] = q.get(k) || ''; });
    let actor = null;
    try { actor = JSON.parse(L.actor); } catch (e) { /* launched without cmi5 parameters */ }
    const base = L.endpoint.replace(/\/?$/, '/');
    let token = '';
    let launch = {}; // LMS.LaunchData
    let normal = false; // launchMode Normal: the only mode that may judge or record
    let t0 = 0;
    let doc = {}; // our state document: d = player state, l = bookmark, c/p = completed/passed sent
    let dirty = false;
    let verdict = false; // passed or failed sent this session
    let last = null; // the latest report, judged once more at the end
    let queue = []; // statements not posted yet
    let inflight = null; // the one statements POST under way
    let sending = []; // its statements
    let leaving = false;
    let ended = false;
    addEventListener('pagehide', () => { leaving = true; if (ended) flush(); });

    const xapi = (method, path, params, body) => fetch(base + path + (params ? '?' + new URLSearchParams(params) : ''), {
      method,
      keepalive: method !== 'GET', // a report made as the page goes must still arrive
      headers: { Authorization: 'Basic ' + token, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const state = stateId => ({ stateId, activityId: L.activityId, agent: L.actor, registration: L.registration });

    // getDoc returns a document, or null when the LRS has none (404).
    async function getDoc(path, params) {
      const r = await xapi('GET', path, params);
      if (r.status === 404) return null;
      if (!r.ok) throw new Error(path + ': HTTP ' + r.status);
      return r.json();
    }

    // The fetch URL answers once: a second POST, or a GET, gets an error code.
    async function authorize() {
      const r = await fetch(L.fetch, { method: 'POST' });
      const j = await r.json();
      if (!j['auth-token']) throw new Error('cmi5 fetch refused: ' + (j['error-code'] || r.status) + ' ' + (j['error-text'] || ''));
      token = j['auth-token'];
    }

    async function begin() {
      await authorize();
      const [ld, , saved] = await Promise.all([
        getDoc('activities/state', state('LMS.LaunchData')),
        getDoc('agents/profile', { agent: L.actor, profileId: 'cmi5LearnerPreferences' }).catch(() => null), // read as required; one language per package
        getDoc('activities/state', state(SUSPEND)).catch(() => null)
      ]);
      if (!ld) throw new Error('the LRS has no LMS.LaunchData');
      launch = ld;
      normal = (ld.launchMode || 'Normal') === 'Normal';
      if (typeof ld.masteryScore === 'number') mastery(ld.masteryScore);
      doc = saved && typeof saved === 'object' ? saved : {};
      t0 = Date.now();
      send(statement('initialized', undefined, true));
      return true;
    }

    // mastery makes the LMS's mastery score (0-1) the player's (percent),
    // also in the page's "passing score" line.
    function mastery(ms) {
      const old = D.mastery;
      D.mastery = Math.round(ms * 10000) / 100;
      const el = document.querySelector('.passing');
      if (el && old !== D.mastery) el.textContent = el.textContent.replace(String(old), String(D.mastery));
    }

    // statement builds on the LMS's context template (session id, publisher
    // id); cmi5-defined statements carry the cmi5 category, moveOn ones the
    // moveon category too, other statements neither.
    function statement(verb, result, cmi5, moveon, object) {
      const context = clone(launch.contextTemplate);
      context.registration = L.registration;
      const ca = context.contextActivities = context.contextActivities || {};
      const cats = (ca.category || []).filter(c => c.id !== CMI5 && c.id !== MOVEON);
      if (cmi5) cats.push({ id: CMI5 });
      if (moveon) cats.push({ id: MOVEON });
      if (cats.length) ca.category = cats;
      else delete ca.category;
      const s = {
        id: uuid(), timestamp: new Date().toISOString(), actor,
        verb: { id: VERB + verb, display: { 'en-US': verb } },
        object: object || { id: L.activityId, objectType: 'Activity' }, context
      };
      if (result) s.result = result;
      return s;
    }

    // send queues s. Statements go one POST at a time, each after the LRS
    // took the one before, so they are stored in order; after end, what is
    // left goes in end's final POST.
    function send(s) {
      queue.push(s);
      if (!ended) pump();
    }

    function pump() {
      if (queue.length && !inflight) post(queue);
      return inflight;
    }

    // post sends batch; a failed one goes back to the head of the queue,
    // retried with the next report.
    function post(batch) {
      queue = [];
      sending = batch;
      const p = xapi('POST', 'statements', null, batch)
        .then(r => r.ok, () => false)
        .then(ok => {
          if (inflight !== p) return; // flush sent it again
          inflight = null;
          if (!ok) queue = batch.concat(queue);
          else pump();
        });
      return (inflight = p);
    }

    // flush: the page is going and cannot wait for the answer to the POST
    // under way. Its statements go again, ahead of the rest, in one request:
    // whichever of the two the LRS stores first, the order holds, and it keeps
    // one copy of a statement sent twice with the same id and content (xAPI
    // 1.0.3 Statement Resource: 204 or 409, never a change).
    function flush() {
      if (inflight && queue.length) post(sending.concat(queue));
      return pump();
    }

    // drained settles once the LRS took everything queued, or a POST failed.
    async function drained() {
      while (inflight) await inflight;
    }

    function judge(r, sessionEnd) {
      if (!normal || verdict || doc.p || !r.success || !(r.final || sessionEnd)) return;
      verdict = true;
      const ok = r.success === 'passed';
      if (ok) {
        doc.p = 1; // at most one passed per registration
        dirty = true;
      }
      const s = statement(r.success, {
        success: ok, duration: dur(Date.now() - t0),
        score: { scaled: r.score / 100, raw: r.score, min: 0, max: 100 }
      }, true, true);
      s.context.extensions = Object.assign(s.context.extensions || {}, { [MASTERY]: D.mastery / 100 });
      send(s);
    }

    function commit() {
      if (!dirty || !normal) return null;
      dirty = false;
      return xapi('PUT', 'activities/state', state(SUSPEND), doc)
        .then(r => { if (!r.ok) dirty = true; }, () => { dirty = true; });
    }

    const A = {
      lms: true,
      max: 64000,
      start() {
        if (!L.endpoint || !L.fetch || !actor || !L.registration || !L.activityId) return false;
        A.ready = begin().catch(e => { console.warn('Stacklet cmi5:', e.message); return false; });
        return true;
      },
      load: () => ({ data: doc.d || '', loc: doc.l || '' }),
      save(d, l) {
        if (doc.d === d && doc.l === l) return;
        doc.d = d;
        doc.l = l;
        dirty = true;
      },
      // r: {complete, viewed, success: 'passed'|'failed'|'', score, final}.
      // cmi5's completed means "all material experienced": every block viewed.
      report(r) {
        last = r;
        if (normal && r.viewed && !doc.c) {
          doc.c = 1; // at most one completed per registration
          dirty = true;
          send(statement('completed', { completion: true, duration: dur(Date.now() - t0) }, true, true));
        }
        judge(r, false);
      },
      // An answer is a "cmi5 allowed" statement about the question itself.
      interaction(x) {
        if (!normal) return;
        const s = statement('answered', { success: x.ok, response: x.resp, duration: dur(x.ms) }, false, false, {
          id: L.activityId + '/interactions/' + encodeURIComponent(x.id), objectType: 'Activity',
          definition: {
            type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: x.type,
            description: { [D.lang]: x.desc }, correctResponsesPattern: x.pattern
          }
        });
        s.context.contextActivities.parent = [{ id: L.activityId, objectType: 'Activity' }];
        send(s);
      },
      commit,
      // end judges an unfinished verdict (every question answered, retries
      // left unused), saves and sends terminated exactly once.
      end() {
        if (ended || !t0) return; // never terminated before initialized
        ended = true; // from here send only queues: terminated must go last
        if (last) judge(last, true);
        const saved = commit();
        send(statement('terminated', { duration: dur(Date.now() - t0) }, true));
        if (leaving) flush();
        else pump();
        if (launch.returnURL && !leaving) {
          const back = () => location.assign(launch.returnURL);
          Promise.all([saved, drained()]).then(back, back);
        }
      }
    };
    return A;
  };
})();

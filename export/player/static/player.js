/* Stacklet learner player. Reads the page's JSON data, runs the interactive
   blocks and questions, and tracks progress through SCORM 1.2, SCORM 2004
   4th edition or the browser's storage. No framework, no build step. */
(() => {
  'use strict';
  const doc = document;
  const $ = (s, el = doc) => el.querySelector(s);
  const $$ = (s, el = doc) => Array.from(el.querySelectorAll(s));
  const D = JSON.parse($('#stacklet-data').textContent);
  const S = D.s;
  const fill = (t, v) => t.replace(/\{(\w+)\}/g, (m, k) => (k in v ? v[k] : m));
  const add = (parent, tag, cls, text) => {
    const el = doc.createElement(tag);
    if (cls) el.className = cls;
    el.textContent = text;
    parent.append(el);
    return el;
  };
  const setText = (el, t) => { if (el && el.textContent !== t) el.textContent = t; };
  const calm = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const started = Date.now();

  /* ---------- Tracking adapters: start, load, save, report, interaction, commit, end ---------- */

  // API discovery as in ADL's sample: up the parent frames (7 levels at most),
  // then the opener and its parents.
  function findAPI(name) {
    const walk = w => {
      for (let n = 0; w && n <= 7; n++) {
        try { if (w[name]) return w[name]; } catch (e) { /* cross-origin frame */ }
        if (w.parent === w) break;
        w = w.parent;
      }
      return null;
    };
    let api = walk(window);
    try { if (!api && window.opener) api = walk(window.opener); } catch (e) { /* closed opener */ }
    return api;
  }

  const pad = (n, w) => String(n).padStart(w, '0');
  // SCORM 1.2 CMITimespan HHHH:MM:SS.SS
  function span12(ms) {
    let cs = Math.round(ms / 10);
    const h = Math.min(9999, Math.floor(cs / 360000));
    cs %= 360000;
    return pad(h, 4) + ':' + pad(Math.floor(cs / 6000), 2) + ':' + pad(Math.floor(cs % 6000 / 100), 2) + '.' + pad(cs % 100, 2);
  }
  // SCORM 2004 timeinterval, ISO 8601: PT#H#M#S
  function span04(ms) {
    let cs = Math.round(ms / 10);
    const h = Math.floor(cs / 360000);
    cs %= 360000;
    return 'PT' + h + 'H' + Math.floor(cs / 6000) + 'M' + (cs % 6000) / 100 + 'S';
  }

  function lms(api, v12) {
    const M = v12
      ? ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit']
      : ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit'];
    const call = (m, ...a) => { try { return String(api[M[m]](...a)); } catch (e) { return ''; } };
    const get = k => call(2, k);
    const set = (k, v) => call(3, k, String(v));
    const last = {};
    const put = (k, v) => { v = String(v); if (last[k] !== v) { last[k] = v; set(k, v); } };
    const K = v12
      ? { loc: 'cmi.core.lesson_location', exit: 'cmi.core.exit', time: 'cmi.core.session_time', score: 'cmi.core.score.' }
      : { loc: 'cmi.location', exit: 'cmi.exit', time: 'cmi.session_time', score: 'cmi.score.' };
    let n = 0; // next interaction index
    let wasDone = false; // never take back a completion the LMS already has
    return {
      lms: true,
      v12,
      max: v12 ? 4096 : 64000,
      start() {
        if (call(0, '') !== 'true') return false;
        n = parseInt(get('cmi.interactions._count'), 10) || 0;
        const status = v12 ? 'cmi.core.lesson_status' : 'cmi.completion_status';
        const now = get(status);
        if (['', 'not attempted', 'unknown'].includes(now)) set(status, last[status] = 'incomplete');
        wasDone = ['completed', 'passed'].includes(now);
        return true;
      },
      load: () => ({ data: get('cmi.suspend_data'), loc: get(K.loc) }),
      save(data, loc) {
        put('cmi.suspend_data', data);
        if (loc) put(K.loc, loc);
      },
      // r: {complete, success: 'passed'|'failed'|'', score: 0-100 or null, final}
      report(r) {
        if (r.score != null) {
          put(K.score + 'min', 0);
          put(K.score + 'max', 100);
          put(K.score + 'raw', r.score);
          if (!v12) put('cmi.score.scaled', r.score / 100);
        }
        if (v12) {
          const ls = r.complete ? r.success || 'completed' : r.success === 'failed' && r.final ? 'failed' : 'incomplete';
          if (!(wasDone && ls === 'incomplete')) put('cmi.core.lesson_status', ls);
        } else {
          if (r.complete || !wasDone) put('cmi.completion_status', r.complete ? 'completed' : 'incomplete');
          if (r.success) put('cmi.success_status', r.success);
        }
      },
      // x: {id, type, desc, weight, pattern: [], resp, ok, ms}; the id and type
      // go first because the other elements depend on them.
      interaction(x) {
        const p = 'cmi.interactions.' + n++ + '.';
        set(p + 'id', x.id);
        set(p + 'type', x.type);
        if (!v12 && x.desc) set(p + 'description', x.desc.slice(0, 250));
        set(p + 'weighting', x.weight);
        x.pattern.forEach((pt, i) => set(p + 'correct_responses.' + i + '.pattern', pt));
        set(p + (v12 ? 'student_response' : 'learner_response'), x.resp);
        set(p + 'result', x.ok ? 'correct' : v12 ? 'wrong' : 'incorrect');
        set(p + 'latency', v12 ? span12(x.ms) : span04(x.ms));
      },
      commit: () => call(4, ''),
      end(done, ms) {
        set(K.exit, done ? (v12 ? '' : 'normal') : 'suspend');
        set(K.time, v12 ? span12(ms) : span04(ms));
        call(4, '');
        call(1, '');
      }
    };
  }

  function web() {
    // The project key keeps apart two projects' modules that share an id on
    // one web origin.
    const key = 'stacklet:' + D.project + ':' + D.module + ':' + D.lang;
    let store = null;
    try { store = window.localStorage; } catch (e) { /* storage blocked */ }
    const none = () => {};
    return {
      lms: false,
      max: 64000,
      start: () => true,
      load() {
        try {
          const s = JSON.parse(store.getItem(key)) || {};
          return { data: s.d || '', loc: s.l || '' };
        } catch (e) { return { data: '', loc: '' }; }
      },
      save(d, l) { try { store.setItem(key, JSON.stringify({ d, l })); } catch (e) { /* full or blocked */ } },
      report: none, interaction: none, commit: none, end: none
    };
  }

  let T = null;
  let noLMS = false;
  if (D.format === 'cmi5') {
    T = window.stackletCMI5 ? window.stackletCMI5(D) : null; // cmi5.js: xAPI to the LMS's LRS
    if (!T || !T.start()) { T = null; noLMS = true; }
  } else if (D.format !== 'web') {
    const api = findAPI(D.format === 'scorm12' ? 'API' : 'API_1484_11');
    if (api) T = lms(api, D.format === 'scorm12');
    if (!T || !T.start()) { T = null; noLMS = true; }
  }
  if (!T) T = web();

  /* ---------- State ---------- */

  const main = $('main');
  const blocks = $$('section.block');
  const at = {};
  blocks.forEach((b, i) => { at[b.dataset.blockId] = i; });
  const kind = i => blocks[i].dataset.kind;
  const qOf = i => D.questions[blocks[i].dataset.blockId];
  const PARTS = { accordion: '.acc-item', tabs: '[role=tab]', flashcards: '.flashcard', process: '.step' };
  const interactive = i => kind(i) in PARTS || kind(i) === 'gate' || !!qOf(i);
  // v: viewed flags; g: opened gates; o: bits per part (panels opened, cards
  // flipped, checklist ticks); a: answers as [attempts, correct, response].
  const st = { v: [], g: [], o: {}, a: {} };
  let complete = false;
  let ended = false;

  const bit = (i, k) => (st.o[i] || '')[k] === '1';
  function setBit(i, k, on = true) {
    const s = (st.o[i] || '').padEnd(k + 1, '0');
    st.o[i] = s.slice(0, k) + (on ? '1' : '0') + s.slice(k + 1);
  }

  function isDone(i) {
    if (qOf(i)) return !!st.a[i];
    if (kind(i) === 'gate') return st.g.includes(i);
    if (kind(i) in PARTS) {
      const n = $$(PARTS[kind(i)], blocks[i]).length;
      for (let k = 0; k < n; k++) if (!bit(i, k)) return false;
    }
    return true;
  }

  // progress re-checks block i after an interaction.
  function progress(i, commit) {
    if (isDone(i)) {
      st.v[i] = 1;
      blocks[i].classList.remove('is-todo');
    }
    changed(commit);
  }

  function seen(i) {
    if (blocks[i].hidden) return;
    if (kind(i) === 'tabs' || kind(i) === 'process') {
      if (!bit(i, 0)) { setBit(i, 0); progress(i); }
      return;
    }
    if (!interactive(i) && !st.v[i]) { st.v[i] = 1; changed(); }
  }

  let pending = false;
  let wantCommit = false;
  function changed(commit) {
    if (ended) return;
    wantCommit = wantCommit || !!commit;
    if (pending) return;
    pending = true;
    Promise.resolve().then(() => {
      pending = false;
      evaluate();
      save();
      if (wantCommit && !ended) T.commit();
      wantCommit = false;
    });
  }

  function grade() {
    let total = 0, got = 0, n = 0, answered = 0, final = true;
    blocks.forEach((b, i) => {
      const q = qOf(i);
      if (!q || !q.graded) return;
      const a = st.a[i];
      n++;
      total += q.weight;
      if (!a) { final = false; return; }
      answered++;
      if (a[1]) got += q.weight;
      else if (!D.attempts || a[0] < D.attempts) final = false;
    });
    return { n, answered, all: n > 0 && answered === n, score: total ? Math.round(got / total * 100) : 0, final };
  }

  const results = $('[data-role=results]');
  function evaluate() {
    const g = grade();
    const viewed = blocks.filter((b, i) => st.v[i]).length;
    const pass = g.all && g.score >= D.mastery;
    const all = viewed === blocks.length;
    complete = D.completion === 'viewed' ? all : D.completion === 'passed' ? pass : all && pass;
    T.report({ complete, viewed: all, success: g.all ? (pass ? 'passed' : 'failed') : '', score: g.all ? g.score : null, final: g.final });

    const pct = Math.round(viewed / blocks.length * 100);
    const bar = $('[role=progressbar]');
    bar.setAttribute('aria-valuenow', pct);
    $('[data-role=progress]').style.transform = 'scaleX(' + pct / 100 + ')';

    setText($('[data-role=status]', results), complete ? S.complete : S.incomplete);
    results.classList.toggle('is-complete', complete);
    const score = $('[data-role=score]', results);
    const verdict = $('[data-role=verdict]', results);
    if (!score) return;
    score.hidden = !g.all;
    verdict.hidden = false;
    if (g.all) setText(score, fill(S.score, { n: g.score }));
    setText(verdict, g.all ? (pass ? S.passed : S.notPassed) : fill(S.answered, { n: g.answered }));
    verdict.className = 'verdict' + (g.all ? (pass ? ' is-ok' : ' is-no') : '');
  }

  function furthest() {
    for (let i = blocks.length - 1; i >= 0; i--) if (st.v[i]) return blocks[i].dataset.blockId;
    return '';
  }

  // Over the LMS's limit, save() gives these up in turn: responses, then
  // checklist ticks, then attempts and results; views and gates stay, so the
  // learner comes back to where they were. Data still too long is not sent:
  // the LMS would refuse it, and the bookmark alone still works.
  const shrinks = [
    o => { o.a = Object.fromEntries(Object.entries(o.a).map(([k, a]) => [k, a.slice(0, 2)])); },
    o => { o.o = {}; },
    o => { o.a = {}; }
  ];

  function save() {
    const o = { v: blocks.map((b, i) => (st.v[i] ? 1 : 0)).join(''), g: st.g, o: st.o, a: st.a };
    let s = JSON.stringify(o);
    for (const shrink of shrinks) {
      if (s.length <= T.max) break;
      shrink(o);
      s = JSON.stringify(o);
    }
    T.save(s.length <= T.max ? s : '', furthest());
  }

  function end() {
    if (ended) return;
    evaluate();
    save();
    ended = true;
    T.end(complete, Date.now() - started);
  }

  /* ---------- Gates ---------- */

  // reveal shows every block up to the first gate not yet opened.
  function reveal() {
    let open = true;
    blocks.forEach((b, i) => {
      b.hidden = !open;
      if (kind(i) === 'gate') {
        const passed = st.g.includes(i);
        b.classList.toggle('is-open', passed);
        $('[data-action=continue]', b).hidden = passed;
        if (!passed) open = false;
      }
    });
    results.hidden = !open;
  }

  function focusBlock(el) {
    if (!el) return;
    el.setAttribute('tabindex', '-1');
    el.focus({ preventScroll: true });
    el.scrollIntoView({ behavior: calm ? 'auto' : 'smooth', block: 'start' });
  }

  function openGate(i) {
    const todo = blocks.slice(0, i).filter((b, j) => !isDone(j));
    if (todo.length) {
      // Say so at the gate and outline what is left, without moving the learner.
      todo.forEach(b => b.classList.add('is-todo'));
      setText($('[data-role=hint]', blocks[i]), S.gateLocked);
      return;
    }
    st.g.push(i);
    st.v[i] = 1;
    setText($('[data-role=hint]', blocks[i]), '');
    reveal();
    focusBlock(blocks[i + 1] || results);
    changed(true);
  }

  /* ---------- Questions ---------- */

  const CH = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const Q = {}; // controllers by block index

  function question(i) {
    const sec = blocks[i];
    const q = qOf(i);
    const form = $('form.question', sec);
    const box = $('fieldset', form);
    const fb = $('[data-role=feedback]', form);
    const checkB = $('[data-action=check]', form);
    const retryB = $('[data-action=retry]', form);
    const list = $('.order', form);
    const ids = q.ids || q.key;
    let since = Date.now();
    let looked = false;
    let answering = true;

    const norm = s => {
      s = String(s).trim().replace(/\s+/g, ' ');
      return q.cs ? s : s.toLowerCase();
    };
    const choice = {
      read: () => {
        const r = $$('input', box).filter(x => x.checked).map(x => ids.indexOf(x.value));
        return r.length ? r : null;
      },
      set: r => $$('input', box).forEach(x => { x.checked = r.includes(ids.indexOf(x.value)); }),
      ok: r => r.length === q.key.length && r.every(j => q.key.includes(ids[j])),
      key: () => $$('input', box).filter(x => q.key.includes(x.value))
    };
    const R = {
      'single-choice': choice,
      'multiple-response': choice,
      'true-false': {
        read: () => { const x = $('input:checked', box); return x ? +(x.value === 'true') : null; },
        set: r => $$('input', box).forEach(x => { x.checked = x.value === String(!!r); }),
        ok: r => !!r === q.key,
        key: () => $$('input', box).filter(x => x.value === String(q.key))
      },
      'fill-blank': {
        read: () => { const v = $('input', box).value.trim(); return v ? v.slice(0, 250) : null; },
        set: r => { $('input', box).value = r; },
        ok: r => q.key.some(a => norm(a) === norm(r)),
        key: () => { add(fb, 'p', 'fb-key', fill(S.correctAnswerIs, { a: q.key[0] })); return []; }
      },
      matching: {
        read: () => {
          const r = $$('select', box).map(s => ids.indexOf(s.value));
          return r.includes(-1) ? null : r;
        },
        set: r => $$('select', box).forEach((s, j) => { s.value = ids[r[j]] || ''; }),
        ok: r => r.every((v, j) => ids[v] === q.key[ids[j]]),
        key: () => $$('select', box).map(s => { s.value = q.key[s.dataset.left]; return s; })
      },
      ordering: {
        read: () => $$('li', list).map(li => q.key.indexOf(li.dataset.item)),
        set: r => r.forEach(j => { const li = $('[data-item="' + q.key[j] + '"]', list); if (li) list.append(li); }),
        ok: r => r.every((v, j) => v === j),
        key: () => q.key.map(id => { const li = $('[data-item="' + id + '"]', list); list.append(li); return li; })
      }
    }[q.kind];

    function lock(on) {
      $$('input, select, button', box).forEach(x => { x.disabled = on; });
      if (!on && list) orderButtons(list);
    }

    function marks(clear) {
      $$('.choice, .pair, .order li', box).forEach(el => {
        el.classList.remove('is-right', 'is-wrong', 'is-key');
        $$('.tag', el).forEach(t => t.remove());
      });
      if (clear) return;
      $$('.choice input:checked', box).forEach(x => {
        x.closest('.choice').classList.add(q.key === true || q.key === false
          ? (x.value === String(q.key) ? 'is-right' : 'is-wrong')
          : (q.key.includes(x.value) ? 'is-right' : 'is-wrong'));
      });
      $$('select', box).forEach(s => s.closest('.pair').classList.add(s.value === q.key[s.dataset.left] ? 'is-right' : 'is-wrong'));
    }

    // show renders the state of answer record a = [attempts, correct, response].
    function show(a, focus) {
      const [n, ok, r] = a;
      const final = ok || (D.attempts && n >= D.attempts);
      answering = false;
      if (r != null) R.set(r);
      fb.textContent = '';
      fb.className = 'feedback ' + (ok ? 'is-ok' : 'is-no');
      add(fb, 'p', 'fb-title', ok ? S.correct : S.incorrect);
      const text = ok ? q.fc : q.fi;
      if (text) add(fb, 'p', '', text);
      if (q.fb && Array.isArray(r)) r.forEach(j => { if (q.fb[ids[j]]) add(fb, 'p', 'fb-choice', q.fb[ids[j]]); });
      marks(false);
      if (!final && D.attempts) add(fb, 'p', 'fb-left', S.attemptsLeft[D.attempts - n]);
      if (final && !ok && D.reveal) {
        R.key().forEach(el => {
          const host = el.closest('.choice, .pair, li');
          host.classList.add('is-key');
          if (host.matches('.choice')) add(host, 'span', 'tag', S.correctAnswer);
        });
        add(fb, 'p', 'fb-reveal', S.answerShown);
      }
      lock(true);
      checkB.hidden = true;
      retryB.hidden = final;
      setText($('[data-role=attempt]', form), '');
      if (focus) (final ? fb : retryB).focus();
    }

    function scorm(r, ok) {
      const v12 = T.v12;
      const sep = v12 ? ',' : '[,]';
      const tok = j => (v12 && j < CH.length ? CH[j] : ids[j]);
      const clean = s => String(s).replace(/\[[,.]\]/g, ' ').slice(0, 250);
      const x = { id: blocks[i].dataset.blockId, desc: q.prompt, weight: q.graded ? q.weight : 0, ok, ms: Date.now() - since };
      switch (q.kind) {
        case 'true-false':
          x.type = 'true-false';
          x.resp = v12 ? (r ? 't' : 'f') : String(!!r);
          x.pattern = [v12 ? (q.key ? 't' : 'f') : String(q.key)];
          break;
        case 'fill-blank':
          x.type = 'fill-in';
          x.resp = clean(r);
          x.pattern = q.key.slice(0, 10).map(a => (v12 ? '' : '{case_matters=' + !!q.cs + '}') + clean(a));
          break;
        case 'matching': {
          const dot = v12 ? '.' : '[.]';
          x.type = 'matching';
          x.resp = r.map((v, j) => tok(j) + dot + tok(v)).join(sep);
          x.pattern = [ids.map((id, j) => tok(j) + dot + tok(ids.indexOf(q.key[id]))).join(sep)];
          break;
        }
        case 'ordering':
          x.type = 'sequencing';
          x.resp = r.map(tok).join(sep);
          x.pattern = [q.key.map((id, j) => tok(j)).join(sep)];
          break;
        default:
          x.type = 'choice';
          x.resp = r.map(tok).join(sep);
          x.pattern = [q.key.map(id => tok(ids.indexOf(id))).join(sep)];
      }
      return x;
    }

    function attemptLabel() {
      const n = st.a[i] ? st.a[i][0] : 0;
      setText($('[data-role=attempt]', form), D.attempts ? fill(S.attemptOf, { n: n + 1 }) : '');
    }

    form.addEventListener('submit', e => {
      e.preventDefault();
      if (!answering) return;
      const r = R.read();
      if (r == null) {
        fb.className = 'feedback is-hint';
        fb.textContent = S.answerFirst;
        return;
      }
      const ok = R.ok(r);
      const prev = st.a[i];
      st.a[i] = [(prev ? prev[0] : 0) + 1, ok ? 1 : 0, r];
      show(st.a[i], true);
      if (!ended) T.interaction(scorm(r, ok));
      progress(i, true);
    });

    Q[i] = {
      retry() {
        answering = true;
        since = Date.now();
        marks(true);
        fb.textContent = '';
        fb.className = 'feedback';
        lock(false);
        checkB.hidden = false;
        retryB.hidden = true;
        attemptLabel();
        const first = $('input, select, button', box);
        if (first) first.focus();
      },
      restore: a => show(a, false),
      seen() {
        if (!looked) since = Date.now(); // latency counts from first sight
        looked = true;
      }
    };
    attemptLabel();
  }

  function orderButtons(list) {
    const items = $$('li', list);
    items.forEach((li, j) => {
      $('[data-action=up]', li).disabled = j === 0;
      $('[data-action=down]', li).disabled = j === items.length - 1;
    });
  }

  function move(b, up) {
    const li = b.closest('li');
    const list = li.parentNode;
    const other = up ? li.previousElementSibling : li.nextElementSibling;
    if (!other) return;
    list.insertBefore(up ? li : other, up ? other : li);
    orderButtons(list);
    const items = $$('li', list);
    if (b.disabled) $('[data-action=' + (up ? 'down' : 'up') + ']', li).focus();
    else b.focus();
    setText($('[data-role=announce]', list.parentNode), fill(S.moved,
      { item: $('.item-text', li).textContent, n: items.indexOf(li) + 1, t: items.length }));
  }

  /* ---------- Interactive blocks ---------- */

  function selectTab(i, tab, focus) {
    const tabs = $$('[role=tab]', blocks[i]);
    tabs.forEach((t, k) => {
      const on = t === tab;
      t.setAttribute('aria-selected', on);
      t.tabIndex = on ? 0 : -1;
      $('#' + t.getAttribute('aria-controls')).hidden = !on;
      if (on) setBit(i, k);
    });
    if (focus) tab.focus();
    progress(i);
  }

  function step(i, by) {
    const steps = $$('.step', blocks[i]);
    const cur = steps.findIndex(s => !s.hidden);
    const j = Math.max(0, Math.min(steps.length - 1, cur + by));
    steps.forEach((s, k) => { s.hidden = k !== j; });
    $$('.dot', blocks[i]).forEach((d, k) => d.classList.toggle('on', k <= j));
    const prev = $('[data-action=prev]', blocks[i]);
    const next = $('[data-action=next]', blocks[i]);
    prev.disabled = j === 0;
    next.disabled = j === steps.length - 1;
    if (document.activeElement && document.activeElement.disabled) (next.disabled ? prev : next).focus();
    setBit(i, j);
    progress(i);
  }

  const notice = $('[data-role=notice]');
  function tell(text) {
    setText($('p', notice), text);
    notice.hidden = false;
  }

  const actions = {
    toggle(b, i) {
      const open = b.getAttribute('aria-expanded') !== 'true';
      b.setAttribute('aria-expanded', open);
      $('#' + b.getAttribute('aria-controls')).hidden = !open;
      if (open) {
        setBit(i, $$('[data-action=toggle]', blocks[i]).indexOf(b));
        progress(i);
      }
    },
    flip(b, i) {
      const on = b.getAttribute('aria-pressed') !== 'true';
      b.setAttribute('aria-pressed', on);
      $('.front', b).hidden = on;
      $('.back', b).hidden = !on;
      if (!calm) {
        b.classList.remove('flipping');
        void b.offsetWidth; // restart the animation
        b.classList.add('flipping');
      }
      setBit(i, $$('.flashcard', blocks[i]).indexOf(b));
      progress(i);
    },
    prev: (b, i) => step(i, -1),
    next: (b, i) => step(i, 1),
    up: b => move(b, true),
    down: b => move(b, false),
    retry: (b, i) => Q[i].retry(),
    continue: (b, i) => openGate(i),
    dismiss: () => { notice.hidden = true; },
    finish(b) {
      end();
      b.disabled = true;
      const done = $('[data-role=finished]', results);
      done.hidden = false;
      done.focus();
    }
  };

  main.addEventListener('click', e => {
    const tab = e.target.closest('[role=tab]');
    const b = e.target.closest('button[data-action]');
    const sec = e.target.closest('section.block');
    const i = sec ? at[sec.dataset.blockId] : -1;
    if (tab) selectTab(i, tab, false);
    else if (b && actions[b.dataset.action] && !b.disabled) actions[b.dataset.action](b, i);
  });

  main.addEventListener('keydown', e => {
    const tab = e.target.closest('[role=tab]');
    if (!tab) return;
    const tabs = $$('[role=tab]', tab.parentNode);
    const k = tabs.indexOf(tab);
    const rtl = getComputedStyle(tab).direction === 'rtl';
    const dir = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[e.key];
    let to = -1;
    if (dir) to = (k + dir + tabs.length) % tabs.length;
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = tabs.length - 1;
    if (to < 0) return;
    e.preventDefault();
    selectTab(at[tab.closest('section.block').dataset.blockId], tabs[to], true);
  });

  main.addEventListener('change', e => {
    const box = e.target.closest('.checklist');
    if (!box) return;
    const i = at[box.closest('section.block').dataset.blockId];
    setBit(i, $$('input', box).indexOf(e.target), e.target.checked);
    changed();
  });

  /* ---------- Boot: restore, observe, track ---------- */

  function restore() {
    const { data, loc } = T.load();
    let s = null;
    try { s = data ? JSON.parse(data) : null; } catch (e) { s = null; }
    if (!s || typeof s !== 'object') return false;
    String(s.v || '').split('').forEach((c, i) => { if (c === '1' && i < blocks.length) st.v[i] = 1; });
    st.g = (Array.isArray(s.g) ? s.g : []).filter(i => blocks[i] && kind(i) === 'gate');
    for (const i in s.o || {}) if (blocks[i] && typeof s.o[i] === 'string') st.o[i] = s.o[i];
    for (const i in s.a || {}) if (Q[i] && Array.isArray(s.a[i])) { st.a[i] = s.a[i]; Q[i].restore(s.a[i]); }
    for (const i in st.o) {
      if (kind(i) === 'list') $$('.checklist input', blocks[i]).forEach((x, k) => { x.checked = bit(i, k); });
    }
    reveal();
    const target = blocks[at[loc]];
    if (target && !target.hidden) requestAnimationFrame(() => target.scrollIntoView({ block: 'start' }));
    return true;
  }

  blocks.forEach((b, i) => {
    if (qOf(i)) question(i);
    if (kind(i) === 'process') step(i, 0);
  });
  $$('.order').forEach(orderButtons);
  // An adapter with a ready promise (cmi5) loads its state over the network:
  // the page stays inert until then, and runs like web if that fails.
  if (T.ready) {
    main.inert = true;
    T.ready.then(ok => {
      main.inert = false;
      if (!ok) { T = web(); noLMS = true; }
      boot();
    });
  } else boot();

  function boot() {
    const resumed = restore();
    const note = [noLMS ? S.noLMS : '', resumed ? S.resume : ''].filter(Boolean).join(' ');
    if (note) tell(note);

    if ('IntersectionObserver' in window) {
      const io = new IntersectionObserver(entries => entries.forEach(e => {
        if (e.isIntersecting && (e.intersectionRatio >= 0.5 || e.intersectionRect.height >= innerHeight * 0.4)) {
          const i = at[e.target.dataset.blockId];
          seen(i);
          if (Q[i]) Q[i].seen();
        }
      }), { threshold: [0, 0.02, 0.05, 0.1, 0.25, 0.5, 0.75, 1] }); // tall blocks cross only the low ones
      blocks.forEach(b => io.observe(b));
    } else {
      blocks.forEach((b, i) => seen(i));
    }

    changed(true);
    addEventListener('pagehide', end);
    addEventListener('unload', end);
    doc.addEventListener('visibilitychange', () => {
      if (doc.visibilityState === 'hidden' && !ended) { save(); T.commit(); }
    });
  }
})();

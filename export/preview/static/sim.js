/* Stacklet preview: the simulator page. Puts the simulated LMS (cmi.js) where
   the package's API discovery finds it, launches the package in the frame
   and keeps the tracking panel current with every call. */
(function () {
  'use strict';

  const root = document.getElementById('sim');
  if (!root) return;
  const format = root.dataset.format;
  const launchURL = root.dataset.launch;
  const frame = document.getElementById('sim-frame');
  const announcer = root.querySelector('[data-role=announce]');
  const numbers = new Intl.NumberFormat('en');

  // h builds an element; strings become text, never markup, because the
  // values shown come from the package.
  function h(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (attrs[name] !== undefined && attrs[name] !== null) node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) {
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function on(action, handler) {
    const button = root.querySelector('button[data-action=' + action + ']');
    if (button) button.addEventListener('click', handler);
  }

  // restart first navigates the frame to a blank page, so the old page's
  // unload handlers (which commit and terminate) reach the session they
  // belong to; then between() runs and the package launches again.
  let restarting = false;
  function restart(between) {
    if (restarting) return;
    restarting = true;
    frame.addEventListener('load', function blank() {
      frame.removeEventListener('load', blank);
      between();
      frame.src = launchURL;
      restarting = false;
    });
    frame.src = 'about:blank';
  }

  function shorten(s, max) {
    return s.length <= max ? s : s.slice(0, max - 1) + '…';
  }

  function notSet() {
    return h('span', { class: 'sim-muted' }, ['not set']);
  }

  // ---- Web packages: no API, the player keeps its state in localStorage. ----

  function startWeb() {
    const body = root.querySelector('[data-role=storage]');
    function render() {
      const rows = [];
      try {
        const keys = [];
        for (let i = 0; i < localStorage.length; i++) keys.push(localStorage.key(i));
        keys.sort().forEach(function (key) {
          const value = localStorage.getItem(key) || '';
          rows.push(h('tr', {}, [h('td', { class: 'sim-code' }, [key]), h('td', { 'data-field': 'size' }, [numbers.format(value.length)])]));
        });
      } catch (e) {
        rows.push(h('tr', {}, [h('td', { colspan: '2', class: 'sim-error' }, ['The browser blocks localStorage: ' + e.message])]));
      }
      if (rows.length === 0) rows.push(h('tr', {}, [h('td', { colspan: '2', class: 'sim-muted' }, ['Nothing stored yet.'])]));
      body.replaceChildren.apply(body, rows);
    }
    // "storage" fires here when the package's document changes localStorage.
    window.addEventListener('storage', render);
    frame.addEventListener('load', render);
    on('relaunch', function () { restart(render); });
    on('reset', function () {
      restart(function () {
        try { localStorage.clear(); } catch (e) { /* shown by render */ }
        render();
      });
    });
    render();
    frame.src = launchURL;
  }

  // ---- SCORM packages. ----

  function sessionStore() {
    try {
      const s = window.sessionStorage;
      s.setItem('stacklet-preview-probe', '1');
      s.removeItem('stacklet-preview-probe');
      return s;
    } catch (e) {
      return window.StackletCMI.memoryStorage();
    }
  }

  const phases = { idle: 'Waiting for the package to initialize', running: 'Running', ended: 'Finished' };

  // statusFields lists the panel's status rows: value(state, get) returns
  // a string or a node; el names the element shown under the label.
  function statusFields(model) {
    const k = model.keys;
    const score = model.version === 'scorm12' ? 'cmi.core.score' : 'cmi.score';
    function plain(el) { return function (s, get) { return get(el); }; }
    const fields = [
      {
        id: 'session', label: 'Session',
        value: function (s, get) {
          const entry = get(k.entry);
          const attempt = model.version === 'scorm2004' ? 'attempt ' + s.attempt + ', ' : '';
          return attempt + 'session ' + s.session + ' · entry ' + (entry === '' ? '""' : entry);
        },
      },
      { id: 'state', label: 'State', value: function (s) { return phases[s.phase]; } },
    ];
    if (model.version === 'scorm12') {
      fields.push({ id: 'lesson_status', label: 'Lesson status', el: 'cmi.core.lesson_status', value: plain('cmi.core.lesson_status') });
    } else {
      fields.push({ id: 'completion_status', label: 'Completion', el: 'cmi.completion_status', value: plain('cmi.completion_status') });
      fields.push({ id: 'success_status', label: 'Success', el: 'cmi.success_status', value: plain('cmi.success_status') });
    }
    fields.push({
      id: 'score', label: 'Score', el: score + '.*',
      value: function (s, get) {
        const parts = [];
        if (model.version === 'scorm2004' && get(score + '.scaled')) parts.push('scaled ' + get(score + '.scaled'));
        if (get(score + '.raw')) parts.push('raw ' + get(score + '.raw'));
        if (get(score + '.min') || get(score + '.max')) parts.push('(' + (get(score + '.min') || '?') + '–' + (get(score + '.max') || '?') + ')');
        return parts.join(' ');
      },
    });
    if (model.version === 'scorm2004') {
      fields.push({ id: 'progress_measure', label: 'Progress', el: 'cmi.progress_measure', value: plain('cmi.progress_measure') });
    }
    fields.push(
      { id: 'location', label: 'Location', el: k.location, value: plain(k.location) },
      { id: 'session_time', label: 'Session time', el: k.sessionTime, value: plain(k.sessionTime) },
      { id: 'total_time', label: 'Total time', el: k.totalTime, value: plain(k.totalTime) },
      { id: 'exit', label: 'Exit', el: k.exit, value: plain(k.exit) },
      { id: 'suspend_data', label: 'Suspend data', el: k.suspendData, value: suspendMeter(k.suspendData, model.suspendLimit) },
      {
        id: 'saved', label: 'Last saved',
        value: function (s) { return s.lastCommit ? new Date(s.lastCommit).toLocaleTimeString() : ''; },
      }
    );
    return fields;
  }

  function suspendMeter(el, limit) {
    return function (s, get) {
      const length = get(el).length;
      const label = numbers.format(length) + ' / ' + numbers.format(limit) + ' characters';
      return h('span', { class: 'sim-meter' }, [
        h('span', { 'data-field': 'suspend_length', class: length > limit * 0.9 ? 'sim-error' : null }, [label]),
        h('meter', { min: '0', max: String(limit), low: String(limit * 0.75), high: String(limit * 0.9), optimum: '0', value: String(length), 'aria-label': 'Suspend data used' }),
      ]);
    };
  }

  function startSCORM() {
    const log = createLog(root.querySelector('[data-role=log]'), root.querySelector('[data-role=log-box]'));
    let scheduled = false;
    let store = null;
    // Many calls arrive in one burst; the panel redraws once after it.
    function schedule() {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(function () {
        scheduled = false;
        render();
      });
    }
    store = window.StackletCMI.createStore({
      format: format,
      storage: sessionStore(),
      key: 'stacklet-preview:' + format + ':' + launchURL,
      onCall: function (call) {
        log.call(call, store.errorMessage(call.error));
        schedule();
      },
    });
    window[format === 'scorm12' ? 'API' : 'API_1484_11'] = store.api;

    const status = createStatus(root.querySelector('[data-role=status]'), statusFields(store.model));
    const interactions = root.querySelector('[data-role=interactions]');
    const announced = {};

    function render() {
      const state = store.state();
      const get = function (el) { return state.values[el] === undefined ? '' : state.values[el]; };
      status.update(state, get);
      renderInteractions(interactions, store.model, state, get);
      ['cmi.core.lesson_status', 'cmi.completion_status', 'cmi.success_status'].forEach(function (el) {
        const value = state.values[el];
        if (value !== undefined && announced[el] !== undefined && announced[el] !== value) {
          announcer.textContent = el.split('.').pop().replace('_', ' ') + ': ' + value;
        }
        announced[el] = value;
      });
      log.flush();
    }

    function sessionNote(state, how) {
      const entry = state.values[store.model.keys.entry];
      log.note(how + ': session ' + state.session + ', entry ' + (entry === '' ? '""' : entry));
      render();
    }

    on('relaunch', function () { restart(function () { sessionNote(store.relaunch(), 'Relaunch'); }); });
    on('reset', function () {
      restart(function () {
        log.clear();
        sessionNote(store.reset(), 'Reset');
      });
    });
    sessionNote(store.state(), 'Launch');
    frame.src = launchURL;
  }

  function createStatus(body, fields) {
    const cells = fields.map(function (f) {
      const cell = h('td', { 'data-field': f.id });
      const label = [f.label];
      if (f.el) label.push(h('code', {}, [f.el]));
      body.append(h('tr', {}, [h('th', { scope: 'row' }, label), cell]));
      return cell;
    });
    return {
      update: function (state, get) {
        fields.forEach(function (f, i) {
          const value = f.value(state, get);
          cells[i].replaceChildren(value === '' || value === undefined ? notSet() : value);
        });
      },
    };
  }

  function renderInteractions(body, model, state, get) {
    const count = state.counts['cmi.interactions'] || 0;
    const response = model.version === 'scorm12' ? 'student_response' : 'learner_response';
    const rows = [];
    for (let i = 0; i < count; i++) {
      const p = 'cmi.interactions.' + i + '.';
      const cells = ['id', 'type', response, 'result', 'latency'].map(function (name) {
        const value = get(p + name);
        return h('td', { 'data-field': name === response ? 'response' : name, title: value.length > 40 ? value : null },
          [value === '' ? notSet() : shorten(value, 40)]);
      });
      rows.push(h('tr', {}, [h('td', {}, [String(i)])].concat(cells)));
    }
    if (rows.length === 0) rows.push(h('tr', {}, [h('td', { colspan: '6', class: 'sim-muted' }, ['None yet.'])]));
    body.replaceChildren.apply(body, rows);
  }

  // createLog keeps the chronological call table; rows are added on flush
  // and the view follows the newest call unless the reader scrolled up.
  function createLog(body, box) {
    const limit = 2000;
    let pending = [];
    let number = 0;

    function format(value) {
      return JSON.stringify(value);
    }
    function valueCell(text, role) {
      return h('td', { class: 'sim-code', 'data-field': role, title: text.length > 60 ? text : null }, [shorten(text, 60)]);
    }
    function row(call, message) {
      number++;
      const error = call.error === 0
        ? h('td', { 'data-field': 'error', class: 'sim-muted' }, ['0'])
        : h('td', { 'data-field': 'error', class: 'sim-error', title: call.diagnostic || null }, [call.error + ' ' + message + (call.diagnostic ? ': ' + call.diagnostic : '')]);
      return h('tr', { 'data-method': call.method, class: call.error === 0 ? null : 'sim-failed' }, [
        h('td', {}, [String(number)]),
        h('td', { class: 'sim-code', 'data-field': 'method' }, [call.method]),
        valueCell(call.args.map(format).join(', '), 'args'),
        valueCell(format(call.result), 'result'),
        error,
      ]);
    }
    return {
      call: function (call, message) { pending.push(row(call, message)); },
      note: function (text) { pending.push(h('tr', { class: 'sim-note' }, [h('td', { colspan: '5' }, [text])])); },
      clear: function () {
        pending = [];
        number = 0;
        body.replaceChildren();
      },
      flush: function () {
        if (pending.length === 0) return;
        const following = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
        body.append.apply(body, pending);
        pending = [];
        while (body.rows.length > limit) body.deleteRow(0);
        if (following) box.scrollTop = box.scrollHeight;
      },
    };
  }

  if (format === 'web') {
    startWeb();
  } else {
    startSCORM();
  }
})();

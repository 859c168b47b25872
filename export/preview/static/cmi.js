/* Stacklet preview: the simulated LMS behind window.API (SCORM 1.2) and
   window.API_1484_11 (SCORM 2004 4th edition). Pure logic without the DOM,
   so node can test it; sim.js connects it to the page.

   A modest but faithful subset: the run-time data model a player uses, the
   standard error codes of each version, and sessions that resume after an
   exit with "suspend" the way an LMS does. */
(function (root, factory) {
  'use strict';
  if (typeof module === 'object' && module.exports) {
    module.exports = factory();
  } else {
    root.StackletCMI = factory();
  }
})(this, function () {
  'use strict';

  const LEARNER_ID = 'preview-learner';
  const LEARNER_NAME = 'Preview Learner';

  // ---- Value checks: each returns null or {kind, why}. ----

  function bad(kind, why) { return { kind: kind, why: why }; }

  const decimalRe = /^-?(\d+(\.\d+)?|\.\d+)$/;
  const integerRe = /^-?\d+$/;
  const timespan12Re = /^\d{2,4}:[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
  const time12Re = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
  const durationRe = /^P(?!$)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/;
  const timestampRe = /^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2}(\.\d{1,2})?)?)?(Z|[+-]\d{2}(:\d{2})?)?)?)?)?$/;

  function text(max) {
    return function (v) {
      return v.length <= max ? null : bad('length', 'is ' + v.length + ' characters, the limit is ' + max);
    };
  }
  function vocab(words) {
    return function (v) {
      return words.indexOf(v) >= 0 ? null : bad('type', 'must be one of ' + words.map(function (w) { return '"' + w + '"'; }).join(', '));
    };
  }
  function number(min, max, re) {
    return function (v) {
      if (!(re || decimalRe).test(v)) return bad('type', 'must be a number');
      const n = Number(v);
      if (n < min || n > max) return bad('range', 'must be between ' + min + ' and ' + max);
      return null;
    };
  }
  function matches(re, what) {
    return function (v) { return re.test(v) ? null : bad('type', 'must be ' + what); };
  }
  function blankOr(check) {
    return function (v) { return v === '' ? null : check(v); };
  }
  function either(a, b) {
    return function (v) { return a(v) === null ? null : b(v); };
  }
  function identifier(max) {
    return function (v) {
      if (v === '' || /\s/.test(v)) return bad('type', 'must be a non-empty identifier without spaces');
      return text(max)(v);
    };
  }

  const anything = function () { return null; };
  const real = number(-Infinity, Infinity);

  // Learner responses and correct-response patterns: only the formats whose
  // mistakes are common are checked; the rest only need a type set first.
  function responseFor(type) {
    if (type === 'true-false') return vocab(['true', 'false']);
    if (type === 'numeric') return real;
    return text(4000);
  }

  // ---- Data models. Indexes are written "n"; d is the value before the
  // content sets it (undefined: not initialized, error 403 in 2004). ----

  function ro(d) { return { a: 'r', d: d }; }
  function rw(check, d) { return { a: 'rw', v: check, d: d }; }
  function wo(check, d) { return { a: 'w', v: check, d: d }; }

  const status12 = ['passed', 'completed', 'failed', 'incomplete', 'browsed'];
  const score12 = blankOr(number(0, 100));

  const scorm12 = {
    version: 'scorm12',
    keys: {
      entry: 'cmi.core.entry', exit: 'cmi.core.exit', sessionTime: 'cmi.core.session_time',
      totalTime: 'cmi.core.total_time', suspendData: 'cmi.suspend_data', location: 'cmi.core.lesson_location',
    },
    suspendLimit: 4096,
    elements: {
      'cmi._version': ro('3.4'),
      'cmi.core.student_id': ro(LEARNER_ID),
      'cmi.core.student_name': ro(LEARNER_NAME),
      'cmi.core.lesson_location': rw(text(255), ''),
      'cmi.core.credit': ro('credit'),
      'cmi.core.lesson_status': rw(vocab(status12), 'not attempted'),
      'cmi.core.entry': ro('ab-initio'),
      'cmi.core.score.raw': rw(score12, ''),
      'cmi.core.score.min': rw(score12, ''),
      'cmi.core.score.max': rw(score12, ''),
      'cmi.core.total_time': ro('0000:00:00'),
      'cmi.core.lesson_mode': ro('normal'),
      'cmi.core.exit': wo(vocab(['time-out', 'suspend', 'logout', '']), ''),
      'cmi.core.session_time': wo(matches(timespan12Re, 'a time span HHHH:MM:SS.SS'), ''),
      'cmi.suspend_data': rw(text(4096), ''),
      'cmi.launch_data': ro(''),
      'cmi.comments': rw(text(4096), ''),
      'cmi.comments_from_lms': ro(''),
      'cmi.objectives.n.id': rw(identifier(255)),
      'cmi.objectives.n.score.raw': rw(score12),
      'cmi.objectives.n.score.min': rw(score12),
      'cmi.objectives.n.score.max': rw(score12),
      'cmi.objectives.n.status': rw(vocab(status12.concat('not attempted'))),
      'cmi.student_data.mastery_score': ro(''),
      'cmi.student_data.max_time_allowed': ro(''),
      'cmi.student_data.time_limit_action': ro(''),
      'cmi.student_preference.audio': rw(number(-1, 100, integerRe), '0'),
      'cmi.student_preference.language': rw(text(255), ''),
      'cmi.student_preference.speed': rw(number(-100, 100, integerRe), '0'),
      'cmi.student_preference.text': rw(number(-1, 1, integerRe), '0'),
      'cmi.interactions.n.id': wo(identifier(255)),
      'cmi.interactions.n.objectives.n.id': wo(identifier(255)),
      'cmi.interactions.n.time': wo(matches(time12Re, 'a time HH:MM:SS')),
      'cmi.interactions.n.type': wo(vocab(['true-false', 'choice', 'fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric'])),
      'cmi.interactions.n.correct_responses.n.pattern': wo(text(255)),
      'cmi.interactions.n.weighting': wo(real),
      'cmi.interactions.n.student_response': wo(text(255)),
      'cmi.interactions.n.result': wo(either(vocab(['correct', 'wrong', 'unanticipated', 'neutral']), real)),
      'cmi.interactions.n.latency': wo(matches(timespan12Re, 'a time span HHHH:MM:SS.SS')),
    },
    children: {
      'cmi.core': 'student_id,student_name,lesson_location,credit,lesson_status,entry,score,total_time,lesson_mode,exit,session_time',
      'cmi.core.score': 'raw,min,max',
      'cmi.objectives': 'id,score,status',
      'cmi.objectives.n.score': 'raw,min,max',
      'cmi.student_data': 'mastery_score,max_time_allowed,time_limit_action',
      'cmi.student_preference': 'audio,language,speed,text',
      'cmi.interactions': 'id,objectives,time,type,correct_responses,weighting,student_response,result,latency',
    },
    collections: ['cmi.objectives', 'cmi.interactions', 'cmi.interactions.n.objectives', 'cmi.interactions.n.correct_responses'],
    unimplemented: [],
    idFirst: false,
    errors: {
      initTwice: 101, initAfterEnd: 101, endBeforeInit: 301, endAfterEnd: 101,
      getBeforeInit: 301, getAfterEnd: 101, setBeforeInit: 301, setAfterEnd: 101,
      commitBeforeInit: 301, commitAfterEnd: 101, argument: 201, getFailure: 201, setFailure: 201,
      commitFailure: 101, undefined: 401, unimplemented: 401, notInitialized: 0, readOnly: 403, writeOnly: 404,
      type: 405, range: 405, length: 405, dependency: 201, noChildren: 202, noCount: 203, keyword: 402,
    },
    messages: {
      0: 'No error', 101: 'General exception', 201: 'Invalid argument error',
      202: 'Element cannot have children', 203: 'Element not an array - cannot have count',
      301: 'Not initialized', 401: 'Not implemented error', 402: 'Invalid set value, element is a keyword',
      403: 'Element is read only', 404: 'Element is write only', 405: 'Incorrect data type',
    },
    methods: {
      initialize: 'LMSInitialize', terminate: 'LMSFinish', getValue: 'LMSGetValue', setValue: 'LMSSetValue',
      commit: 'LMSCommit', getLastError: 'LMSGetLastError', getErrorString: 'LMSGetErrorString', getDiagnostic: 'LMSGetDiagnostic',
    },
  };

  const completion = ['completed', 'incomplete', 'not attempted', 'unknown'];
  const success = ['passed', 'failed', 'unknown'];
  const duration = matches(durationRe, 'an ISO 8601 duration such as PT1M30S');
  const longId = identifier(4000);

  const scorm2004 = {
    version: 'scorm2004',
    keys: {
      entry: 'cmi.entry', exit: 'cmi.exit', sessionTime: 'cmi.session_time',
      totalTime: 'cmi.total_time', suspendData: 'cmi.suspend_data', location: 'cmi.location',
    },
    suspendLimit: 64000,
    elements: {
      'cmi._version': ro('1.0'),
      'cmi.completion_status': rw(vocab(completion), 'unknown'),
      'cmi.completion_threshold': ro(),
      'cmi.credit': ro('credit'),
      'cmi.entry': ro('ab-initio'),
      'cmi.exit': wo(vocab(['time-out', 'suspend', 'logout', 'normal', '']), ''),
      'cmi.launch_data': ro(),
      'cmi.learner_id': ro(LEARNER_ID),
      'cmi.learner_name': ro(LEARNER_NAME),
      'cmi.learner_preference.audio_level': rw(number(0, Infinity), '1'),
      'cmi.learner_preference.language': rw(text(250), ''),
      'cmi.learner_preference.delivery_speed': rw(number(0, Infinity), '1'),
      'cmi.learner_preference.audio_captioning': rw(vocab(['-1', '0', '1']), '0'),
      'cmi.location': rw(text(1000)),
      'cmi.max_time_allowed': ro(),
      'cmi.mode': ro('normal'),
      'cmi.objectives.n.id': rw(longId),
      'cmi.objectives.n.score.scaled': rw(number(-1, 1)),
      'cmi.objectives.n.score.raw': rw(real),
      'cmi.objectives.n.score.min': rw(real),
      'cmi.objectives.n.score.max': rw(real),
      'cmi.objectives.n.success_status': rw(vocab(success), 'unknown'),
      'cmi.objectives.n.completion_status': rw(vocab(completion), 'unknown'),
      'cmi.objectives.n.progress_measure': rw(number(0, 1)),
      'cmi.objectives.n.description': rw(text(250)),
      'cmi.progress_measure': rw(number(0, 1)),
      'cmi.scaled_passing_score': ro(),
      'cmi.score.scaled': rw(number(-1, 1)),
      'cmi.score.raw': rw(real),
      'cmi.score.min': rw(real),
      'cmi.score.max': rw(real),
      'cmi.session_time': wo(duration),
      'cmi.success_status': rw(vocab(success), 'unknown'),
      'cmi.suspend_data': rw(text(64000)),
      'cmi.time_limit_action': ro('continue,no message'),
      'cmi.total_time': ro('PT0H0M0S'),
      'cmi.interactions.n.id': rw(longId),
      'cmi.interactions.n.type': rw(vocab(['true-false', 'choice', 'fill-in', 'long-fill-in', 'likert', 'matching', 'performance', 'sequencing', 'numeric', 'other'])),
      'cmi.interactions.n.objectives.n.id': rw(longId),
      'cmi.interactions.n.timestamp': rw(matches(timestampRe, 'a timestamp such as 2024-05-01T10:00:00Z')),
      'cmi.interactions.n.correct_responses.n.pattern': rw(anything),
      'cmi.interactions.n.weighting': rw(real),
      'cmi.interactions.n.learner_response': rw(anything),
      'cmi.interactions.n.result': rw(either(vocab(['correct', 'incorrect', 'unanticipated', 'neutral']), real)),
      'cmi.interactions.n.latency': rw(duration),
      'cmi.interactions.n.description': rw(text(250)),
      'adl.nav.request': rw(matches(/^(continue|previous|exit|exitAll|abandon|abandonAll|suspendAll|_none_|\{target=[^}\s]+\}(choice|jump))$/, 'a navigation request such as "continue" or "exitAll"'), '_none_'),
      'adl.nav.request_valid.continue': ro('unknown'),
      'adl.nav.request_valid.previous': ro('unknown'),
    },
    children: {
      'cmi.learner_preference': 'audio_level,language,delivery_speed,audio_captioning',
      'cmi.score': 'scaled,raw,min,max',
      'cmi.objectives': 'id,score,success_status,completion_status,progress_measure,description',
      'cmi.objectives.n.score': 'scaled,raw,min,max',
      'cmi.interactions': 'id,type,objectives,timestamp,correct_responses,weighting,learner_response,result,latency,description',
    },
    collections: ['cmi.objectives', 'cmi.interactions', 'cmi.interactions.n.objectives', 'cmi.interactions.n.correct_responses'],
    unimplemented: ['cmi.comments_from_learner', 'cmi.comments_from_lms', 'adl.data'],
    idFirst: true,
    errors: {
      initTwice: 103, initAfterEnd: 104, endBeforeInit: 112, endAfterEnd: 113,
      getBeforeInit: 122, getAfterEnd: 123, setBeforeInit: 132, setAfterEnd: 133,
      commitBeforeInit: 142, commitAfterEnd: 143, argument: 201, getFailure: 301, setFailure: 351,
      commitFailure: 391, undefined: 401, unimplemented: 402, notInitialized: 403, readOnly: 404, writeOnly: 405,
      type: 406, range: 407, length: 351, dependency: 408, noChildren: 301, noCount: 301, keyword: 404,
    },
    messages: {
      0: 'No Error', 101: 'General Exception', 102: 'General Initialization Failure', 103: 'Already Initialized',
      104: 'Content Instance Terminated', 111: 'General Termination Failure', 112: 'Termination Before Initialization',
      113: 'Termination After Termination', 122: 'Retrieve Data Before Initialization', 123: 'Retrieve Data After Termination',
      132: 'Store Data Before Initialization', 133: 'Store Data After Termination', 142: 'Commit Before Initialization',
      143: 'Commit After Termination', 201: 'General Argument Error', 301: 'General Get Failure', 351: 'General Set Failure',
      391: 'General Commit Failure', 401: 'Undefined Data Model Element', 402: 'Unimplemented Data Model Element',
      403: 'Data Model Element Value Not Initialized', 404: 'Data Model Element Is Read Only',
      405: 'Data Model Element Is Write Only', 406: 'Data Model Element Type Mismatch',
      407: 'Data Model Element Value Out Of Range', 408: 'Data Model Dependency Not Established',
    },
    methods: {
      initialize: 'Initialize', terminate: 'Terminate', getValue: 'GetValue', setValue: 'SetValue',
      commit: 'Commit', getLastError: 'GetLastError', getErrorString: 'GetErrorString', getDiagnostic: 'GetDiagnostic',
    },
  };

  const models = { scorm12: scorm12, scorm2004: scorm2004 };

  // ---- Time spans, for total_time. ----

  function parseTimespan12(s) {
    const m = /^(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(s || '');
    return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : 0;
  }
  // Both formats count in hundredths, the finest unit either allows.
  function splitTime(seconds) {
    const cs = Math.round(seconds * 100);
    return { h: Math.floor(cs / 360000), m: Math.floor((cs % 360000) / 6000), s: Math.floor((cs % 6000) / 100), cs: cs % 100 };
  }
  function formatTimespan12(seconds) {
    const t = splitTime(seconds);
    const pad = function (n, w) { return String(n).padStart(w, '0'); };
    return pad(t.h, 4) + ':' + pad(t.m, 2) + ':' + pad(t.s, 2) + (t.cs ? '.' + pad(t.cs, 2) : '');
  }
  // Years and months have no fixed length; an LMS has to pick one too.
  function parseDuration(s) {
    const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(s || '');
    if (!m) return 0;
    const n = function (i) { return Number(m[i] || 0); };
    return n(1) * 365 * 86400 + n(2) * 30 * 86400 + n(3) * 86400 + n(4) * 3600 + n(5) * 60 + n(6);
  }
  function formatDuration(seconds) {
    const t = splitTime(seconds);
    return 'PT' + t.h + 'H' + t.m + 'M' + (t.s + t.cs / 100) + 'S';
  }

  // ---- Element names. ----

  const indexRe = /^(0|[1-9]\d*)$/;

  // parse splits "cmi.interactions.2.objectives.0.id" into its pattern
  // "cmi.interactions.n.objectives.n.id" and the indexes with the concrete
  // collection each one counts in.
  function parse(element) {
    const parts = element.split('.');
    const indexes = [];
    const pattern = parts.map(function (p, i) {
      if (!indexRe.test(p)) return p;
      indexes.push({ collection: parts.slice(0, i).join('.'), index: Number(p) });
      return 'n';
    });
    return { pattern: pattern.join('.'), indexes: indexes };
  }

  function freshData(model) {
    const values = {};
    Object.keys(model.elements).forEach(function (name) {
      const spec = model.elements[name];
      if (name.indexOf('.n.') < 0 && spec.d !== undefined) values[name] = spec.d;
    });
    return { values: values, counts: {} };
  }

  function copy(obj) { return JSON.parse(JSON.stringify(obj)); }

  // memoryStorage stands in when sessionStorage is unavailable, and in tests.
  function memoryStorage() {
    const items = new Map();
    return {
      getItem: function (k) { return items.has(k) ? items.get(k) : null; },
      setItem: function (k, v) { items.set(k, String(v)); },
      removeItem: function (k) { items.delete(k); },
    };
  }

  // ---- The store. ----

  // createStore returns the simulated LMS for one package.
  //   options.format   "scorm12" | "scorm2004"
  //   options.storage  a Storage (sessionStorage) that keeps the learner's
  //                    data across relaunches and page reloads
  //   options.key      the storage key
  //   options.onCall   called with {method, args, result, error, diagnostic,
  //                    session}
  //                    after every API call
  function createStore(options) {
    const model = models[options.format];
    if (!model) throw new Error('unknown SCORM format: ' + options.format);
    const storage = options.storage || memoryStorage();
    const key = options.key || 'stacklet-preview';
    const onCall = options.onCall || function () {};

    // state is what sim.js displays; saved is what the LMS keeps (the last
    // commit), the only thing a new session starts from.
    let state;
    let lastError = 0;
    let diagnostic = '';

    function load() {
      try {
        const saved = JSON.parse(storage.getItem(key) || 'null');
        if (saved && saved.format === model.version && saved.values) return saved;
      } catch (e) {
        // Unreadable data is dropped: the preview starts fresh.
      }
      return null;
    }

    // save stores the state and returns why it could not; committed marks
    // a commit by the content, which the panel shows, as opposed to the
    // simulator's own bookkeeping.
    function save(committed) {
      if (committed) state.lastCommit = Date.now();
      try {
        storage.setItem(key, JSON.stringify(state));
        return '';
      } catch (e) {
        return 'the browser refused to store the data: ' + e.message;
      }
    }

    function fresh() {
      const data = freshData(model);
      return {
        format: model.version, attempt: 1, session: 1, phase: 'idle', started: false,
        totalSeconds: 0, lastCommit: 0, values: data.values, counts: data.counts,
      };
    }

    // nextSession starts a session after saved the way an LMS does: resume
    // with everything kept after an exit with "suspend"; otherwise SCORM 2004
    // starts a new attempt, while SCORM 1.2, which has no attempts, keeps
    // the data and launches with an empty entry.
    function nextSession(saved) {
      const next = copy(saved);
      next.session = saved.session + 1;
      next.phase = 'idle';
      if (!saved.started) return next; // that session never began: nothing to close
      const k = model.keys;
      const exit = saved.values[k.exit] || '';
      const resume = exit === 'suspend';
      const spent = model === scorm12 ? parseTimespan12(saved.values[k.sessionTime]) : parseDuration(saved.values[k.sessionTime]);
      next.started = false;
      next.totalSeconds = saved.totalSeconds + spent;
      let entry = resume ? 'resume' : '';
      if (!resume && model === scorm2004) {
        const data = freshData(model);
        next.values = data.values;
        next.counts = data.counts;
        next.attempt = saved.attempt + 1;
        next.totalSeconds = 0;
        entry = 'ab-initio';
      }
      next.values[k.entry] = entry;
      next.values[k.exit] = '';
      if (model === scorm12) {
        next.values[k.sessionTime] = '';
        next.values[k.totalTime] = formatTimespan12(next.totalSeconds);
      } else {
        delete next.values[k.sessionTime];
        next.values[k.totalTime] = formatDuration(next.totalSeconds);
        next.values['adl.nav.request'] = '_none_';
      }
      return next;
    }

    const saved = load();
    state = saved ? nextSession(saved) : fresh();
    save();

    // ---- Calls. ----

    function fail(kind, why) {
      lastError = model.errors[kind];
      diagnostic = why;
      return lastError;
    }
    function ok() {
      lastError = 0;
      diagnostic = '';
    }
    // failGet fails a GetValue, which returns "" on error.
    function failGet(kind, why) {
      fail(kind, why);
      return '';
    }

    // phaseError returns the error kind for calling while not running.
    function phaseError(before, after) {
      if (state.phase === 'idle') return before;
      if (state.phase === 'ended') return after;
      return null;
    }

    function count(collection) { return state.counts[collection] || 0; }

    function isKnown(pattern) {
      return Object.prototype.hasOwnProperty.call(model.elements, pattern) ||
        Object.prototype.hasOwnProperty.call(model.children, pattern) ||
        model.collections.indexOf(pattern) >= 0 || pattern === 'cmi';
    }

    function isUnimplemented(element) {
      return model.unimplemented.some(function (p) { return element === p || element.indexOf(p + '.') === 0; });
    }

    // indexesExist checks that every index names an existing record.
    function indexesExist(indexes) {
      return indexes.every(function (ix) { return ix.index < count(ix.collection); });
    }

    // keyword answers GetValue for _version, _children and _count.
    function keyword(element) {
      const dot = element.lastIndexOf('.');
      const base = element.slice(0, dot);
      const word = element.slice(dot + 1);
      const p = parse(base);
      if (word === '_version') {
        return base === 'cmi' ? { value: model.elements['cmi._version'].d } : { error: ['undefined', element + ' is not defined'] };
      }
      if (!isKnown(p.pattern)) return { error: ['undefined', base + ' is not an element of the data model'] };
      if (!indexesExist(p.indexes)) return { error: ['getFailure', base + ' does not exist yet'] };
      if (word === '_children') {
        const children = model.children[p.pattern];
        return children ? { value: children } : { error: ['noChildren', base + ' has no children'] };
      }
      return model.collections.indexOf(p.pattern) >= 0
        ? { value: String(count(base)) } : { error: ['noCount', base + ' is not a collection'] };
    }

    function getValue(element) {
      const phase = phaseError('getBeforeInit', 'getAfterEnd');
      if (phase) return failGet(phase, 'GetValue is only allowed between initialize and terminate');
      if (element === '') return failGet('getFailure', 'no element was named');
      if (isUnimplemented(element)) return failGet('unimplemented', element + ' is not implemented by this simulator');
      if (/\._(version|children|count)$/.test(element)) {
        const answer = keyword(element);
        if (answer.error) return failGet(answer.error[0], answer.error[1]);
        ok();
        return answer.value;
      }
      const p = parse(element);
      const spec = model.elements[p.pattern];
      if (!spec) return failGet('undefined', element + ' is not an element of the data model');
      if (spec.a === 'w') return failGet('writeOnly', element + ' is write-only');
      if (!indexesExist(p.indexes)) return failGet('getFailure', 'the index in ' + element + ' is beyond _count');
      const value = state.values[element];
      if (value === undefined && model.errors.notInitialized) {
        return failGet('notInitialized', element + ' has not been set');
      }
      ok();
      return value === undefined ? '' : value;
    }

    // dependency returns why element cannot be set yet, for SCORM 2004's
    // ordering rules: a new record starts with its id, and responses need
    // the interaction's type.
    function dependency(element, p, creating) {
      if (!model.idFirst) return null;
      const last = p.indexes[p.indexes.length - 1];
      if (creating && !/\.correct_responses$/.test(last.collection) && !/\.id$/.test(element)) {
        return 'set ' + last.collection + '.' + last.index + '.id first';
      }
      if (/^cmi\.interactions\.n\.(learner_response|correct_responses\.n\.pattern)$/.test(p.pattern)) {
        const interaction = 'cmi.interactions.' + p.indexes[0].index;
        if (state.values[interaction + '.type'] === undefined) return 'set ' + interaction + '.type first';
      }
      return null;
    }

    function check(element, value, p, spec) {
      let verdict = spec.v(value);
      if (!verdict && model.idFirst && /^cmi\.interactions\.n\.(learner_response|correct_responses\.n\.pattern)$/.test(p.pattern)) {
        verdict = responseFor(state.values['cmi.interactions.' + p.indexes[0].index + '.type'])(value);
      }
      return verdict;
    }

    function setValue(element, value) {
      const phase = phaseError('setBeforeInit', 'setAfterEnd');
      if (phase) return fail(phase, 'SetValue is only allowed between initialize and terminate');
      if (element === '') return fail('setFailure', 'no element was named');
      if (isUnimplemented(element)) return fail('unimplemented', element + ' is not implemented by this simulator');
      if (/\._(version|children|count)$/.test(element)) return fail('keyword', element + ' is a keyword and read-only');
      const p = parse(element);
      const spec = model.elements[p.pattern];
      if (!spec) return fail('undefined', element + ' is not an element of the data model');
      if (spec.a === 'r') return fail('readOnly', element + ' is read-only');
      const last = p.indexes[p.indexes.length - 1];
      const parentsExist = indexesExist(p.indexes.slice(0, -1));
      if (!parentsExist || (last && last.index > count(last.collection))) {
        return fail('setFailure', 'the index in ' + element + ' skips a record: indexes must be sequential');
      }
      const creating = Boolean(last) && last.index === count(last.collection);
      const missing = dependency(element, p, creating);
      if (missing) return fail('dependency', missing);
      const verdict = check(element, value, p, spec);
      if (verdict) return fail(verdict.kind, element + ' ' + verdict.why);
      if (creating) addRecord(last);
      state.values[element] = value;
      ok();
      return 0;
    }

    // addRecord grows a collection and gives the new record its defaults.
    function addRecord(last) {
      state.counts[last.collection] = last.index + 1;
      const prefix = last.collection + '.' + last.index;
      const patternPrefix = parse(prefix).pattern + '.';
      Object.keys(model.elements).forEach(function (name) {
        const spec = model.elements[name];
        if (name.indexOf(patternPrefix) === 0 && spec.d !== undefined && name.slice(patternPrefix.length).indexOf('.n.') < 0) {
          state.values[prefix + '.' + name.slice(patternPrefix.length)] = spec.d;
        }
      });
    }

    function initialize(arg) {
      if (state.phase === 'running') return fail('initTwice', 'the session is already initialized');
      if (state.phase === 'ended') return fail('initAfterEnd', 'the session has ended: Relaunch to start a new one');
      if (arg !== '') return fail('argument', 'the argument must be ""');
      state.phase = 'running';
      state.started = true;
      save();
      ok();
      return 0;
    }

    function commit(arg) {
      const phase = phaseError('commitBeforeInit', 'commitAfterEnd');
      if (phase) return fail(phase, 'Commit is only allowed between initialize and terminate');
      if (arg !== '') return fail('argument', 'the argument must be ""');
      const refused = save(true);
      if (refused) return fail('commitFailure', refused);
      ok();
      return 0;
    }

    function terminate(arg) {
      const phase = phaseError('endBeforeInit', 'endAfterEnd');
      if (phase) return fail(phase, state.phase === 'idle' ? 'the session was never initialized' : 'the session has already ended');
      if (arg !== '') return fail('argument', 'the argument must be ""');
      state.phase = 'ended';
      const refused = save(true); // terminating commits
      if (refused) return fail('commitFailure', refused);
      ok();
      return 0;
    }

    const bool = function (error) { return error ? 'false' : 'true'; };
    const m = model.methods;
    const handlers = {};
    handlers[m.initialize] = function (a) { return bool(initialize(a)); };
    handlers[m.terminate] = function (a) { return bool(terminate(a)); };
    handlers[m.getValue] = getValue;
    handlers[m.setValue] = function (e, v) { return bool(setValue(e, v)); };
    handlers[m.commit] = function (a) { return bool(commit(a)); };
    handlers[m.getLastError] = function () { return String(lastError); };
    handlers[m.getErrorString] = function (code) { return model.messages[Number(code)] || ''; };
    handlers[m.getDiagnostic] = function (code) {
      if (code === '' || Number(code) === lastError) return diagnostic || model.messages[lastError];
      return model.messages[Number(code)] || '';
    };

    // Content may pass numbers or nothing; SCORM arguments are strings.
    // Methods don't use "this": content may call them detached.
    const api = {};
    Object.keys(handlers).forEach(function (name) {
      api[name] = function () {
        const args = Array.prototype.slice.call(arguments, 0, handlers[name].length)
          .map(function (a) { return a === undefined || a === null ? '' : String(a); });
        while (args.length < handlers[name].length) args.push('');
        const result = handlers[name].apply(null, args);
        onCall({ method: name, args: args, result: result, error: lastError, diagnostic: diagnostic, session: state.session });
        return result;
      };
    });

    return {
      api: api,
      model: model,
      state: function () { return state; },
      errorMessage: function (code) { return model.messages[code] || ''; },
      // relaunch ends the current session as closing the window would and
      // starts the next from what was last committed.
      relaunch: function () {
        state = nextSession(load() || state);
        save();
        ok();
        return state;
      },
      // reset forgets everything: a first launch.
      reset: function () {
        storage.removeItem(key);
        state = fresh();
        save();
        ok();
        return state;
      },
    };
  }

  return {
    createStore: createStore,
    memoryStorage: memoryStorage,
    formatTimespan12: formatTimespan12,
    formatDuration: formatDuration,
    parseTimespan12: parseTimespan12,
    parseDuration: parseDuration,
  };
});

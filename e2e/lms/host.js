// The test LMS: a scorm-again API on this window and the package's launch page
// in an iframe, as an LMS runs a SCO. Query: ?pkg=NAME (served at /pkg/NAME/)
// &launch=PATH (the SCO's href from imsmanifest.xml, default index.html).
// &session=ID. A test may set window.__lmsInitialCMI (a cmi JSON object from an
// earlier session) before this runs, to resume. Every API call is reported to
// the test server with navigator.sendBeacon as it happens (POST
// /lms/log?session=ID), with a snapshot of the whole cmi after each commit and
// finish; beacons are delivered even when the call is made while the page
// unloads.
(function () {
  'use strict';
  var version = document.documentElement.getAttribute('data-scorm');
  var settings = { autocommit: false, lmsCommitUrl: false, logLevel: 5, mastery_override: false };
  var api = version === '1.2' ? new window.Scorm12API(settings) : new window.Scorm2004API(settings);
  if (window.__lmsInitialCMI) api.loadFromJSON(window.__lmsInitialCMI, 'cmi');

  var methods = version === '1.2'
    ? ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit',
      'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic']
    : ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit',
      'GetLastError', 'GetErrorString', 'GetDiagnostic'];
  var snapshotAfter = { LMSCommit: 1, LMSFinish: 1, Commit: 1, Terminate: 1 };
  var query = new URLSearchParams(location.search);
  var logURL = '/lms/log?session=' + encodeURIComponent(query.get('session') || 'default');
  var seq = 0;
  window.lmsLog = [];

  function report(entry) {
    window.lmsLog.push(entry);
    var body = JSON.stringify(entry);
    if (!navigator.sendBeacon(logURL, new Blob([body], { type: 'text/plain' }))) {
      // Over the beacon quota: the test sees a gap in seq and says so.
      console.error('test LMS: could not report call ' + entry.seq + ' (' + body.length + ' bytes)');
    }
  }

  methods.forEach(function (name) {
    var real = api[name].bind(api);
    api[name] = function () {
      var args = Array.prototype.slice.call(arguments);
      var result = real.apply(null, args);
      var entry = { seq: seq++, method: name, args: args.map(String), result: String(result),
        error: String(api.lastErrorCode), time: Date.now() };
      if (snapshotAfter[name]) entry.cmi = api.renderCMIToJSONObject().cmi;
      report(entry);
      return result;
    };
  });
  window[version === '1.2' ? 'API' : 'API_1484_11'] = api;

  document.addEventListener('DOMContentLoaded', function () {
    var pkg = query.get('pkg');
    var frame = document.createElement('iframe');
    frame.id = 'sco';
    frame.title = 'Course';
    frame.src = '/pkg/' + encodeURIComponent(pkg) + '/' + (query.get('launch') || 'index.html');
    document.body.appendChild(frame);
  });
})();

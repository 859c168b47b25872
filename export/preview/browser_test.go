package preview

import (
	"context"
	"html"
	"net/http/httptest"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stacklet/stacklet/authoring"
)

const chromiumPath = "/usr/bin/chromium"

// fakePage is a package's launch page; its script is a file because the
// package pages run under the same kind of CSP as real ones.
const fakePage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'">
<title>Fake package</title><script src="fake.js" defer></script></head>
<body><p id="out">not run</p></body></html>
`

// fakeScript plays a package: it finds the API the way SCORM content does
// (walking parent frames), tracks a first session and exits with
// "suspend", has the simulator relaunch it, and in the resumed session
// reports what it read back by setting the location, which the
// simulator's panel shows. Without an API it saves to localStorage like a
// web package.
const fakeScript = `'use strict';
function find(name) {
  let w = window;
  for (let i = 0; i < 8 && w; i++) {
    if (w[name]) return w[name];
    if (w.parent === w) break;
    w = w.parent;
  }
  return null;
}
const v12 = find('API');
const v2004 = find('API_1484_11');
const out = document.getElementById('out');
const api = v12 ? {
  init: () => v12.LMSInitialize(''), get: (e) => v12.LMSGetValue(e), set: (e, v) => v12.LMSSetValue(e, v),
  commit: () => v12.LMSCommit(''), finish: () => v12.LMSFinish(''), error: () => v12.LMSGetLastError(),
  k: { name: 'cmi.core.student_name', entry: 'cmi.core.entry', status: 'cmi.core.lesson_status', location: 'cmi.core.lesson_location', exit: 'cmi.core.exit', score: 'cmi.core.score.raw', response: 'student_response', wrong: 'wrong' },
} : v2004 ? {
  init: () => v2004.Initialize(''), get: (e) => v2004.GetValue(e), set: (e, v) => v2004.SetValue(e, v),
  commit: () => v2004.Commit(''), finish: () => v2004.Terminate(''), error: () => v2004.GetLastError(),
  k: { name: 'cmi.learner_name', entry: 'cmi.entry', status: 'cmi.completion_status', location: 'cmi.location', exit: 'cmi.exit', score: 'cmi.score.raw', response: 'learner_response', wrong: 'incorrect' },
} : null;

if (!api) {
  localStorage.setItem('fake-progress', JSON.stringify({ found: Boolean(find('API') || find('API_1484_11')), block: 'b2' }));
  out.textContent = 'web';
} else {
  const seen = ['init=' + api.init()];
  const entry = api.get(api.k.entry);
  if (entry === 'resume') {
    seen.push('resumed=' + api.get('cmi.suspend_data'));
    seen.push('name=' + api.get(api.k.name));
    seen.push('readonly=' + api.set(api.k.name, 'x') + '/' + api.error());
    seen.push('commit=' + api.commit());
    api.set(api.k.location, seen.join(';'));
    api.set(api.k.status, 'completed');
    api.finish();
  } else {
    api.set(api.k.status, 'incomplete');
    api.set(api.k.score, '80');
    api.set('cmi.interactions.0.id', 'q1');
    api.set('cmi.interactions.0.type', 'choice');
    api.set('cmi.interactions.0.' + api.k.response, 'b');
    api.set('cmi.interactions.0.result', api.k.wrong);
    api.set('cmi.suspend_data', 'step=2');
    api.set(api.k.location, 'first');
    api.set(api.k.exit, 'suspend');
    seen.push('commit=' + api.commit());
    seen.push('finish=' + api.finish());
    window.addEventListener('load', () => setTimeout(() => parent.document.querySelector('button[data-action=relaunch]').click(), 0));
  }
  out.textContent = seen.join(';');
}
`

// TestSimulatorInChromium runs the simulator and a fake package in headless
// Chromium and reads the simulator's panel from the dumped DOM: proof that
// a package in the frame finds the API, that calls, errors and
// interactions reach the panel, and that Relaunch resumes.
func TestSimulatorInChromium(t *testing.T) {
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is required under CI=true: %v", chromiumPath, err)
		}
		t.Skipf("no Chromium: %v", err)
	}
	pkg := fstest.MapFS{
		"index.html": {Data: []byte(fakePage)},
		"fake.js":    {Data: []byte(fakeScript)},
	}
	tests := []struct {
		format authoring.Format
		want   []string
	}{
		{authoring.FormatSCORM12, []string{
			`<td data-field="location">init=true;resumed=step=2;name=Preview Learner;readonly=false/403;commit=true</td>`,
			`<td data-field="lesson_status">completed</td>`,
			`<td data-field="session">session 2 · entry resume</td>`,
			`<td data-field="id">q1</td>`, `<td data-field="response">b</td>`, `<td data-field="result">wrong</td>`,
			`Relaunch: session 2, entry resume`,
			`<tr data-method="LMSInitialize">`, `<tr data-method="LMSCommit">`,
			`403 Element is read only: cmi.core.student_name is read-only`,
			`<span data-field="suspend_length">6 / 4,096 characters</span>`,
		}},
		{authoring.FormatSCORM2004, []string{
			`<td data-field="location">init=true;resumed=step=2;name=Preview Learner;readonly=false/404;commit=true</td>`,
			`<td data-field="completion_status">completed</td>`,
			`<td data-field="session">attempt 1, session 2 · entry resume</td>`,
			`<td data-field="result">incorrect</td>`,
			`<tr data-method="Terminate">`,
			`404 Data Model Element Is Read Only`,
			`<span data-field="suspend_length">6 / 64,000 characters</span>`,
		}},
		{authoring.FormatWeb, []string{
			`<td class="sim-code">fake-progress</td><td data-field="size">28</td>`,
		}},
	}
	for _, tt := range tests {
		t.Run(string(tt.format), func(t *testing.T) {
			srv := httptest.NewServer(Handler(pkg, Options{Format: tt.format, Title: "Fake"}))
			defer srv.Close()
			dom := dumpDOM(t, srv.URL+"/")
			for _, s := range tt.want {
				if !strings.Contains(dom, s) {
					t.Errorf("dumped DOM lacks %s", s)
				}
			}
			if t.Failed() {
				t.Logf("panel:\n%s", panelText(dom))
			}
		})
	}
}

func dumpDOM(t *testing.T, url string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromiumPath,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--no-first-run", "--user-data-dir="+t.TempDir(),
		"--virtual-time-budget=5000", "--dump-dom", url)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	return string(out)
}

var tagRe = regexp.MustCompile(`<[^>]+>`)

// panelText is the dumped DOM without tags, for failure messages.
func panelText(dom string) string {
	if i := strings.Index(dom, `id="panel-title"`); i >= 0 {
		dom = dom[i:]
	}
	return html.UnescapeString(tagRe.ReplaceAllString(strings.ReplaceAll(dom, "</tr>", "\n"), " "))
}

package lrstest_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stacklet/stacklet/export/cmi5/lrstest"
)

const course = `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="https://example.test/course"><title><langstring lang="en">C</langstring></title></course>
  <au id="https://example.test/au/1" moveOn="CompletedAndPassed" masteryScore="0.8"><title/><url>one/index.html?lang=en</url></au>
  <block id="https://example.test/block"><title/>
    <au id="https://example.test/au/2" moveOn="Completed"><title/><url>two/index.html</url></au>
  </block>
</courseStructure>`

func mounted(t *testing.T) *lrstest.Server {
	t.Helper()
	s := lrstest.New(t)
	aus, err := s.Mount("c", fstest.MapFS{
		"cmi5.xml":       {Data: []byte(course)},
		"one/index.html": {Data: []byte("<!doctype html><title>one</title>")},
		"two/index.html": {Data: []byte("<!doctype html><title>two</title>")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(aus) != 2 || aus[0].URL != "one/index.html?lang=en" || aus[1].ID != "https://example.test/au/2" || aus[0].MasteryScore != "0.8" {
		t.Fatalf("AUs %+v: want both, the second from inside the block", aus)
	}
	return s
}

// call sends a request with the xAPI headers when token is set and returns
// the status and the body.
func call(t *testing.T, method, u, token, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Basic "+token)
		req.Header.Set("X-Experience-API-Version", "1.0.3")
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(data)
}

func launchParams(t *testing.T, l *lrstest.Launch) url.Values {
	t.Helper()
	u, err := url.Parse(l.URL)
	if err != nil {
		t.Fatal(err)
	}
	return u.Query()
}

func stateURL(s *lrstest.Server, l *lrstest.Launch, stateID string) string {
	q := url.Values{"activityId": {l.ActivityID}, "agent": {l.Actor.JSON()}, "registration": {l.Registration}}
	if stateID != "" {
		q.Set("stateId", stateID)
	}
	return s.URL + "/xapi/activities/state?" + q.Encode()
}

func TestMountRefusesPackagesWithoutAUs(t *testing.T) {
	s := lrstest.New(t)
	for name, files := range map[string]fstest.MapFS{
		"NoCourse": {"index.html": {}},
		"NoAU":     {"cmi5.xml": {Data: []byte(`<courseStructure><course id="x"/></courseStructure>`)}},
		"NotXML":   {"cmi5.xml": {Data: []byte(`<courseStructure>`)}},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := s.Mount(name, files); err == nil {
				t.Error("mounted")
			}
		})
	}
}

func TestLaunchFollowsTheLaunchRules(t *testing.T) {
	s := mounted(t)
	l, err := s.Launch(lrstest.LaunchOptions{Package: "c", ReturnURL: s.URL + lrstest.ReturnPath})
	if err != nil {
		t.Fatal(err)
	}
	q := launchParams(t, l)
	if q.Get("lang") != "en" || q.Get("endpoint") != s.URL+"/xapi/" || q.Get("registration") != l.Registration ||
		q.Get("activityId") != l.ActivityID || q.Get("actor") != l.Actor.JSON() || !strings.HasPrefix(q.Get("fetch"), s.URL+"/lms/fetch/") {
		t.Errorf("launch URL %s", l.URL)
	}
	if l.ActivityID == l.PublisherID || l.PublisherID != "https://example.test/au/1" {
		t.Errorf("activityId %s, publisher id %s: the LMS makes its own activity id", l.ActivityID, l.PublisherID)
	}
	if status, body := call(t, "GET", l.URL, "", ""); status != 200 || !strings.Contains(body, "<title>one</title>") {
		t.Errorf("GET the AU: %d %q", status, body)
	}

	status, body := call(t, "GET", stateURL(s, l, "LMS.LaunchData"), l.Token, "")
	var ld lrstest.LaunchData
	if err := json.Unmarshal([]byte(body), &ld); status != 200 || err != nil {
		t.Fatalf("LaunchData: %d %s", status, body)
	}
	if ld.LaunchMode != "Normal" || ld.MoveOn != "CompletedAndPassed" || ld.MasteryScore == nil || *ld.MasteryScore != 0.8 ||
		ld.ReturnURL != s.URL+lrstest.ReturnPath || ld.ContextTemplate.Extensions[lrstest.ExtSessionID] != l.SessionID ||
		len(ld.ContextTemplate.ContextActivities.Grouping) != 1 || ld.ContextTemplate.ContextActivities.Grouping[0].ID != l.PublisherID {
		t.Errorf("LaunchData %s", body)
	}

	ms := 0.5
	second, err := s.Launch(lrstest.LaunchOptions{Package: "c", AU: "https://example.test/au/2", MasteryScore: &ms, LaunchMode: "Browse"})
	if err != nil {
		t.Fatal(err)
	}
	if second.LaunchData.MoveOn != "Completed" || *second.LaunchData.MasteryScore != 0.5 || second.LaunchData.LaunchMode != "Browse" ||
		second.SessionID == l.SessionID || second.Token == l.Token {
		t.Errorf("second launch %+v", second.LaunchData)
	}
	if _, err := s.Launch(lrstest.LaunchOptions{Package: "c", AU: "nope"}); err == nil {
		t.Error("launched an AU the course lacks")
	}
}

func TestFetchHandsOutTheTokenOnce(t *testing.T) {
	s := mounted(t)
	l, err := s.Launch(lrstest.LaunchOptions{Package: "c"})
	if err != nil {
		t.Fatal(err)
	}
	fetch := launchParams(t, l).Get("fetch")
	steps := []struct {
		method, want string
	}{
		{"GET", `"error-code":"3"`},
		{"POST", `"auth-token":"` + l.Token + `"`},
		{"POST", `"error-code":"1"`},
	}
	for _, st := range steps {
		if status, body := call(t, st.method, fetch, "", ""); status != 200 || !strings.Contains(body, st.want) {
			t.Errorf("%s fetch: %d %s, want %s", st.method, status, body, st.want)
		}
	}
	if posts, other := l.FetchPosts(); posts != 2 || other != 1 {
		t.Errorf("counted %d POSTs and %d others", posts, other)
	}
	if status, _ := call(t, "POST", s.URL+"/lms/fetch/unknown", "", ""); status != 404 {
		t.Errorf("unknown fetch URL: %d", status)
	}
}

func TestXAPIRefusesWhatCMI5Forbids(t *testing.T) {
	s := mounted(t)
	l, err := s.Launch(lrstest.LaunchOptions{Package: "c"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, method, url, auth, version string
		want                             int
	}{
		{"NoToken", "GET", stateURL(s, l, "LMS.LaunchData"), "", "1.0.3", 401},
		{"UnknownToken", "GET", stateURL(s, l, "LMS.LaunchData"), "Basic other", "1.0.3", 401},
		{"NotBasic", "GET", stateURL(s, l, "LMS.LaunchData"), "Bearer " + l.Token, "1.0.3", 401},
		{"NoVersion", "GET", stateURL(s, l, "LMS.LaunchData"), "Basic " + l.Token, "", 400},
		{"WriteLaunchData", "PUT", stateURL(s, l, "LMS.LaunchData"), "Basic " + l.Token, "1.0.3", 403},
		{"GetStatements", "GET", s.URL + "/xapi/statements", "Basic " + l.Token, "1.0.3", 405},
		{"NoAgent", "GET", s.URL + "/xapi/activities/state?stateId=x&activityId=a", "Basic " + l.Token, "1.0.3", 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(tt.method, tt.url, strings.NewReader("{}"))
			req.Header.Set("Authorization", tt.auth)
			req.Header.Set("X-Experience-API-Version", tt.version)
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != tt.want {
				t.Errorf("status %d, want %d", res.StatusCode, tt.want)
			}
		})
	}
	reqs := s.Requests()
	if last := reqs[len(reqs)-1]; last.Status != 400 || last.Token != l.Token || last.Version != "1.0.3" {
		t.Errorf("last request recorded as %+v", last)
	}
}

func TestStatementsAndDocuments(t *testing.T) {
	s := mounted(t)
	l, err := s.Launch(lrstest.LaunchOptions{Package: "c"})
	if err != nil {
		t.Fatal(err)
	}
	stmt := func(verb string) string {
		return `{"actor":` + l.Actor.JSON() + `,"verb":{"id":"` + lrstest.VerbPrefix + verb + `"},"object":{"id":"` + l.ActivityID +
			`"},"context":{"registration":"` + l.Registration + `","extensions":{"` + lrstest.ExtSessionID + `":"` + l.SessionID +
			`"},"contextActivities":{"category":[{"id":"` + lrstest.CategoryCMI5 + `"}]}}}`
	}
	if status, body := call(t, "POST", s.URL+"/xapi/statements", l.Token, "["+stmt("initialized")+","+stmt("completed")+"]"); status != 200 || strings.Count(body, "-") != 8 {
		t.Errorf("POST statements: %d %s, want two ids", status, body)
	}
	if status, _ := call(t, "PUT", s.URL+"/xapi/statements?statementId=5e1b7a4c-0000-4000-8000-000000000001", l.Token, stmt("terminated")); status != 204 {
		t.Errorf("PUT statement: %d", status)
	}
	got := l.Statements()
	if v := lrstest.Verbs(lrstest.CMI5Defined(got)); strings.Join(v, ",") != "initialized,completed,terminated" || got[2].ID != "5e1b7a4c-0000-4000-8000-000000000001" {
		t.Errorf("stored %q, last id %s", v, got[2].ID)
	}

	steps := []struct {
		method, state, body string
		want                int
		wantBody            string
	}{
		{"GET", "stacklet.suspend", "", 404, ""},
		{"PUT", "stacklet.suspend", `{"d":"1"}`, 204, ""},
		{"POST", "stacklet.suspend", `{"l":"b2"}`, 204, ""},
		{"GET", "stacklet.suspend", "", 200, `{"d":"1","l":"b2"}`},
		{"POST", "stacklet.suspend", `[1]`, 400, ""},
		{"GET", "", "", 200, `["LMS.LaunchData","stacklet.suspend"]`},
		{"DELETE", "stacklet.suspend", "", 204, ""},
		{"GET", "stacklet.suspend", "", 404, ""},
	}
	for _, st := range steps {
		status, body := call(t, st.method, stateURL(s, l, st.state), l.Token, st.body)
		if status != st.want || (st.wantBody != "" && strings.TrimSpace(body) != st.wantBody) {
			t.Errorf("%s state %q: %d %s, want %d %s", st.method, st.state, status, body, st.want, st.wantBody)
		}
	}
	if _, ok := l.State("LMS.LaunchData"); !ok {
		t.Error("LaunchData is gone")
	}

	profile := s.URL + "/xapi/agents/profile?" + url.Values{"agent": {l.Actor.JSON()}, "profileId": {"cmi5LearnerPreferences"}}.Encode()
	if status, _ := call(t, "GET", profile, l.Token, ""); status != 404 {
		t.Errorf("absent learner preferences: %d", status)
	}
	call(t, "PUT", profile, l.Token, `{"languagePreference":"en"}`)
	if status, body := call(t, "GET", profile, l.Token, ""); status != 200 || body != `{"languagePreference":"en"}` {
		t.Errorf("learner preferences: %d %s", status, body)
	}
}

// TestStatementsSentTwiceAreKeptOnce: an AU may send a statement again when
// it cannot know whether the first POST arrived; the LRS keeps one copy, and
// refuses a different statement under a stored id.
func TestStatementsSentTwiceAreKeptOnce(t *testing.T) {
	s := mounted(t)
	l, err := s.Launch(lrstest.LaunchOptions{Package: "c"})
	if err != nil {
		t.Fatal(err)
	}
	stmt := func(id, verb string) string {
		return `{"id":"` + id + `","actor":` + l.Actor.JSON() + `,"verb":{"id":"` + lrstest.VerbPrefix + verb +
			`"},"object":{"id":"` + l.ActivityID + `"},"context":{"registration":"` + l.Registration + `"}}`
	}
	const a, b = "5e1b7a4c-0000-4000-8000-00000000000a", "5e1b7a4c-0000-4000-8000-00000000000b"
	steps := []struct {
		name, body string
		want       int
		wantVerbs  string
	}{
		{"first", "[" + stmt(a, "completed") + "]", 200, "completed"},
		{"again with the next one", "[" + stmt(a, "completed") + "," + stmt(b, "terminated") + "]", 200, "completed,terminated"},
		{"other content under a stored id", "[" + stmt(a, "passed") + "]", 409, "completed,terminated"},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			if status, body := call(t, "POST", s.URL+"/xapi/statements", l.Token, st.body); status != st.want {
				t.Errorf("POST: %d %s, want %d", status, body, st.want)
			}
			if v := strings.Join(lrstest.Verbs(s.Statements()), ","); v != st.wantVerbs {
				t.Errorf("stored %s, want %s", v, st.wantVerbs)
			}
		})
	}
}

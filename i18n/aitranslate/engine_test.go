package aitranslate

import (
	"context"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/stacklet/stacklet/authoring"
)

func TestBatchesCarryGlossaryContextAndIDs(t *testing.T) {
	fake, srv := newFake(t, nil)
	e, _ := testEngine(t, srv, Config{BatchSegments: 2})
	req := request(
		Segment{ID: "a", Source: "Lift with your knees.", Note: "tip", Module: "m1"},
		Segment{ID: "b", Source: "Report to the Safety Officer.", Module: "m1"},
		Segment{ID: "c", Source: "Open {1}Stacklet{/1} now.", Module: "m2"},
	)
	req.Modules = map[string]string{"m1": "Manual handling", "m2": "Getting started", "m3": "unused"}
	req.Glossary = []Term{
		{Source: "safety officer", Target: "responsable de seguridad"},
		{Source: "Stacklet", DoNotTranslate: true},
		{Source: "forklift", Target: "carretilla"},
	}
	req.Style = Style{Formality: "formal", Audience: "warehouse staff"}
	rep, err := e.Translate(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	in := fake.inputs(t)
	if len(in) != 2 {
		t.Fatalf("%d requests, want 2 batches of at most 2", len(in))
	}
	byFirst := map[string]promptInput{}
	for _, x := range in {
		byFirst[x.Segments[0].ID] = x
	}
	first, second := byFirst["a"], byFirst["c"]
	wantFirst := promptInput{
		SourceLocale: "en", TargetLocale: "es",
		Modules:  map[string]string{"m1": "Manual handling"},
		Style:    "Use a formal register: polite forms of address. The readers are warehouse staff.",
		Glossary: []promptTerm{{Term: "safety officer", Translation: "responsable de seguridad"}},
		Segments: []promptSegment{{"a", "Lift with your knees.", "tip"}, {"b", "Report to the Safety Officer.", ""}},
	}
	if !reflect.DeepEqual(first, wantFirst) {
		t.Errorf("first batch:\n got %+v\nwant %+v", first, wantFirst)
	}
	if want := []promptTerm{{Term: "Stacklet", DoNotTranslate: true}}; !reflect.DeepEqual(second.Glossary, want) {
		t.Errorf("second batch glossary = %+v, want %+v", second.Glossary, want)
	}
	for _, r := range fake.requests() {
		if r.Model != "test-model" || r.ResponseFormat == nil || r.ResponseFormat.Type != openai.ChatCompletionResponseFormatTypeJSONObject {
			t.Errorf("request model %q format %+v: want test-model with json_object", r.Model, r.ResponseFormat)
		}
		if !strings.Contains(r.Messages[0].Content, "Spanish (es)") {
			t.Errorf("system prompt does not name the target language: %s", r.Messages[0].Content)
		}
	}
	if got := outcomes(rep); got != "a=machine/ b=machine/ c=machine/" {
		t.Errorf("outcomes %s", got)
	}
	if rep.Results[2].Target != "ES:Open {1}Stacklet{/1} now." || rep.Model != "test-model" {
		t.Errorf("result %+v from %q", rep.Results[2], rep.Model)
	}
	want := Tally{Requests: 2, PromptTokens: 200, CompletionTokens: 80, Segments: map[Outcome]int{Machine: 3}}
	if !reflect.DeepEqual(rep.Tally, want) {
		t.Errorf("tally %+v, want %+v", rep.Tally, want)
	}
}

func TestBadReplyItemsStayUntranslated(t *testing.T) {
	reply := `{"translations": {
		"ok": "Hola {1}mundo{/1}",
		"broken": "Adiós {1}mundo",
		"script": "Pulse <script>alert(1)</script> aquí",
		"js": "Vea javascript:alert(1)",
		"number": 42,
		"blank": "  ",
		"bell": "Hola\u0007",
		"invented": "¿qué?"
	}}`
	_, srv := newFake(t, func(int, promptInput, *http.Request) (int, http.Header, string) {
		return http.StatusOK, nil, reply
	})
	e, _ := testEngine(t, srv, Config{})
	rep, err := e.Translate(context.Background(), request(
		Segment{ID: "ok", Source: "Hello {1}world{/1}"},
		Segment{ID: "missing", Source: "Thanks"},
		Segment{ID: "broken", Source: "Bye {1}world{/1}"},
		Segment{ID: "script", Source: "Press here"},
		Segment{ID: "js", Source: "See the page"},
		Segment{ID: "number", Source: "Forty-two"},
		Segment{ID: "blank", Source: "Hello"},
		Segment{ID: "bell", Source: "Hello"},
	))
	if err != nil {
		t.Fatal(err)
	}
	want := "ok=machine/ missing=missing/not_found broken=rejected/invalid script=rejected/invalid js=rejected/invalid number=rejected/invalid blank=rejected/invalid bell=rejected/invalid"
	if got := outcomes(rep); got != want {
		t.Errorf("outcomes\n got %s\nwant %s", got, want)
	}
	wantRules := map[string]Rule{"broken": RulePlaceholders, "script": RuleMarkup, "js": RuleMarkup,
		"number": RuleNotText, "blank": RuleEmpty, "bell": RuleControl}
	for _, r := range rep.Results {
		if r.Rule != wantRules[r.ID] {
			t.Errorf("%s broke rule %q, want %q", r.ID, r.Rule, wantRules[r.ID])
		}
	}
	if rep.Results[0].Target != "Hola {1}mundo{/1}" {
		t.Errorf("applied target %q", rep.Results[0].Target)
	}
	for _, r := range rep.Results[1:] {
		if r.Target != "" {
			t.Errorf("%s kept target %q", r.ID, r.Target)
		}
	}
	if !reflect.DeepEqual(rep.Unknown, []string{"invented"}) || rep.Tally.UnknownIDs != 1 {
		t.Errorf("unknown ids %v (%d)", rep.Unknown, rep.Tally.UnknownIDs)
	}
}

func TestRetries(t *testing.T) {
	later := testClock.Add(7 * time.Second).Format(http.TimeFormat)
	tests := []struct {
		name     string
		status   int
		header   http.Header
		wantWait time.Duration
	}{
		{"RateLimitRetryAfterSeconds", http.StatusTooManyRequests, http.Header{"Retry-After": {"3"}}, 3 * time.Second},
		{"RateLimitRetryAfterDate", http.StatusTooManyRequests, http.Header{"Retry-After": {later}}, 7 * time.Second},
		{"RateLimitRetryAfterMs", http.StatusTooManyRequests, http.Header{"Retry-After": {"2"}, "Retry-After-Ms": {"1250"}}, 1250 * time.Millisecond},
		{"RateLimitRetryAfterMsNonsense", http.StatusTooManyRequests, http.Header{"Retry-After": {"2"}, "Retry-After-Ms": {"soon"}}, 2 * time.Second},
		{"RateLimitNoHeader", http.StatusTooManyRequests, nil, backoffBase / 2},
		{"ServerError", http.StatusInternalServerError, nil, backoffBase / 2},
		{"BadGateway", http.StatusBadGateway, nil, backoffBase / 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake, srv := newFake(t, func(call int, in promptInput, _ *http.Request) (int, http.Header, string) {
				if call == 1 {
					return tt.status, tt.header, apiError("try later")
				}
				return http.StatusOK, nil, echoReply(in)
			})
			e, waits := testEngine(t, srv, Config{})
			rep, err := e.Translate(context.Background(), request(segs(3)...))
			if err != nil {
				t.Fatal(err)
			}
			if rep.Tally.Segments[Machine] != 3 || rep.Tally.Requests != 2 || rep.Tally.Retries != 1 || len(fake.requests()) != 2 {
				t.Errorf("tally %+v after %d requests", rep.Tally, len(fake.requests()))
			}
			if !reflect.DeepEqual(*waits, []time.Duration{tt.wantWait}) {
				t.Errorf("waited %v, want [%v]", *waits, tt.wantWait)
			}
		})
	}
}

func TestBackoffGrowsWithJitterAndGivesUp(t *testing.T) {
	fake, srv := newFake(t, func(int, promptInput, *http.Request) (int, http.Header, string) {
		return http.StatusServiceUnavailable, nil, apiError("overloaded")
	})
	e, waits := testEngine(t, srv, Config{MaxRetries: 3})
	e.jitter = func() float64 { return 1 }
	rep, err := e.Translate(context.Background(), request(segs(2)...))
	if err != nil {
		t.Fatalf("a batch that keeps failing must not stop the run: %v", err)
	}
	want := []time.Duration{backoffBase, 2 * backoffBase, 4 * backoffBase}
	if !reflect.DeepEqual(*waits, want) {
		t.Errorf("waits %v, want %v", *waits, want)
	}
	if len(fake.requests()) != 4 || rep.Tally.Retries != 3 {
		t.Errorf("%d requests, %d retries; want 4 and 3", len(fake.requests()), rep.Tally.Retries)
	}
	if got := outcomes(rep); got != "s01=failed/internal s02=failed/internal" {
		t.Errorf("outcomes %s", got)
	}
}

func TestRetryAfterBeyondMaxWaitGivesUp(t *testing.T) {
	fake, srv := newFake(t, func(int, promptInput, *http.Request) (int, http.Header, string) {
		return http.StatusTooManyRequests, http.Header{"Retry-After": {"3600"}}, apiError("quota")
	})
	e, waits := testEngine(t, srv, Config{})
	rep, _ := e.Translate(context.Background(), request(segs(1)...))
	if len(fake.requests()) != 1 || len(*waits) != 0 || rep.Results[0].Outcome != Failed {
		t.Errorf("%d requests, waits %v, result %+v", len(fake.requests()), *waits, rep.Results[0])
	}
}

func TestTimeoutIsRetried(t *testing.T) {
	_, srv := newFake(t, func(call int, in promptInput, r *http.Request) (int, http.Header, string) {
		if call == 1 {
			<-r.Context().Done() // hang until the client gives up
		}
		return http.StatusOK, nil, echoReply(in)
	})
	e, _ := testEngine(t, srv, Config{RequestTimeout: 100 * time.Millisecond})
	rep, err := e.Translate(context.Background(), request(segs(2)...))
	if err != nil || rep.Tally.Retries != 1 || rep.Tally.Segments[Machine] != 2 {
		t.Fatalf("err %v, tally %+v", err, rep.Tally)
	}
}

func TestFatalErrorsStopTheRun(t *testing.T) {
	tests := []struct {
		name   string
		status int
		code   string
	}{
		{"Unauthorized", http.StatusUnauthorized, authoring.EINVALID},
		{"Forbidden", http.StatusForbidden, authoring.EINVALID},
		{"UnknownModel", http.StatusNotFound, authoring.ENOTFOUND},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake, srv := newFake(t, func(int, promptInput, *http.Request) (int, http.Header, string) {
				return tt.status, nil, apiError("no")
			})
			e, _ := testEngine(t, srv, Config{BatchSegments: 1, Concurrency: 1})
			rep, err := e.Translate(context.Background(), request(segs(3)...))
			if authoring.ErrorCode(err) != tt.code {
				t.Fatalf("error %v (%s), want code %s", err, authoring.ErrorCode(err), tt.code)
			}
			if len(fake.requests()) != 1 {
				t.Errorf("%d requests after a fatal answer, want 1", len(fake.requests()))
			}
			want := "s01=failed/" + tt.code + " s02=failed/" + tt.code + " s03=failed/" + tt.code
			if got := outcomes(rep); got != want {
				t.Errorf("outcomes %s, want %s", got, want)
			}
		})
	}
}

func TestUnreachableEndpointStopsAfterRetries(t *testing.T) {
	_, srv := newFake(t, nil)
	e, waits := testEngine(t, srv, Config{MaxRetries: 2})
	srv.Close()
	rep, err := e.Translate(context.Background(), request(segs(2)...))
	if authoring.ErrorCode(err) != authoring.EINVALID || len(*waits) != 2 || rep.Tally.Requests != 3 {
		t.Fatalf("err %v, waits %v, tally %+v", err, *waits, rep.Tally)
	}
}

func TestCancelKeepsFinishedWork(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	fake, srv := newFake(t, func(call int, in promptInput, r *http.Request) (int, http.Header, string) {
		if call == 2 {
			cancel()
			<-r.Context().Done()
		}
		return http.StatusOK, nil, echoReply(in)
	})
	e, _ := testEngine(t, srv, Config{BatchSegments: 1, Concurrency: 1})
	rep, err := e.Translate(ctx, request(segs(3)...))
	if authoring.ErrorCode(err) != authoring.ECANCELED {
		t.Fatalf("error %v, want canceled", err)
	}
	if got := outcomes(rep); got != "s01=machine/ s02=canceled/canceled s03=canceled/canceled" {
		t.Errorf("outcomes %s", got)
	}
	if rep.Results[0].Target != "ES:Sentence number 1." || len(fake.requests()) != 2 {
		t.Errorf("kept %+v after %d requests", rep.Results[0], len(fake.requests()))
	}
}

func TestMemoryAnsweredSegmentsAreNotSent(t *testing.T) {
	memory := map[string]string{"Sentence number 1.": "Frase número 1.", "Sentence number 3.": "Frase número 3."}
	lookup := func(s Segment) (string, bool) { t, ok := memory[s.Source]; return t, ok }
	t.Run("AllKnown", func(t *testing.T) {
		fake, srv := newFake(t, nil)
		e, _ := testEngine(t, srv, Config{})
		req := request(segs(3)[0], segs(3)[2])
		req.Memory = lookup
		rep, err := e.Translate(context.Background(), req)
		if err != nil || len(fake.requests()) != 0 || rep.Tally.Requests != 0 {
			t.Fatalf("err %v, %d requests", err, len(fake.requests()))
		}
		if got := outcomes(rep); got != "s01=memory/ s03=memory/" || rep.Results[1].Target != "Frase número 3." {
			t.Errorf("outcomes %s, %+v", got, rep.Results)
		}
	})
	t.Run("SomeKnown", func(t *testing.T) {
		fake, srv := newFake(t, nil)
		e, _ := testEngine(t, srv, Config{})
		req := request(segs(3)...)
		req.Memory = lookup
		rep, _ := e.Translate(context.Background(), req)
		in := fake.inputs(t)
		if len(in) != 1 || len(in[0].Segments) != 1 || in[0].Segments[0].ID != "s02" {
			t.Fatalf("sent %+v, want only s02", in)
		}
		if got := outcomes(rep); got != "s01=memory/ s02=machine/ s03=memory/" {
			t.Errorf("outcomes %s", got)
		}
	})
}

func TestMalformedRepliesFailEachSegment(t *testing.T) {
	tests := []struct{ name, content string }{
		{"Prose", "Sorry, I cannot help with that."},
		{"Truncated", `{"translations": {"s01": "Frase`},
		{"NumbersList", `[1, 2]`},
		{"TranslationsNotAnObject", `{"translations": "none"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake, srv := newFake(t, func(int, promptInput, *http.Request) (int, http.Header, string) {
				return http.StatusOK, nil, tt.content
			})
			e, _ := testEngine(t, srv, Config{})
			rep, err := e.Translate(context.Background(), request(segs(2)...))
			if err != nil {
				t.Fatal(err)
			}
			if got := outcomes(rep); got != "s01=failed/corrupt s02=failed/corrupt" {
				t.Errorf("outcomes %s", got)
			}
			if msg := authoring.ErrorMessage(rep.Results[0].Err); !strings.Contains(msg, "could not be read") {
				t.Errorf("message %q does not say the reply was unreadable", msg)
			}
			if len(fake.requests()) != 1 {
				t.Errorf("%d requests: a malformed reply is not retried", len(fake.requests()))
			}
		})
	}
}

func TestServerWithoutJSONModeFallsBackToPrompt(t *testing.T) {
	fake, srv := newFake(t, func(_ int, in promptInput, r *http.Request) (int, http.Header, string) {
		return http.StatusOK, nil, echoReply(in)
	})
	fake.answer = func(call int, in promptInput, _ *http.Request) (int, http.Header, string) {
		if fake.requests()[call-1].ResponseFormat != nil {
			return http.StatusBadRequest, nil, apiError("unknown parameter: response_format")
		}
		return http.StatusOK, nil, echoReply(in)
	}
	e, waits := testEngine(t, srv, Config{BatchSegments: 1, Concurrency: 1})
	rep, err := e.Translate(context.Background(), request(segs(3)...))
	if err != nil || rep.Tally.Segments[Machine] != 3 {
		t.Fatalf("err %v, tally %+v", err, rep.Tally)
	}
	if len(fake.requests()) != 4 || !reflect.DeepEqual(*waits, []time.Duration{0}) {
		t.Errorf("%d requests, waits %v: want one refused, then three without response_format", len(fake.requests()), *waits)
	}
}

func TestJSONSchemaFormatNamesTheBatchIDs(t *testing.T) {
	fake, srv := newFake(t, nil)
	e, _ := testEngine(t, srv, Config{ResponseFormat: "json_schema"})
	if _, err := e.Translate(context.Background(), request(segs(2)...)); err != nil {
		t.Fatal(err)
	}
	f := fake.requests()[0].ResponseFormat
	if f == nil || f.Type != openai.ChatCompletionResponseFormatTypeJSONSchema || f.JSONSchema == nil || !f.JSONSchema.Strict {
		t.Fatalf("response format %+v", f)
	}
	schema, _ := f.JSONSchema.Schema.MarshalJSON()
	if !strings.Contains(string(schema), `"required":["s01","s02"]`) {
		t.Errorf("schema %s does not require the batch ids", schema)
	}
}

func TestProgressPerLocale(t *testing.T) {
	_, srv := newFake(t, nil)
	e, _ := testEngine(t, srv, Config{BatchSegments: 2, Concurrency: 1})
	var got []Progress
	req := request(segs(5)...)
	req.TargetLocale = "fr"
	req.Progress = func(p Progress) { got = append(got, p) }
	if _, err := e.Translate(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	want := []Progress{{"fr", 0, 5}, {"fr", 2, 5}, {"fr", 4, 5}, {"fr", 5, 5}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("progress %v, want %v", got, want)
	}
}

func TestPseudoWhenNothingConfigured(t *testing.T) {
	e, err := New(Config{}.FromEnv(func(string) string { return "" }))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := e.Translate(context.Background(), request(
		Segment{ID: "a", Source: "Save {1}now{/1}"}, Segment{ID: "b", Source: " "},
	))
	if err != nil {
		t.Fatal(err)
	}
	if e.Model() != PseudoModel || rep.Results[0].Target != "[!! Šàṽé {1}ñöŵ{/1} !!]" || rep.Tally.Requests != 0 {
		t.Errorf("model %q, results %+v, tally %+v", e.Model(), rep.Results, rep.Tally)
	}
	if got := outcomes(rep); got != "a=machine/ b=skipped/invalid" {
		t.Errorf("outcomes %s", got)
	}
}

func TestBadRequests(t *testing.T) {
	e, _ := New(Config{})
	tests := []struct {
		name string
		segs []Segment
	}{
		{"EmptyID", []Segment{{Source: "x"}}},
		{"DuplicateID", []Segment{{ID: "a", Source: "x"}, {ID: "a", Source: "y"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := e.Translate(context.Background(), request(tt.segs...)); authoring.ErrorCode(err) != authoring.EINVALID {
				t.Errorf("error %v, want invalid", err)
			}
		})
	}
}

func TestPlanSendsNothing(t *testing.T) {
	fake, srv := newFake(t, nil)
	e, _ := testEngine(t, srv, Config{BatchSegments: 2})
	req := request(append(segs(5), Segment{ID: "blank", Source: ""})...)
	req.Memory = func(s Segment) (string, bool) { return "Frase 1.", s.ID == "s01" }
	req.Glossary = []Term{{Source: "sentence", Target: "frase"}}
	plan, err := e.Plan(req)
	if err != nil {
		t.Fatal(err)
	}
	if len(fake.requests()) != 0 {
		t.Fatalf("a plan sent %d requests", len(fake.requests()))
	}
	if plan.Memory != 1 || plan.Skipped != 1 || len(plan.Requests) != 2 || plan.Model != "test-model" {
		t.Fatalf("plan %+v", plan)
	}
	first := plan.Requests[0]
	if !reflect.DeepEqual(first.IDs, []string{"s02", "s03"}) || first.Terms != 1 || first.Chars != 36 || !strings.Contains(first.User, `"id":"s02"`) {
		t.Errorf("first request %+v", first)
	}
}

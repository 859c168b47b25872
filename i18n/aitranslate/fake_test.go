package aitranslate

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/stacklet/stacklet/authoring"
)

// fakeLLM is a local server speaking the chat completions API: it decodes
// the real request JSON and answers in the real response shape.
type fakeLLM struct {
	mu    sync.Mutex
	calls []openai.ChatCompletionRequest
	// answer returns the HTTP status, extra headers and the reply content
	// (status 200) or error body; nil answers every segment with "ES:"+text.
	answer func(call int, in promptInput, r *http.Request) (int, http.Header, string)
}

func newFake(t testing.TB, answer func(call int, in promptInput, r *http.Request) (int, http.Header, string)) (*fakeLLM, *httptest.Server) {
	f := &fakeLLM{answer: answer}
	srv := httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(srv.Close)
	return f, srv
}

func (f *fakeLLM) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/v1/chat/completions" || r.Method != http.MethodPost {
		http.Error(w, `{"error":{"message":"no such route"}}`, http.StatusNotFound)
		return
	}
	var req openai.ChatCompletionRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, `{"error":{"message":"bad json"}}`, http.StatusBadRequest)
		return
	}
	var in promptInput
	if len(req.Messages) != 2 || json.Unmarshal([]byte(req.Messages[1].Content), &in) != nil {
		http.Error(w, `{"error":{"message":"want a system and a JSON user message"}}`, http.StatusBadRequest)
		return
	}
	f.mu.Lock()
	f.calls = append(f.calls, req)
	call := len(f.calls)
	f.mu.Unlock()
	status, header, content := http.StatusOK, http.Header(nil), echoReply(in)
	if f.answer != nil {
		status, header, content = f.answer(call, in, r)
	}
	for k, v := range header {
		w.Header()[k] = v
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if status != http.StatusOK {
		fmt.Fprint(w, content)
		return
	}
	json.NewEncoder(w).Encode(completion(req.Model, content))
}

func (f *fakeLLM) requests() []openai.ChatCompletionRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]openai.ChatCompletionRequest(nil), f.calls...)
}

// inputs decodes the user message of every request received.
func (f *fakeLLM) inputs(t testing.TB) []promptInput {
	t.Helper()
	var out []promptInput
	for _, req := range f.requests() {
		var in promptInput
		if err := json.Unmarshal([]byte(req.Messages[1].Content), &in); err != nil {
			t.Fatal(err)
		}
		out = append(out, in)
	}
	return out
}

func completion(model, content string) openai.ChatCompletionResponse {
	return openai.ChatCompletionResponse{
		ID: "chatcmpl-test", Object: "chat.completion", Created: 1, Model: model,
		Choices: []openai.ChatCompletionChoice{{
			Index:        0,
			Message:      openai.ChatCompletionMessage{Role: openai.ChatMessageRoleAssistant, Content: content},
			FinishReason: openai.FinishReasonStop,
		}},
		Usage: openai.Usage{PromptTokens: 100, CompletionTokens: 40, TotalTokens: 140},
	}
}

// echoReply translates every segment as "ES:" + its text.
func echoReply(in promptInput) string {
	return replyJSON(in, func(s promptSegment) string { return "ES:" + s.Text })
}

func replyJSON(in promptInput, tr func(promptSegment) string) string {
	m := map[string]string{}
	for _, s := range in.Segments {
		m[s.ID] = tr(s)
	}
	data, _ := json.Marshal(map[string]any{"translations": m})
	return string(data)
}

func apiError(msg string) string {
	data, _ := json.Marshal(map[string]any{"error": map[string]string{"message": msg, "type": "test"}})
	return string(data)
}

// testClock is the fixed time tests run at.
var testClock = time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)

// testEngine returns an engine for srv whose waits are recorded, not slept.
func testEngine(t testing.TB, srv *httptest.Server, cfg Config) (*Engine, *[]time.Duration) {
	t.Helper()
	cfg.BaseURL, cfg.Model, cfg.APIKey = srv.URL+"/v1", "test-model", "sk-test"
	e, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	waits := &[]time.Duration{}
	e.now = func() time.Time { return testClock }
	e.jitter = func() float64 { return 0 }
	e.sleep = func(ctx context.Context, d time.Duration) error {
		mu.Lock()
		*waits = append(*waits, d)
		mu.Unlock()
		return ctx.Err()
	}
	return e, waits
}

func segs(n int) []Segment {
	out := make([]Segment, n)
	for i := range out {
		out[i] = Segment{ID: fmt.Sprintf("s%02d", i+1), Source: fmt.Sprintf("Sentence number %d.", i+1)}
	}
	return out
}

func request(ss ...Segment) Request {
	return Request{SourceLocale: "en", TargetLocale: "es", Segments: ss}
}

// outcomes lists each result as "id=outcome/code" for compact comparison.
func outcomes(rep *Report) string {
	var parts []string
	for _, r := range rep.Results {
		parts = append(parts, fmt.Sprintf("%s=%s/%s", r.ID, r.Outcome, authoring.ErrorCode(r.Err)))
	}
	return strings.Join(parts, " ")
}

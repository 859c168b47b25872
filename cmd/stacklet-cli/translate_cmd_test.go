package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	openai "github.com/sashabaranov/go-openai"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/authoring/sqlite"
	"github.com/stacklet/stacklet/i18n/aitranslate"
)

// fakeOpenAI answers chat completions in the real response shape,
// translating every segment of the request as "ES:" + its text, except
// those whose text contains poison, which come back with a script tag.
type fakeOpenAI struct {
	mu       sync.Mutex
	requests int
	poison   string
	styles   []string // the style note of each request
}

func (f *fakeOpenAI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var req openai.ChatCompletionRequest
	var in struct {
		Segments []struct{ ID, Text string } `json:"segments"`
		Style    string                      `json:"style"`
	}
	if json.NewDecoder(r.Body).Decode(&req) != nil || len(req.Messages) != 2 || json.Unmarshal([]byte(req.Messages[1].Content), &in) != nil {
		http.Error(w, `{"error":{"message":"bad request"}}`, http.StatusBadRequest)
		return
	}
	f.mu.Lock()
	f.requests++
	f.styles = append(f.styles, in.Style)
	f.mu.Unlock()
	out := map[string]string{}
	for _, s := range in.Segments {
		out[s.ID] = "ES:" + s.Text
		if f.poison != "" && strings.Contains(s.Text, f.poison) {
			out[s.ID] = s.Text + "<script>alert(1)</script>"
		}
	}
	content, _ := json.Marshal(map[string]any{"translations": out})
	json.NewEncoder(w).Encode(openai.ChatCompletionResponse{
		ID: "chatcmpl-1", Object: "chat.completion", Model: req.Model,
		Choices: []openai.ChatCompletionChoice{{Message: openai.ChatCompletionMessage{Role: "assistant", Content: string(content)}, FinishReason: "stop"}},
		Usage:   openai.Usage{PromptTokens: 10, CompletionTokens: 5, TotalTokens: 15},
	})
}

func (f *fakeOpenAI) styleNotes() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.styles)
}

func (f *fakeOpenAI) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.requests
}

// withFakeOpenAI points the OPENAI_* variables at a fake server.
func withFakeOpenAI(t *testing.T) *fakeOpenAI {
	t.Helper()
	f := &fakeOpenAI{}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	t.Setenv(aitranslate.EnvBaseURL, srv.URL+"/v1")
	t.Setenv(aitranslate.EnvModel, "test-model")
	t.Setenv(aitranslate.EnvAPIKey, "sk-test")
	return f
}

// withoutOpenAI clears the OPENAI_* variables: pseudo-localisation.
func withoutOpenAI(t *testing.T) {
	for _, k := range []string{aitranslate.EnvBaseURL, aitranslate.EnvModel, aitranslate.EnvAPIKey} {
		t.Setenv(k, "")
	}
}

// sampleProject imports the sample into a project file and removes the
// translations it ships with, so every segment starts untranslated.
func sampleProject(t *testing.T) string {
	t.Helper()
	proj := filepath.Join(t.TempDir(), "sample.stacklet")
	mustCLI(t, "import", "--sample", proj)
	ctx := context.Background()
	store, err := sqlite.Open(ctx, proj)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	b, err := store.LoadL10n(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for loc, tr := range b.Translations {
		var ids []string
		for id := range tr {
			ids = append(ids, id)
		}
		if err := store.DeleteTranslations(ctx, loc, ids...); err != nil {
			t.Fatal(err)
		}
	}
	return proj
}

// translations reads one locale's translations and segments from a project file.
func translations(t *testing.T, proj string, loc authoring.Locale) (l10n.Translations, []l10n.Segment) {
	t.Helper()
	ctx := context.Background()
	store, err := sqlite.Open(ctx, proj)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	p, err := store.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := store.Translations(ctx, loc)
	if err != nil {
		t.Fatal(err)
	}
	caps, err := l10n.LoadCaptions(ctx, p, store)
	if err != nil {
		t.Fatal(err)
	}
	return tr, l10n.ProjectSegments(p, caps)
}

func TestTranslateSecondRunMakesNoRequest(t *testing.T) {
	fake := withFakeOpenAI(t)
	proj := sampleProject(t)
	out := mustCLI(t, "translate", proj, "--locale", "es")
	first := fake.count()
	tr, segs := translations(t, proj, "es")
	if first == 0 || len(tr) != len(segs) {
		t.Fatalf("%d requests, %d of %d segments translated:\n%s", first, len(tr), len(segs), out)
	}
	for _, s := range segs {
		got := tr[s.ID]
		if got.State != l10n.Machine || got.By != "model:test-model" || got.Target != "ES:"+s.Source {
			t.Fatalf("segment %s saved as %+v", s.ID, got)
		}
	}
	if !strings.Contains(out, "machine ·") || !strings.Contains(out, "tokens · test-model") || !strings.Contains(out, "es now: 0 untranslated") {
		t.Errorf("summary lacks counts, tokens or state:\n%s", out)
	}
	out = mustCLI(t, "translate", proj, "--locale", "es")
	if fake.count() != first {
		t.Errorf("the second run sent %d requests:\n%s", fake.count()-first, out)
	}
}

func TestTranslateMemoryAnswersWithoutRequest(t *testing.T) {
	fake := withFakeOpenAI(t)
	proj := sampleProject(t)
	mustCLI(t, "translate", proj, "--locale", "es", "--module", "what-is-a-micro-credential")
	// An approved translation of the same text, filed under a segment that
	// no longer exists, stands in for the title's.
	ctx := context.Background()
	store, _ := sqlite.Open(ctx, proj)
	tr, _ := store.Translations(ctx, "es")
	title := tr["m:what-is-a-micro-credential/title"]
	if title.Target == "" {
		t.Fatalf("no title translation in %d", len(tr))
	}
	old := title
	old.ID, old.State = "m:gone/title", l10n.Approved
	if err := store.SaveTranslations(ctx, "es", []l10n.Translation{old}); err != nil {
		t.Fatal(err)
	}
	if err := store.DeleteTranslations(ctx, "es", title.ID); err != nil {
		t.Fatal(err)
	}
	store.Close()
	before := fake.count()
	out := mustCLI(t, "translate", proj, "--locale", "es", "--module", "what-is-a-micro-credential")
	if fake.count() != before || !strings.Contains(out, "1 memory") {
		t.Errorf("%d requests for a text the memory knows:\n%s", fake.count()-before, out)
	}
}

func TestTranslateDryRunSendsNothing(t *testing.T) {
	fake := withFakeOpenAI(t)
	proj := sampleProject(t)
	out := mustCLI(t, "translate", proj, "--locale", "es", "--dry-run", "-v")
	if fake.count() != 0 {
		t.Fatalf("a dry run sent %d requests", fake.count())
	}
	if !strings.Contains(out, "requests to test-model") || !strings.Contains(out, "request 1:") || !strings.Contains(out, `"segments":[{"id":"p/title"`) {
		t.Errorf("dry run output:\n%s", out)
	}
	if tr, _ := translations(t, proj, "es"); len(tr) != 0 {
		t.Errorf("a dry run saved %d translations", len(tr))
	}
}

func TestTranslateRejectedSegmentsStayUntranslated(t *testing.T) {
	fake := withFakeOpenAI(t)
	fake.poison = "Micro-credentials in 10 minutes"
	proj := sampleProject(t)
	out := mustCLI(t, "translate", proj, "--locale", "es")
	tr, segs := translations(t, proj, "es")
	if _, ok := tr["p/title"]; ok {
		t.Errorf("the poisoned title was saved: %+v", tr["p/title"])
	}
	if len(tr) != len(segs)-1 || !strings.Contains(out, "rejected p/title: the model added markup") {
		t.Errorf("%d of %d saved:\n%s", len(tr), len(segs), out)
	}
}

func TestTranslatePseudoOffline(t *testing.T) {
	withoutOpenAI(t)
	proj := sampleProject(t)
	mustCLI(t, "translate", proj, "--locale", "ar")
	tr, _ := translations(t, proj, "ar")
	got := tr["p/title"]
	if !strings.HasPrefix(got.Target, "[!! ") || got.State != l10n.Machine || got.By != "model:pseudo" {
		t.Errorf("pseudo title %+v", got)
	}
}

func TestTranslateDumpFolder(t *testing.T) {
	fake := withFakeOpenAI(t)
	dir := filepath.Join(t.TempDir(), "dump")
	mustCLI(t, "dump", "--sample", dir)
	if err := os.RemoveAll(filepath.Join(dir, "translations")); err != nil {
		t.Fatal(err)
	}
	mustCLI(t, "translate", dir, "--locale", "es", "--module", "issuing-and-verifying")
	first := fake.count()
	mustCLI(t, "translate", dir, "--locale", "es", "--module", "issuing-and-verifying")
	if first == 0 || fake.count() != first {
		t.Errorf("requests: %d, then %d more", first, fake.count()-first)
	}
	out := mustCLI(t, "xliff", "export", dir, "--locale", "es", "--module", "issuing-and-verifying")
	if !strings.Contains(out, `state-qualifier="mt-suggestion">ES:`) {
		t.Errorf("the dump folder did not keep the translations:\n%.500s", out)
	}
}

func TestTranslateErrors(t *testing.T) {
	withoutOpenAI(t)
	proj := sampleProject(t)
	tests := []struct {
		name string
		args []string
		exit int
	}{
		{"NotATargetLocale", []string{"translate", proj, "--locale", "fr"}, exitInvalid},
		{"BadLocale", []string{"translate", proj, "--locale", "e s"}, exitInvalid},
		{"UnknownModule", []string{"translate", proj, "--module", "nope"}, exitNotFound},
		{"SampleIsReadOnly", []string{"translate", "--sample", "--locale", "es"}, exitInvalid},
		{"NoModel", []string{"translate", proj}, exitInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "NoModel" {
				t.Setenv(aitranslate.EnvBaseURL, "http://127.0.0.1:9/v1")
			}
			if code, out, errOut := cli(t, tt.args...); code != tt.exit {
				t.Errorf("exit %d, want %d\n%s%s", code, tt.exit, out, errOut)
			}
		})
	}
}

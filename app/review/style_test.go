package review

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/i18n/aitranslate"
)

// heldModel is an OpenAI-compatible server that answers "ES " + source for
// every segment, once release is closed, and keeps each batch's style note.
type heldModel struct {
	release chan struct{}
	prompt  int // this many requests are answered at once, before release
	mu      sync.Mutex
	styles  []string
}

func newHeldModel(t *testing.T) (*heldModel, func() (*aitranslate.Engine, error)) {
	m := &heldModel{release: make(chan struct{})}
	srv := httptest.NewServer(http.HandlerFunc(m.serve))
	t.Cleanup(srv.Close)
	return m, func() (*aitranslate.Engine, error) {
		return aitranslate.New(aitranslate.Config{BaseURL: srv.URL, Model: "test-model", APIKey: "k", MaxRetries: -1})
	}
}

func (m *heldModel) serve(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Messages []struct{ Content string } `json:"messages"`
	}
	json.NewDecoder(r.Body).Decode(&body)
	var in struct {
		Segments []struct{ ID, Text string } `json:"segments"`
		Style    string                      `json:"style"`
	}
	json.Unmarshal([]byte(body.Messages[len(body.Messages)-1].Content), &in)
	m.mu.Lock()
	m.styles = append(m.styles, in.Style)
	held := len(m.styles) > m.prompt
	m.mu.Unlock()
	if held {
		select {
		case <-m.release:
		case <-r.Context().Done(): // the run was canceled
			return
		}
	}
	out := map[string]string{}
	for _, s := range in.Segments {
		out[s.ID] = "ES " + s.Text
	}
	content, _ := json.Marshal(map[string]any{"translations": out})
	json.NewEncoder(w).Encode(map[string]any{
		"id": "c1", "object": "chat.completion", "model": "test-model",
		"choices": []map[string]any{{"index": 0, "finish_reason": "stop",
			"message": map[string]string{"role": "assistant", "content": string(content)}}},
		"usage": map[string]int{"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
	})
}

func (m *heldModel) styleNotes() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]string(nil), m.styles...)
}

// TestStyleIsStoredAndSentWithRetranslate sets Spanish to formal for site
// managers in the style form: the project keeps it, a reopened language
// shows it, and the model gets it with the batch.
func TestStyleIsStoredAndSentWithRetranslate(t *testing.T) {
	model, engine := newHeldModel(t)
	close(model.release)
	f := newFixture(t, engine)
	v := f.open(t, "es")
	form := v.ShowStyle()
	if form.style().Formality != l10n.Informal {
		t.Errorf("the form does not show the sample's stored style: %+v", form.style())
	}
	form.formality.SetSelectedIndex(1)
	form.audience.SetText("")
	form.notes.SetText("")
	test.Type(form.audience, "site managers")
	f.shot(t, "review-style")
	form.dialog.Confirm()
	want := l10n.Style{Formality: l10n.Formal, Audience: "site managers"}
	if got, err := f.reopen(t).Style(ctx, "es"); err != nil || got != want {
		t.Fatalf("stored style %+v, %v; want %+v", got, err, want)
	}
	v = f.open(t, "es")
	if again := v.ShowStyle(); again.style() != want {
		t.Errorf("the reopened form shows %+v", again.style())
	}
	v.styleForm.dialog.Hide()
	v.setSelected(v.Rows()[0].seg.ID, true)
	v.startAI()
	waitAI(t, v)
	notes := model.styleNotes()
	if len(notes) != 1 || !strings.Contains(notes[0], "formal register") || !strings.Contains(notes[0], "site managers") {
		t.Errorf("style notes sent: %q", notes)
	}
}

// TestRetranslateKeepsWhatTheReviewerDidDuringTheRun approves one text and
// types in another while the model works: both keep the reviewer's
// version, the third gets the machine translation.
func TestRetranslateKeepsWhatTheReviewerDidDuringTheRun(t *testing.T) {
	model, engine := newHeldModel(t)
	f := newFixture(t, engine)
	v := f.open(t, "es")
	v.SetFilter(FilterAll)
	rows := v.Rows()[:3]
	for _, r := range rows {
		v.setSelected(r.seg.ID, true)
	}
	v.startAI()

	rows[0].entry.SetText("Aprobado a mano")
	if !v.approve(rows[0]) {
		t.Fatal("approve refused")
	}
	rows[2].entry.SetText("Escribiendo todavía")
	typing := f.stored(t, "es")[rows[2].seg.ID]
	close(model.release)
	waitAI(t, v)

	stored := f.stored(t, "es")
	if got := stored[rows[0].seg.ID]; got.State != l10n.Approved || got.Target != "Aprobado a mano" {
		t.Errorf("approved text stored as %+v", got)
	}
	if got := stored[rows[1].seg.ID]; got.State != l10n.Machine || got.Target != "ES "+rows[1].seg.Source {
		t.Errorf("untouched text stored as %+v", got)
	}
	if got := stored[rows[2].seg.ID]; got.Target != typing.Target || got.State != typing.State {
		t.Errorf("text being typed stored as %+v, was %+v", got, typing)
	}
	if rows[0].entry.Text != "Aprobado a mano" || rows[2].entry.Text != "Escribiendo todavía" {
		t.Errorf("fields show %q and %q", rows[0].entry.Text, rows[2].entry.Text)
	}
	f.shot(t, "review-kept")
	if !strings.Contains(v.aiBar.note.Text, "2 kept as you changed them") {
		t.Errorf("summary %q", v.aiBar.note.Text)
	}
}

// TestCancelKeepsFinishedWork re-translates every text; the model answers
// the first batch and holds the rest until Cancel is pressed. The first
// batch is saved, nothing else changes.
func TestCancelKeepsFinishedWork(t *testing.T) {
	model, engine := newHeldModel(t)
	model.prompt = 1
	f := newFixture(t, engine)
	v := f.open(t, "es")
	v.SetFilter(FilterAll)
	v.selectShown()
	before := f.stored(t, "es")
	v.startAI()
	deadline := time.Now().Add(10 * time.Second)
	for v.aiBar.bar.Value == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	test.Tap(v.aiBar.stop)
	waitAI(t, v)

	machine, unchanged := 0, 0
	for id, got := range f.stored(t, "es") {
		switch {
		case got.By == "model:test-model" && got.Target == "ES "+got.Source:
			machine++
		case got.Target == before[id].Target && got.State == before[id].State && got.By == before[id].By:
			unchanged++
		default:
			t.Errorf("%s stored as %+v", id, got)
		}
	}
	if machine != 40 {
		t.Errorf("%d texts saved from the finished batch, want 40", machine)
	}
	if !strings.Contains(v.aiBar.note.Text, "40 texts translated") || len(f.errs) != 0 {
		t.Errorf("summary %q, errors %v", v.aiBar.note.Text, f.errs)
	}
}

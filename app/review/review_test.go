package review

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/assets"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/edit"
	"github.com/stacklet/stacklet/authoring/jsondump"
	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/authoring/sqlite"
	"github.com/stacklet/stacklet/i18n/aitranslate"
)

var (
	ctx   = context.Background()
	clock = time.Date(2026, 11, 22, 9, 30, 0, 0, time.UTC)
)

// fixture is the sample project with its translations in a real .stacklet
// file, open in a session and shown on the review screen in a test window.
type fixture struct {
	screen *Screen
	sess   *edit.Session
	win    fyne.Window
	path   string
	errs   []error
}

// newFixture imports the sample, then makes its Spanish less finished:
// the first untranslated, the second machine-translated, the third stale.
func newFixture(t *testing.T, engine func() (*aitranslate.Engine, error)) *fixture {
	t.Helper()
	a := test.NewTempApp(t)
	p, media, err := jsondump.ReadFS(assets.SampleFS())
	if err != nil {
		t.Fatal(err)
	}
	bundle, err := jsondump.ReadBundleFS(assets.SampleFS(), p)
	if err != nil {
		t.Fatal(err)
	}
	caps, err := l10n.LoadCaptions(ctx, p, media)
	if err != nil {
		t.Fatal(err)
	}
	segs := l10n.ProjectSegments(p, caps)
	es := bundle.Translations["es"]
	delete(es, segs[0].ID)
	machine := es[segs[1].ID]
	machine.State, machine.By = l10n.Machine, "model:test"
	es[segs[1].ID] = machine
	stale := es[segs[2].ID]
	stale.Source = "An older source text"
	es[segs[2].ID] = stale

	path := filepath.Join(t.TempDir(), "sample.stacklet")
	store, err := sqlite.Create(ctx, path, p)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Replace(ctx, p, media); err != nil {
		t.Fatal(err)
	}
	if err := store.ReplaceL10n(ctx, bundle); err != nil {
		t.Fatal(err)
	}
	loaded, err := store.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{sess: edit.New(loaded, store, edit.Options{Now: func() time.Time { return clock }}), path: path}
	t.Cleanup(func() { f.sess.Close() })
	f.win = a.NewWindow("review")
	f.win.Resize(fyne.NewSize(1200, 800))
	f.screen = New(Options{Window: f.win, T: tr.New("en"), Session: f.sess, User: "tester",
		ShowError: func(err error) { f.errs = append(f.errs, err) }, Engine: engine})
	t.Cleanup(f.screen.Close)
	f.win.SetContent(f.screen.View())
	return f
}

// stored reads locale's translations from the file through a new store, as
// the app would after a restart.
func (f *fixture) stored(t *testing.T, locale authoring.Locale) l10n.Translations {
	t.Helper()
	tr, err := f.reopen(t).Translations(ctx, locale)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func (f *fixture) open(t *testing.T, locale authoring.Locale) *localeView {
	t.Helper()
	f.screen.Open(locale)
	v := f.screen.Locale()
	if v == nil {
		t.Fatalf("%s did not open: %v", locale, f.errs)
	}
	return v
}

func ids(rows []*row) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r.seg.ID)
	}
	return out
}

// TestFilters picks each filter with the radio group, as a reviewer does,
// and checks every row shown belongs.
func TestFilters(t *testing.T) {
	f := newFixture(t, nil)
	v := f.open(t, "es")
	f.shot(t, "review-needs-review")
	caps, err := f.sess.Captions()
	if err != nil {
		t.Fatal(err)
	}
	segs := l10n.ProjectSegments(f.sess.Project(), caps)
	tests := []struct {
		filter Filter
		want   func(it l10n.Item) bool
		first  string
	}{
		{FilterNeedsReview, func(it l10n.Item) bool { return it.State != l10n.Approved || it.Stale }, segs[0].ID},
		{FilterStale, func(it l10n.Item) bool { return it.Stale }, segs[2].ID},
		{FilterApproved, func(it l10n.Item) bool { return it.State == l10n.Approved && !it.Stale }, segs[3].ID},
		{FilterAll, func(l10n.Item) bool { return true }, segs[0].ID},
	}
	for _, tt := range tests {
		t.Run(tt.first+"/"+v.filterGroup.Options[int(tt.filter)], func(t *testing.T) {
			v.filterGroup.SetSelected(v.filterGroup.Options[int(tt.filter)])
			if v.filter != tt.filter {
				t.Fatalf("filter %d, want %d", v.filter, tt.filter)
			}
			want := 0
			for _, s := range segs {
				if tt.want(v.item(s)) {
					want++
				}
			}
			if len(v.matches) != want || want == 0 {
				t.Fatalf("%d texts pass, want %d (not 0)", len(v.matches), want)
			}
			if len(v.Rows()) != min(want, pageSize) {
				t.Fatalf("%d rows built, want the first page of %d", len(v.Rows()), want)
			}
			for _, r := range v.Rows() {
				if !tt.want(r.item()) {
					t.Errorf("row %s (%s) does not pass", r.seg.ID, r.item().State)
				}
			}
			if got := v.Rows()[0].seg.ID; got != tt.first {
				t.Errorf("first row %s, want %s", got, tt.first)
			}
		})
	}
	if n := len(FilterNeedsReviewRows(v)); n != 3 {
		t.Errorf("needs review counts %d segments, want the 3 made unfinished", n)
	}
}

// FilterNeedsReviewRows lists what the needs-review filter would show.
func FilterNeedsReviewRows(v *localeView) []l10n.Segment {
	var out []l10n.Segment
	for _, s := range v.segs {
		if v.passes(FilterNeedsReview, s) {
			out = append(out, s)
		}
	}
	return out
}

func TestModuleFilter(t *testing.T) {
	f := newFixture(t, nil)
	v := f.open(t, "es")
	v.filterGroup.SetSelected(v.filterGroup.Options[int(FilterAll)])
	m := f.sess.Project().Modules[1]
	v.modules.SetSelected(m.Title)
	if len(v.Rows()) == 0 {
		t.Fatal("no rows for the module")
	}
	for _, r := range v.Rows() {
		if r.seg.ModuleID != m.ID {
			t.Errorf("row %s is not in module %s", r.seg.ID, m.ID)
		}
	}
	v.modules.SetSelected(v.modules.Options[1]) // the course's own texts
	for _, r := range v.Rows() {
		if r.seg.ModuleID != "" {
			t.Errorf("row %s is in a module", r.seg.ID)
		}
	}
}

// TestEditInPlace types a translation and leaves the field: it is saved as
// the reviewer's edit, with the session's clock, and is in the file.
func TestEditInPlace(t *testing.T) {
	f := newFixture(t, nil)
	v := f.open(t, "es")
	r := v.Rows()[0] // untranslated
	c := f.win.Canvas()
	c.Focus(r.entry)
	test.Type(r.entry, "Credenciales en diez minutos")
	c.Unfocus()
	got := f.stored(t, "es")[r.seg.ID]
	want := l10n.Translation{ID: r.seg.ID, Source: r.seg.Source, Target: "Credenciales en diez minutos",
		State: l10n.Edited, By: "tester", At: clock}
	if got.ID != want.ID || got.Source != want.Source || got.Target != want.Target || got.State != want.State ||
		got.By != want.By || !got.At.Equal(want.At) {
		t.Errorf("stored %+v, want %+v", got, want)
	}
	if r.state.text.Text != "Edited" {
		t.Errorf("state shows %q", r.state.text.Text)
	}
	if len(f.errs) > 0 {
		t.Errorf("errors: %v", f.errs)
	}
}

// TestApproveWithKeyboard approves with Ctrl+Enter: the state is stored,
// the stale mark goes and the cursor moves to the next text's field.
func TestApproveWithKeyboard(t *testing.T) {
	f := newFixture(t, nil)
	v := f.open(t, "es")
	rows := v.Rows()
	c := f.win.Canvas()
	c.Focus(rows[0].entry)

	// An empty field cannot be approved: the cursor stays and says why.
	pressApproveNext(t, c)
	if c.Focused() != rows[0].entry || rows[0].problem == "" {
		t.Fatalf("empty field approved or focus moved (problem %q)", rows[0].problem)
	}
	test.Type(rows[0].entry, "Microcredenciales en 10 minutos")
	if len(rows) != 3 {
		t.Fatalf("%d texts need review, want the 3 made unfinished", len(rows))
	}
	for i := 0; i < 2; i++ {
		pressApproveNext(t, c)
		if c.Focused() != rows[i+1].entry {
			t.Fatalf("after approving row %d the focus is on %T, want row %d's field", i, c.Focused(), i+1)
		}
	}
	pressApproveNext(t, c) // the last one: approved, the cursor stays
	if c.Focused() != rows[2].entry {
		t.Errorf("after the last text the focus is on %T", c.Focused())
	}
	f.shot(t, "review-approved")
	stored := f.stored(t, "es")
	// The second was a machine translation approved as it stood: the
	// model that wrote it stays in the provenance.
	wantBy := []string{"tester", "tester, from model:test", "tester"}
	for i, r := range rows[:3] {
		got := stored[r.seg.ID]
		if got.State != l10n.Approved || got.Source != r.seg.Source || got.By != wantBy[i] {
			t.Errorf("%s stored as %+v, want approved from the current source by %q", r.seg.ID, got, wantBy[i])
		}
		if r.stale.view.Visible() {
			t.Errorf("%s still marked stale", r.seg.ID)
		}
	}
	if got := stored[rows[0].seg.ID].Target; got != "Microcredenciales en 10 minutos" {
		t.Errorf("typed target stored as %q", got)
	}
}

func pressApproveNext(t *testing.T, c fyne.Canvas) {
	t.Helper()
	sc, ok := c.Focused().(fyne.Shortcutable)
	if !ok {
		t.Fatalf("focus on %T", c.Focused())
	}
	sc.TypedShortcut(ApproveNext)
}

// TestPlaceholdersShownAndKept edits a text with markup: the field shows
// ⟨1⟩ markers, the file keeps {1}, and removing a marker warns but saves.
func TestPlaceholdersShownAndKept(t *testing.T) {
	f := newFixture(t, nil)
	v := f.open(t, "es")
	v.SetFilter(FilterAll)
	var r *row
	for _, x := range v.Rows() {
		if len(l10n.Tags(x.seg.Source)) > 0 && x.item().State == l10n.Approved {
			r = x
			break
		}
	}
	if r == nil {
		t.Fatal("the sample has no approved text with markup")
	}
	if !strings.Contains(r.entry.Text, "⟨1⟩") || strings.Contains(r.entry.Text, "{1}") {
		t.Errorf("field shows %q, want ⟨1⟩ markers", r.entry.Text)
	}
	v.scrollTo(r)
	f.shot(t, "review-markup")
	f.win.Canvas().Focus(r.entry)
	r.entry.SetText(displayTag.ReplaceAllString(r.entry.Text, ""))
	f.win.Canvas().Unfocus()
	found := false
	for _, w := range r.warnings() {
		found = found || w.Check == l10n.WarnPlaceholders
	}
	if !found {
		t.Error("no placeholder warning after removing the markers")
	}
	got := f.stored(t, "es")[r.seg.ID]
	if got.State != l10n.Edited || len(l10n.Tags(got.Target)) != 0 {
		t.Errorf("stored %+v, want the edit saved without markers", got)
	}
}

func TestComments(t *testing.T) {
	f := newFixture(t, nil)
	v := f.open(t, "es")
	r := v.Rows()[0]
	test.Tap(r.comments)
	v.addComment(r, "  Check the tone with marketing ")
	if got := r.comments.Text; got != "1 comment" {
		t.Errorf("button reads %q", got)
	}
	cs := f.stored(t, "es")[r.seg.ID].Comments
	if len(cs) != 1 || cs[0].Text != "Check the tone with marketing" || cs[0].By != "tester" {
		t.Errorf("stored comments %+v", cs)
	}
}

// TestLanding shows each target language's counts.
func TestLanding(t *testing.T) {
	f := newFixture(t, nil)
	texts := map[string]bool{}
	for _, o := range test.LaidOutObjects(f.screen.View()) {
		if l, ok := o.(*widget.Label); ok {
			texts[l.Text] = true
		}
	}
	f.shot(t, "review-landing")
	for _, want := range []string{"Spanish (es)", "Arabic (ar)", "1 untranslated", "1 machine-translated", "1 with a changed source"} {
		if !texts[want] {
			t.Errorf("landing lacks %q", want)
		}
	}
}

// TestRetranslateWithAI re-translates three texts through a fake
// OpenAI-compatible server whose reply breaks one: two are saved as
// machine output, the third keeps its text and shows the reason.
func TestRetranslateWithAI(t *testing.T) {
	var asked []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Messages []struct{ Content string } `json:"messages"`
		}
		json.NewDecoder(r.Body).Decode(&body)
		var in struct {
			Segments []struct{ ID, Text string } `json:"segments"`
		}
		json.Unmarshal([]byte(body.Messages[len(body.Messages)-1].Content), &in)
		out := map[string]string{}
		for i, s := range in.Segments {
			asked = append(asked, s.ID)
			out[s.ID] = "ES " + s.Text
			if i == 1 {
				out[s.ID] = "<script>alert(1)</script>"
			}
		}
		content, _ := json.Marshal(map[string]any{"translations": out})
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{
			"id": "c1", "object": "chat.completion", "model": "test-model",
			"choices": []map[string]any{{"index": 0, "finish_reason": "stop",
				"message": map[string]string{"role": "assistant", "content": string(content)}}},
			"usage": map[string]int{"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
		})
	}))
	defer srv.Close()
	engine := func() (*aitranslate.Engine, error) {
		return aitranslate.New(aitranslate.Config{BaseURL: srv.URL, Model: "test-model", APIKey: "k", MaxRetries: -1})
	}
	f := newFixture(t, engine)
	v := f.open(t, "es")
	rows := v.Rows()[:3]
	for _, r := range rows {
		test.Tap(r.check)
	}
	if !strings.Contains(v.retranslate.Text, "3") || v.retranslate.Disabled() {
		t.Fatalf("button %q disabled=%v", v.retranslate.Text, v.retranslate.Disabled())
	}
	before := f.stored(t, "es")[rows[1].seg.ID]
	test.Tap(v.retranslate)
	waitAI(t, v)

	if len(asked) != 3 {
		t.Fatalf("the server was asked for %v", asked)
	}
	stored := f.stored(t, "es")
	for i, r := range rows {
		got := stored[r.seg.ID]
		if i == 1 {
			if got.Target != before.Target || got.By != before.By || r.reason != v.s.o.T.S("ReviewReasonMarkup") {
				t.Errorf("rejected text stored as %+v, reason %q", got, r.reason)
			}
			continue
		}
		if got.State != l10n.Machine || got.Target != "ES "+r.seg.Source || got.By != "model:test-model" {
			t.Errorf("%s stored as %+v", r.seg.ID, got)
		}
		if r.entry.Text != toDisplay(got.Target) || r.state.text.Text != "Machine" {
			t.Errorf("row shows %q in state %q", r.entry.Text, r.state.text.Text)
		}
	}
	f.shot(t, "review-ai")
	if !strings.Contains(v.aiBar.note.Text, "2 texts translated") || !strings.Contains(v.aiBar.note.Text, "1 left unchanged") {
		t.Errorf("summary %q", v.aiBar.note.Text)
	}
}

// TestRetranslatePseudo runs with nothing configured: pseudo-localised
// text, saved as machine, never approved.
func TestRetranslatePseudo(t *testing.T) {
	f := newFixture(t, nil)
	v := f.open(t, "es")
	r := v.Rows()[0]
	v.setSelected(r.seg.ID, true)
	v.startAI()
	waitAI(t, v)
	got := f.stored(t, "es")[r.seg.ID]
	if got.State != l10n.Machine || !strings.Contains(got.Target, "[!!") {
		t.Errorf("stored %+v, want a pseudo-localised machine text", got)
	}
}

func waitAI(t *testing.T, v *localeView) {
	t.Helper()
	select {
	case <-v.aiBar.done:
	case <-time.After(10 * time.Second):
		t.Fatal("the re-translation did not finish")
	}
}

// TestApproveNextLoadsTheNextPage approves the last row built: the next
// page comes in and the cursor lands on its first field.
func TestApproveNextLoadsTheNextPage(t *testing.T) {
	f := newFixture(t, nil)
	v := f.open(t, "es")
	v.SetFilter(FilterAll)
	if len(v.Rows()) != pageSize || len(v.matches) <= pageSize {
		t.Fatalf("%d rows of %d built", len(v.Rows()), len(v.matches))
	}
	c := f.win.Canvas()
	last := v.Rows()[pageSize-1]
	c.Focus(last.entry)
	pressApproveNext(t, c)
	if len(v.Rows()) <= pageSize || c.Focused() != v.Rows()[pageSize].entry {
		t.Errorf("%d rows built, focus on %T", len(v.Rows()), c.Focused())
	}
}

// TestPreviewInLocale asks for a preview of the module chosen in the
// filter, in the locale under review, with the translations just saved.
func TestPreviewInLocale(t *testing.T) {
	f := newFixture(t, nil)
	var gotLocale authoring.Locale
	var gotModule string
	var gotTr l10n.Translations
	f.screen.o.Preview = func(l authoring.Locale, m string, tr l10n.Translations) { gotLocale, gotModule, gotTr = l, m, tr }
	v := f.open(t, "ar")
	m := f.sess.Project().Modules[2]
	v.SetFilter(FilterAll)
	v.SetModule(m.ID)
	r := v.Rows()[0]
	f.win.Canvas().Focus(r.entry)
	r.entry.SetText("نص جديد")
	v.preview() // saves what is typed first
	if gotLocale != "ar" || gotModule != m.ID || gotTr[r.seg.ID].Target != "نص جديد" {
		t.Errorf("preview of %s %s with %+v", gotLocale, gotModule, gotTr[r.seg.ID])
	}
}

// reopen saves the session and opens the file in a store of its own,
// closed when the test ends.
func (f *fixture) reopen(t *testing.T) *sqlite.Store {
	t.Helper()
	if err := f.sess.Flush(); err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(ctx, f.path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

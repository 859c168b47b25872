package review

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app"
	"github.com/stacklet/stacklet/app/host"
	"github.com/stacklet/stacklet/authoring/l10n"
)

// button finds an enabled, visible button labelled text in obj.
func button(t *testing.T, obj fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, o := range test.LaidOutObjects(obj) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() && !b.Disabled() {
			return b
		}
	}
	t.Fatalf("no enabled button %q", text)
	return nil
}

// texts are the labels' texts in obj.
func texts(obj fyne.CanvasObject) []string {
	var out []string
	for _, o := range test.LaidOutObjects(obj) {
		if l, ok := o.(*widget.Label); ok && l.Visible() {
			out = append(out, l.Text)
		}
	}
	return out
}

// top is the dialog on top of the window.
func (f *fixture) top(t *testing.T) fyne.CanvasObject {
	t.Helper()
	top := f.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	return top
}

// storedGlossary reads the glossary from the file through a new store.
func (f *fixture) storedGlossary(t *testing.T) l10n.Glossary {
	t.Helper()
	g, err := f.reopen(t).Glossary(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func termIn(g l10n.Glossary, name string) (l10n.Term, bool) {
	i := slices.IndexFunc(g, func(t l10n.Term) bool { return t.Term == name })
	if i < 0 {
		return l10n.Term{}, false
	}
	return g[i], true
}

// approvedWord picks an approved Spanish row and a word of its source that
// no glossary term covers yet: a new term for it must show on that row.
func approvedWord(t *testing.T, v *localeView) (*row, string) {
	t.Helper()
	for _, r := range v.Rows() {
		if it := r.item(); it.State != l10n.Approved || it.Stale || len(v.s.gloss.Hits(r.seg.Source)) > 0 {
			continue
		}
		for _, w := range regexp.MustCompile(`\b[a-z]{7,}\b`).FindAllString(l10n.UnescapeText(r.seg.Source), -1) {
			if !strings.Contains(strings.ToLower(r.item().Translation.Target), w) {
				return r, w
			}
		}
	}
	t.Fatal("no approved text with a long lowercase word")
	return nil, ""
}

// TestGlossaryEditor works the glossary from the review screen's button
// the way a translator would: add a term with a Spanish translation, edit
// it, remove it, undo the removal; the file, the list and the review rows
// follow every step.
func TestGlossaryEditor(t *testing.T) {
	f := newFixture(t, nil)
	v := f.open(t, "es")
	v.SetFilter(FilterAll)
	seg, word := approvedWord(t, v)
	segID := seg.seg.ID
	before := len(f.storedGlossary(t))
	en := f.screen.o.T

	test.Tap(button(t, f.win.Content(), en.S("ReviewGlossaryButton")))
	g := f.screen.glossary
	if g == nil || len(g.Rows()) != before {
		t.Fatalf("the glossary lists %d terms, want the %d stored", len(g.Rows()), before)
	}

	t.Run("add", func(t *testing.T) {
		test.Tap(button(t, f.top(t), en.S("ReviewGlossaryAdd")))
		form := g.form
		if form == nil || form.dnt.Checked {
			t.Fatal("no form, or do-not-translate ticked for a new term")
		}
		test.Type(form.term, word)
		test.Type(form.translations[slices.Index(form.locales, "es")], "zzpalabra")
		test.Type(form.note, "pick the shorter form")
		f.shot(t, "glossary-form")
		test.Tap(button(t, f.top(t), en.S("ReviewGlossarySave")))
		if g.form != nil {
			t.Fatalf("the form stays open: %q", form.Error())
		}
		got, ok := termIn(f.storedGlossary(t), word)
		if !ok || got.Translations["es"] != "zzpalabra" || got.DoNotTranslate || got.Note != "pick the shorter form" {
			t.Fatalf("stored %+v (found %v)", got, ok)
		}
		r := g.rowOf(word)
		if r == nil || !slices.Contains(texts(r.view), "zzpalabra") {
			t.Fatal("the new term is not listed with its Spanish translation")
		}
		row := f.screen.Locale().rowOf(segID)
		if row == nil {
			t.Fatal("the review row went away")
		}
		hits := texts(row.view)
		if !slices.Contains(hits, en.F("ReviewGlossaryUse", map[string]any{"Term": word, "Translation": "zzpalabra"})+" (pick the shorter form)") {
			t.Errorf("the review row shows no hit for %q: %q", word, hits)
		}
		if !slices.Contains(hits, en.S("ReviewWarnGlossary")) {
			t.Errorf("the review row has no glossary warning: %q", hits)
		}
	})

	t.Run("edit", func(t *testing.T) {
		test.Tap(g.rowOf(word).edit)
		form := g.form
		if form == nil || form.term.Text != word {
			t.Fatal("the form does not hold the term")
		}
		es := form.translations[slices.Index(form.locales, "es")]
		es.SetText("")
		test.Type(es, "zzotra")
		form.note.SetText("")
		test.Tap(button(t, f.top(t), en.S("ReviewGlossarySave")))
		got, _ := termIn(f.storedGlossary(t), word)
		if got.Translations["es"] != "zzotra" || got.Note != "" {
			t.Fatalf("stored %+v after the edit", got)
		}
		if !slices.Contains(texts(g.rowOf(word).view), "zzotra") {
			t.Error("the list shows the old translation")
		}
		f.shot(t, "glossary-list")
	})

	t.Run("remove", func(t *testing.T) {
		test.Tap(g.rowOf(word).remove)
		test.Tap(button(t, f.top(t), en.S("ReviewGlossaryRemove"))) // the confirmation
		if _, ok := termIn(f.storedGlossary(t), word); ok {
			t.Fatal("the term is still in the file")
		}
		if g.rowOf(word) != nil {
			t.Error("the term is still listed")
		}
		if hits := texts(f.screen.Locale().rowOf(segID).view); slices.Contains(hits, en.S("ReviewWarnGlossary")) {
			t.Errorf("the review row keeps the removed term's warning: %q", hits)
		}
	})

	t.Run("undo", func(t *testing.T) {
		if err := f.sess.Undo(); err != nil { // Edit ▸ Undo
			t.Fatal(err)
		}
		got, ok := termIn(f.storedGlossary(t), word)
		if !ok || got.Translations["es"] != "zzotra" {
			t.Fatalf("undo restored %+v (found %v)", got, ok)
		}
		if g.rowOf(word) == nil {
			t.Error("the restored term is not listed")
		}
		if hits := texts(f.screen.Locale().rowOf(segID).view); !slices.Contains(hits, en.S("ReviewWarnGlossary")) {
			t.Errorf("the review row lost the restored term's warning: %q", hits)
		}
	})
	if len(f.errs) > 0 {
		t.Errorf("errors shown: %v", f.errs)
	}
}

// TestGlossaryFormRefusals leaves the term empty, then names a term that
// exists in another case: each shows under the field, keeps the form open
// and stores nothing.
func TestGlossaryFormRefusals(t *testing.T) {
	f := newFixture(t, nil)
	en := f.screen.o.T
	stored := f.storedGlossary(t)
	g := f.screen.ShowGlossary()
	tests := []struct {
		name, term string
		want       string
	}{
		{"empty", "   ", en.S("ReviewGlossaryErrEmpty")},
		{"duplicate", "ects", en.F("ReviewGlossaryErrDuplicate", map[string]any{"Term": "ECTS"})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			test.Tap(button(t, f.top(t), en.S("ReviewGlossaryAdd")))
			form := g.form
			test.Type(form.term, tt.term)
			test.Tap(button(t, f.top(t), en.S("ReviewGlossarySave")))
			if g.form != form {
				t.Fatal("the form closed")
			}
			if got := form.Error(); got != tt.want {
				t.Errorf("error %q, want %q", got, tt.want)
			}
			if !slices.Contains(texts(f.top(t)), tt.want) {
				t.Error("the error is not on show")
			}
			f.shot(t, "glossary-"+tt.name)
			test.Type(form.term, "x")
			if form.Error() != "" {
				t.Error("typing does not clear the error")
			}
			test.Tap(button(t, f.top(t), en.S("ReviewGlossaryCancel")))
		})
	}
	if got := f.storedGlossary(t); len(got) != len(stored) {
		t.Errorf("%d terms stored, want the %d there were", len(got), len(stored))
	}
	if f.sess.CanUndo() {
		t.Error("a refused term made an undo step")
	}
}

// TestGlossaryFilter narrows the list by term, translation and note.
func TestGlossaryFilter(t *testing.T) {
	f := newFixture(t, nil)
	g := f.screen.ShowGlossary()
	tests := []struct{ query, want string }{
		{"wallet", "digital wallet"},             // term
		{"EMISOR", "issuer"},                     // Spanish translation, any case
		{"never 'objective", "learning outcome"}, // note
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			g.filter.SetText(tt.query)
			if len(g.Rows()) != 1 || g.Rows()[0].term.Term != tt.want {
				t.Errorf("%q shows %d terms, want only %q", tt.query, len(g.Rows()), tt.want)
			}
		})
	}
	g.filter.SetText("no such thing anywhere")
	if len(g.Rows()) != 0 || !slices.Contains(texts(g.list), f.screen.o.T.S("ReviewGlossaryNoMatches")) {
		t.Error("an unmatched filter does not say so")
	}
}

// TestGlossaryDoNotTranslate ticks the box on a translated term: the
// translation fields go off and the stored term keeps none.
func TestGlossaryDoNotTranslate(t *testing.T) {
	f := newFixture(t, nil)
	g := f.screen.ShowGlossary()
	test.Tap(g.rowOf("issuer").edit)
	form := g.form
	form.dnt.SetChecked(true)
	for _, e := range form.translations {
		if !e.Disabled() {
			t.Fatal("a translation field stays on for a do-not-translate term")
		}
	}
	test.Tap(button(t, f.top(t), f.screen.o.T.S("ReviewGlossarySave")))
	got, _ := termIn(f.storedGlossary(t), "issuer")
	if !got.DoNotTranslate || len(got.Translations) != 0 {
		t.Errorf("stored %+v, want do-not-translate with no translations", got)
	}
}

// TestGlossaryInTheToolsMenu opens the glossary from the Tools menu of the
// app, in German.
func TestGlossaryInTheToolsMenu(t *testing.T) {
	fa := test.NewTempApp(t)
	path := sampleFile(t)
	a := app.New(fa, app.Options{Extensions: []host.Extension{Extension(), GlossaryExtension()}, Language: "de"})
	a.Window().Resize(fyne.NewSize(1280, 820))
	a.OpenProject(path)
	var item *fyne.MenuItem
	for _, m := range a.Window().MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == "Glossar…" {
				item = it
			}
		}
	}
	if item == nil || item.Disabled {
		t.Fatal("no enabled Tools item Glossar…")
	}
	item.Action()
	top := a.Window().Canvas().Overlays().Top()
	if top == nil || !slices.Contains(texts(top), "Projektglossar") {
		t.Fatal("the glossary dialog did not open with its German title")
	}
}

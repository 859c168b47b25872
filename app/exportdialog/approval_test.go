package exportdialog

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/assets"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/jsondump"
	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/export"
)

// unapproved are the sample's Spanish translations of its first module with
// four texts set back: one machine-translated, one edited, one dropped and
// one whose source changed since. It returns their ids in that order.
func unapproved(t *testing.T, p *authoring.Project) (l10n.Translations, []string) {
	t.Helper()
	bundle, err := jsondump.ReadBundleFS(assets.SampleFS(), p)
	if err != nil {
		t.Fatal(err)
	}
	es := bundle.Translations["es"]
	segs := l10n.ModuleSegments(&p.Modules[0], nil)
	if len(segs) < 4 {
		t.Fatalf("the first sample module has %d segments, want at least 4", len(segs))
	}
	var ids []string
	for i, change := range []func(*l10n.Translation){
		func(x *l10n.Translation) { x.State = l10n.Machine },
		func(x *l10n.Translation) { x.State = l10n.Edited },
		nil,
		func(x *l10n.Translation) { x.Source = "an older source text" },
	} {
		id := segs[i].ID
		x, ok := es[id]
		if !ok || x.State != l10n.Approved {
			t.Fatalf("sample translation %s is %+v, want approved", id, x)
		}
		if change == nil {
			delete(es, id)
		} else {
			change(&x)
			es[id] = x
		}
		ids = append(ids, id)
	}
	return es, ids
}

// TestUnapprovedTextsAreListed: a package written with texts that are not
// approved lists each of them under its name, folded away, by source words,
// id and a reason in the interface language.
func TestUnapprovedTextsAreListed(t *testing.T) {
	tests := []struct {
		lang    authoring.Locale
		reasons []string // by the order of unapproved
	}{
		{"en", []string{"machine translation, not reviewed", "edited, not approved",
			"not translated: the source text stands in", "the source changed after translation: the source text stands in"}},
		{"de", []string{"maschinelle Übersetzung, nicht geprüft", "bearbeitet, nicht freigegeben",
			"nicht übersetzt", "der Ausgangstext hat sich nach der Übersetzung geändert"}},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang), func(t *testing.T) {
			p, media := sample(t)
			es, ids := unapproved(t, p)
			d := newDialog(t, Options{Project: p, Media: media, Module: p.Modules[0].ID, T: tr.New(tt.lang),
				Translations: map[authoring.Locale]l10n.Translations{"es": es}})
			d.Folder.SetText(t.TempDir())
			d.Formats.SetSelected([]string{d.opts.T.S("ExportFormatWeb")})
			d.Locales.SetSelected(d.Locales.Options[1:2]) // es
			test.Tap(d.Export)
			results := wait(t, d)
			if len(results) != 1 || results[0].Err != nil || len(results[0].Pending) != len(ids) {
				t.Fatalf("results %+v", results)
			}
			for _, x := range results[0].Pending {
				if _, ok := reasonLabels[x.Kind]; !ok {
					t.Errorf("%s: reason %q (%s) has no label in the interface language", x.ID, x.Reason, x.Kind)
				}
			}

			text := textOf(d.Warnings)
			if d.Warnings.Hidden || !strings.Contains(text, filepath.Base(results[0].Path)) ||
				!strings.Contains(text, d.opts.T.N("ExportPending", len(ids), nil)) {
				t.Fatalf("warnings (hidden %v): %q", d.Warnings.Hidden, text)
			}
			sources := segmentSources(p)
			for i, id := range ids {
				if !strings.Contains(text, id) || !strings.Contains(text, tt.reasons[i]) || !strings.Contains(text, d.opts.T.F("ExportQuoted", map[string]any{"Text": sources[id]})) {
					t.Errorf("%s (%q, %s) is not listed: %q", id, sources[id], tt.reasons[i], text)
				}
			}
			if !d.Written.Hidden {
				t.Errorf("the package is also listed as written without remarks: %q", d.Written.Text)
			}
			for _, a := range find[*widget.Accordion](d.Warnings) {
				if a.Items[0].Open {
					t.Error("the list of texts is open: it should start folded")
				}
			}
			shot(t, d, "pending-"+string(tt.lang))
			unfold(d.Warnings)
			shot(t, d, "pending-open-"+string(tt.lang))
		})
	}
}

// TestLongListIsCut: a locale with no translations at all lists its first
// texts and says how many more there are.
func TestLongListIsCut(t *testing.T) {
	p, media := sample(t)
	d := newDialog(t, Options{Project: p, Media: media, Module: p.Modules[0].ID})
	d.Folder.SetText(t.TempDir())
	d.Formats.SetSelected([]string{d.opts.T.S("ExportFormatWeb")})
	d.Locales.SetSelected(d.Locales.Options[1:2])
	test.Tap(d.Export)
	results := wait(t, d)
	if len(results) != 1 || results[0].Err != nil {
		t.Fatalf("results %+v", results)
	}
	pending := results[0].Pending
	if len(pending) <= maxListed {
		t.Fatalf("only %d pending texts: the test needs more than %d", len(pending), maxListed)
	}
	listed := map[string]bool{}
	for _, rt := range find[*widget.RichText](d.Warnings) {
		for _, seg := range rt.Segments {
			if ts, ok := seg.(*widget.TextSegment); ok {
				listed[ts.Text] = true
			}
		}
	}
	for i, x := range pending {
		if listed[x.ID] != (i < maxListed) {
			t.Errorf("text %d (%s): listed %v", i, x.ID, listed[x.ID])
		}
	}
	if more := d.opts.T.N("ExportPendingMore", len(pending)-maxListed, nil); !listed[more] {
		t.Errorf("no line %q", more)
	}
	unfold(d.Warnings)
	shot(t, d, "pending-long")
}

// TestRequireApprovedRefusesThePackage: with the box checked, the Spanish
// package is refused, listed with its texts, and not written; the source
// package is written; and the next dialog starts with the box checked.
func TestRequireApprovedRefusesThePackage(t *testing.T) {
	p, media := sample(t)
	es, ids := unapproved(t, p)
	o := Options{Project: p, Media: media, Module: p.Modules[0].ID,
		Translations: map[authoring.Locale]l10n.Translations{"es": es}}
	d := newDialog(t, o)
	if d.RequireApproved.Checked || d.RequireApproved.Hidden {
		t.Fatalf("box checked %v, hidden %v: want shown, unchecked", d.RequireApproved.Checked, d.RequireApproved.Hidden)
	}
	dir := t.TempDir()
	d.Folder.SetText(dir)
	d.Formats.SetSelected([]string{d.opts.T.S("ExportFormatWeb")})
	d.Locales.SetSelected(d.Locales.Options[0:2]) // en (source) and es
	test.Tap(d.RequireApproved)
	shot(t, d, "form")
	test.Tap(d.Export)
	results := wait(t, d)

	if len(results) != 2 {
		t.Fatalf("%d results, want 2", len(results))
	}
	for _, r := range results {
		switch r.Job.Locale {
		case "es":
			if code := authoring.ErrorCode(r.Err); code != authoring.EINVALID || r.Path != "" || len(r.Pending) != len(ids) {
				t.Errorf("es: code %q, path %q, pending %v", code, r.Path, r.Pending)
			}
		default:
			if r.Err != nil || len(r.Pending) != 0 {
				t.Errorf("%s: %v, pending %v", r.Job.Locale, r.Err, r.Pending)
			}
		}
	}
	files, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || files[0].Name() != export.FileName(results[0].Job) || results[0].Job.Locale != "en" {
		t.Errorf("folder holds %v, want only the source package", files)
	}

	problems := textOf(d.Problems)
	if d.Problems.Hidden || !strings.Contains(problems, p.Modules[0].Title) ||
		!strings.Contains(problems, d.opts.T.N("ExportRefusedPending", len(ids), nil)) {
		t.Errorf("problems (hidden %v): %q", d.Problems.Hidden, problems)
	}
	for _, id := range ids {
		if !strings.Contains(problems, id) {
			t.Errorf("refusal does not list %s", id)
		}
	}
	if !strings.Contains(d.Headline.Text, "1 package was not exported") || !d.Warnings.Hidden {
		t.Errorf("headline %q; warnings %q", d.Headline.Text, textOf(d.Warnings))
	}

	unfold(d.Problems)
	shot(t, d, "refused")

	o.Prefs, o.Window, o.T = d.opts.Prefs, d.opts.Window, d.opts.T
	if again := New(o); !again.RequireApproved.Checked {
		t.Error("the next dialog forgot that approval was required")
	}
}

func TestRequireApprovedHiddenWithoutTargetLocales(t *testing.T) {
	p, media := sample(t)
	p.TargetLocales = nil
	d := newDialog(t, Options{Project: p, Media: media})
	if !d.RequireApproved.Hidden {
		t.Error("a project in one language offers to require approved translations")
	}
}

// textOf is the text a reader finds in o, folded parts included.
func textOf(o fyne.CanvasObject) string {
	var parts []string
	switch o := o.(type) {
	case *widget.Label:
		parts = append(parts, o.Text)
	case *widget.RichText:
		for _, seg := range o.Segments {
			parts = append(parts, seg.Textual())
		}
	case *widget.Accordion:
		for _, item := range o.Items {
			parts = append(parts, item.Title, textOf(item.Detail))
		}
	case *fyne.Container:
		for _, child := range o.Objects {
			parts = append(parts, textOf(child))
		}
	}
	return strings.Join(parts, "\n")
}

// find returns the widgets of type W in o's tree, folded parts included.
func find[W fyne.CanvasObject](o fyne.CanvasObject) []W {
	var out []W
	if w, ok := o.(W); ok {
		out = append(out, w)
	}
	switch o := o.(type) {
	case *widget.Accordion:
		for _, item := range o.Items {
			out = append(out, find[W](item.Detail)...)
		}
	case *fyne.Container:
		for _, child := range o.Objects {
			out = append(out, find[W](child)...)
		}
	}
	return out
}

// TestPlayerFallbackIsWarned: a package in a language with no player
// catalog is written, and the summary says its buttons are in English.
func TestPlayerFallbackIsWarned(t *testing.T) {
	p, media := sample(t)
	p.TargetLocales = append(p.TargetLocales, "ja")
	d := newDialog(t, Options{Project: p, Media: media, Module: p.Modules[0].ID})
	d.Folder.SetText(t.TempDir())
	d.Formats.SetSelected([]string{d.opts.T.S("ExportFormatWeb")})
	d.Locales.SetSelected(d.Locales.Options[len(d.Locales.Options)-1:]) // ja
	test.Tap(d.Export)
	results := wait(t, d)
	if len(results) != 1 || results[0].Err != nil || results[0].PlayerFallback != "en" {
		t.Fatalf("results %+v", results)
	}
	want := d.opts.T.F("ExportPlayerFallback", map[string]any{"Language": "Japanese", "Fallback": "English"})
	if text := textOf(d.Warnings); d.Warnings.Hidden || !strings.Contains(text, want) {
		t.Errorf("warnings (hidden %v) lack %q: %q", d.Warnings.Hidden, want, text)
	}
}

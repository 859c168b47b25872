package assets

import (
	"context"
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/jsondump"
	"github.com/stacklet/stacklet/authoring/l10n"
)

// TestSampleIsFullyTranslated holds the showcase to its promise: every
// segment of the sample, credential included, has an approved translation
// of its current source in each target locale, with no QA warning. When a
// source text changes, translate the segment again in
// sample/translations/<locale>.json (its "source" must be the new text).
func TestSampleIsFullyTranslated(t *testing.T) {
	p, media, err := jsondump.ReadFS(SampleFS())
	if err != nil {
		t.Fatal(err)
	}
	b, err := jsondump.ReadBundleFS(SampleFS(), p)
	if err != nil {
		t.Fatal(err)
	}
	caps, err := l10n.LoadCaptions(context.Background(), p, media)
	if err != nil {
		t.Fatal(err)
	}
	segs := l10n.ProjectSegments(p, caps)
	for _, locale := range p.TargetLocales {
		t.Run(string(locale), func(t *testing.T) {
			tr := b.Translations[locale]
			st := l10n.StatusOf(locale, segs, tr)
			if st.Approved != st.Total || st.Stale > 0 || st.Orphaned > 0 {
				t.Errorf("status %s, %d orphaned", st, st.Orphaned)
			}
			for _, it := range l10n.Join(segs, tr) {
				if it.State != l10n.Approved || it.Stale || it.Translation.By != "sample" {
					t.Errorf("%s: %s, stale %v, by %q", it.Segment.ID, it.State, it.Stale, it.Translation.By)
					continue
				}
				for _, w := range l10n.QA(it.Segment, it.Translation.Target, locale, b.Glossary) {
					t.Errorf("%s: QA %s: %s", it.Segment.ID, w.Check, w.Message)
				}
			}
			for _, m := range p.Modules {
				res, err := l10n.Localize(p, m.ID, locale, tr, caps)
				if err != nil {
					t.Fatal(err)
				}
				if len(res.Pending) > 0 {
					t.Errorf("module %s: pending %v", m.ID, res.Pending)
				}
				if errs := authoring.Errors(res.Project.Validate(res.Module)); len(errs) > 0 {
					t.Errorf("module %s in %s does not validate: %v", m.ID, locale, errs)
				}
			}
		})
	}
	if len(b.Glossary) == 0 {
		t.Error("the sample has no glossary")
	}
}

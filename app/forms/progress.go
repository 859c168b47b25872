package forms

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/authoring/l10n"
)

// translationProgress is one line per target locale with its texts counted
// by state, so a designer sees at a glance which languages are ready to
// export and how much is left to translate or review.
func translationProgress(c Context) fyne.CanvasObject {
	label := widget.NewLabel(progressText(c))
	label.Wrapping = fyne.TextWrapWord
	return label
}

func progressText(c Context) string {
	p := c.Session.Project()
	if len(p.TargetLocales) == 0 {
		return c.T.S("TranslationProgressNone")
	}
	bundle, err := c.Session.L10n()
	if err != nil {
		return c.T.S("TranslationProgressUnknown")
	}
	// A caption track that cannot be read is reported by the review screen;
	// the counts here go on without its cues.
	caps, _ := c.Session.Captions()
	segs := l10n.ProjectSegments(p, caps)
	lines := make([]string, len(p.TargetLocales))
	for i, loc := range p.TargetLocales {
		st := l10n.StatusOf(loc, segs, bundle.Translations[loc])
		lines[i] = c.T.N("TranslationProgressLine", st.Total, map[string]any{
			"Locale": string(loc), "Counts": stateCounts(c, st)})
	}
	return strings.Join(lines, "\n")
}

// stateCounts lists every state's count, zeros too, in the words and order
// of the review screen's counts; stale texts also count under their state.
func stateCounts(c Context, st l10n.Status) string {
	return strings.Join([]string{
		c.T.N("ReviewCountApproved", st.Approved, nil),
		c.T.N("ReviewCountEdited", st.Edited, nil),
		c.T.N("ReviewCountMachine", st.Machine, nil),
		c.T.N("ReviewCountUntranslated", st.Untranslated, nil),
		c.T.N("ReviewCountStale", st.Stale, nil),
	}, " · ")
}

package review

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/i18n/aitranslate"
)

// aiBar is the progress of a re-translation, with its Cancel button, and
// the line that says how the last one went.
type aiBar struct {
	t      *tr.T
	bar    *widget.ProgressBar
	label  *widget.Label
	stop   *widget.Button
	note   *widget.Label
	view   *fyne.Container
	stopFn context.CancelFunc
	done   chan struct{} // closed when the running job has been applied
}

func newAIBar(t *tr.T) *aiBar {
	b := &aiBar{t: t, bar: widget.NewProgressBar(), label: widget.NewLabel(""), note: widget.NewLabel("")}
	b.note.Wrapping = fyne.TextWrapWord
	b.note.Hide()
	b.stop = widget.NewButtonWithIcon(t.S("ReviewCancel"), theme.CancelIcon(), b.cancel)
	b.view = container.NewBorder(nil, nil, b.label, b.stop, b.bar)
	b.view.Hide()
	return b
}

func (b *aiBar) running() bool { return b.stopFn != nil }

func (b *aiBar) cancel() {
	if b.stopFn != nil {
		b.stopFn()
	}
}

// startAI re-translates the selected segments off the UI goroutine. Every
// finished segment is saved as machine output, even when the run is
// canceled; a segment the model got wrong keeps its text and shows why.
// The screen stays editable meanwhile: a text the reviewer changes or
// approves during the run keeps the reviewer's version.
func (v *localeView) startAI() {
	if v.aiBar.running() {
		return
	}
	v.commitAll()
	engine, err := v.s.engine()
	if err != nil {
		v.s.o.ShowError(err)
		return
	}
	req := v.aiRequest()
	if len(req.Segments) == 0 {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	b := v.aiBar
	b.stopFn, b.done = cancel, make(chan struct{})
	b.stop.Enable()
	b.bar.SetValue(0)
	b.label.SetText(v.s.o.T.F("ReviewTranslating", map[string]any{"Done": 0, "Total": len(req.Segments), "Model": engine.Model()}))
	b.view.Show()
	b.note.Hide()
	v.relayout()
	v.refreshSelection()
	req.Progress = func(p aitranslate.Progress) {
		fyne.Do(func() {
			if p.Total > 0 {
				b.bar.SetValue(float64(p.Done) / float64(p.Total))
			}
			b.label.SetText(v.s.o.T.F("ReviewTranslating", map[string]any{"Done": p.Done, "Total": p.Total, "Model": engine.Model()}))
		})
	}
	done := b.done
	before := v.snapshot(req)
	go func() {
		rep, err := engine.Translate(ctx, req)
		fyne.DoAndWait(func() {
			v.applyAI(rep, err, before)
			cancel()
		})
		close(done)
	}()
}

// aiRequest carries the selected segments in screen order, with the
// module context, the glossary and the style for this locale. The memory is left out:
// the reviewer asked for a fresh translation.
func (v *localeView) aiRequest() aitranslate.Request {
	p := v.s.project()
	req := aitranslate.Request{SourceLocale: p.SourceLocale, TargetLocale: v.locale, Style: v.style, Modules: map[string]string{}}
	for _, seg := range v.segs {
		if !v.selected[seg.ID] {
			continue
		}
		note := seg.Context
		if seg.MaxLen > 0 {
			note = fmt.Sprintf("%s (at most %d characters)", seg.Context, seg.MaxLen)
		}
		req.Segments = append(req.Segments, aitranslate.Segment{ID: seg.ID, Source: seg.Source, Note: note, Module: seg.ModuleID})
	}
	for _, m := range p.Modules {
		req.Modules[m.ID] = strings.TrimSpace(fmt.Sprintf("%q, a module of the course %q. %s", m.Title, p.Title, m.Description))
	}
	for _, term := range v.s.gloss {
		target := term.Translations[v.locale]
		if target == "" && !term.DoNotTranslate {
			continue
		}
		req.Glossary = append(req.Glossary, aitranslate.Term{Source: term.Term, Target: target, DoNotTranslate: term.DoNotTranslate, Note: term.Note})
	}
	return req
}

// snapshot keeps the translations of req's segments as the run starts.
func (v *localeView) snapshot(req aitranslate.Request) map[string]l10n.Translation {
	out := make(map[string]l10n.Translation, len(req.Segments))
	for _, seg := range req.Segments {
		out[seg.ID] = v.tr[seg.ID]
	}
	return out
}

// touchedSince reports whether a person changed the segment's translation
// after before was taken: saved a new one, or is typing one now.
func (v *localeView) touchedSince(id string, before l10n.Translation) bool {
	now := v.tr[id]
	if now.Target != before.Target || now.State != before.State || !now.At.Equal(before.At) || now.By != before.By {
		return true
	}
	r := v.rowOf(id)
	return r != nil && r.changed()
}

// applyAI saves the machine translations and shows the rejections. A
// result for a text the reviewer touched during the run is dropped.
func (v *localeView) applyAI(rep *aitranslate.Report, runErr error, before map[string]l10n.Translation) {
	b := v.aiBar
	b.stopFn = nil
	b.view.Hide()
	v.relayout()
	if rep == nil {
		v.refreshSelection()
		v.s.o.ShowError(runErr)
		return
	}
	byID := map[string]l10n.Segment{}
	for _, s := range v.segs {
		byID[s.ID] = s
	}
	now := v.s.o.Session.Now()
	var saved []l10n.Translation
	rejected, kept := 0, 0
	for _, r := range rep.Results {
		seg, ok := byID[r.ID]
		if !ok {
			continue
		}
		switch r.Outcome {
		case aitranslate.Machine, aitranslate.Memory:
			if v.touchedSince(seg.ID, before[seg.ID]) {
				kept++
				continue
			}
			t := l10n.NewTranslation(seg, r.Target, l10n.Machine, "model:"+rep.Model, now)
			t.Comments = v.tr[seg.ID].Comments
			saved = append(saved, t)
			delete(v.reasons, seg.ID)
		case aitranslate.Canceled, aitranslate.Skipped:
		default:
			rejected++
			v.reasons[seg.ID] = rejectionLabel(v.s.o.T, r)
		}
	}
	if len(saved) > 0 {
		if err := v.s.o.Session.SaveTranslations(v.locale, saved); err != nil {
			v.s.o.ShowError(err)
			saved = nil
		}
	}
	for _, t := range saved {
		v.tr[t.ID] = t
	}
	if len(saved) > 0 {
		v.saved()
	}
	v.showAIResults(rep, saved, rejected, kept)
	if runErr != nil && authoring.ErrorCode(runErr) != authoring.ECANCELED {
		v.s.o.ShowError(runErr)
	}
}

// showAIResults updates the rows the run touched, in place.
func (v *localeView) showAIResults(rep *aitranslate.Report, saved []l10n.Translation, rejected, kept int) {
	t := v.s.o.T
	isSaved := map[string]bool{}
	for _, s := range saved {
		isSaved[s.ID] = true
	}
	for _, res := range rep.Results {
		r := v.rowOf(res.ID)
		if r == nil {
			continue
		}
		r.reason = v.reasons[res.ID]
		if isSaved[res.ID] {
			r.saved = toDisplay(v.tr[res.ID].Target)
			r.entry.SetText(r.saved)
		}
		r.refresh()
	}
	msg := t.N("ReviewTranslated", len(saved), map[string]any{"Model": rep.Model})
	if rejected > 0 {
		msg += " " + t.N("ReviewTranslatedRejected", rejected, nil)
	}
	if kept > 0 {
		msg += " " + t.N("ReviewTranslatedKept", kept, nil)
	}
	if rep.Model == aitranslate.PseudoModel {
		msg += " " + t.S("ReviewPseudoNote")
	}
	v.aiBar.note.SetText(msg)
	v.aiBar.note.Show()
	v.relayout()
	v.list.Refresh()
	v.refreshCounts()
}

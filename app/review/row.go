package review

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/authoring/l10n"
)

// row is one segment on the review screen: source beside its translation,
// with the state, what QA found, the glossary terms it contains and the
// translators' comments.
type row struct {
	v     *localeView
	seg   l10n.Segment
	saved string // the translation as stored, in display form

	check    *widget.Check
	state    *chip
	stale    *chip
	byLine   *widget.Label
	entry    *targetEntry
	notes    *fyne.Container // stale source, warnings, rejection reason
	approve  *widget.Button
	comments *widget.Button
	thread   *fyne.Container // comment list and the new comment field
	reason   string          // why the last AI run left this segment alone
	problem  string          // why the last approve did nothing
	view     fyne.CanvasObject
}

func newRow(v *localeView, seg l10n.Segment) *row {
	t := v.s.o.T
	r := &row{v: v, seg: seg, state: newChip(), stale: newChip(), entry: newTargetEntry(),
		notes: container.NewVBox(), thread: container.NewVBox()}
	r.check = widget.NewCheck("", func(on bool) { v.setSelected(seg.ID, on) })
	r.check.Checked = v.selected[seg.ID]
	r.stale.set(t.S("ReviewStale"), colorStale)
	r.byLine = widget.NewLabel("")
	r.byLine.SizeName = theme.SizeNameCaptionText
	r.byLine.Importance = widget.LowImportance

	r.saved = toDisplay(v.tr[seg.ID].Target)
	r.entry.SetText(r.saved)
	r.entry.SetPlaceHolder(t.S("ReviewTargetPlaceholder"))
	r.entry.SetMinRowsVisible(rowsFor(r.saved, seg.Source))
	r.entry.OnChanged = func(string) { r.problem = ""; r.refreshNotes() }
	r.entry.onApproveNext = func() { v.approveAndNext(r) }
	r.entry.onLeave = func() { v.commitEdit(r) }

	r.approve = widget.NewButtonWithIcon(t.S("ReviewApprove"), theme.ConfirmIcon(), func() { v.approve(r) })
	r.comments = widget.NewButtonWithIcon("", theme.MailComposeIcon(), r.toggleThread)
	r.thread.Hide()

	context := widget.NewLabel(seg.Context)
	context.SizeName = theme.SizeNameCaptionText
	context.Importance = widget.LowImportance
	context.Truncation = fyne.TextTruncateEllipsis
	header := container.NewBorder(nil, nil, r.check,
		container.NewHBox(r.stale.view, r.state.view), context)

	source := widget.NewRichText(richSegments(seg.Source)...)
	source.Wrapping = fyne.TextWrapWord
	left := container.NewVBox(source, r.glossary())
	actions := container.NewHBox(r.byLine, layout.NewSpacer(), r.comments, r.approve)
	right := container.NewVBox(r.entry, r.notes, actions, r.thread)
	r.view = container.NewVBox(header, container.NewGridWithColumns(2, left, right), widget.NewSeparator())
	r.refresh()
	return r
}

// rowsFor sizes the translation field to the longer of the two texts.
func rowsFor(target, source string) int {
	n := max(len([]rune(target)), len([]rune(source)))
	return min(max(n/55+1, 2), 8)
}

// glossary lists the terms the source contains with what they become.
func (r *row) glossary() fyne.CanvasObject {
	t := r.v.s.o.T
	box := container.NewVBox()
	for _, term := range r.v.s.gloss.Hits(r.seg.Source) {
		data := map[string]any{"Term": term.Term, "Translation": term.Translations[r.v.locale], "Note": term.Note}
		var text string
		switch {
		case term.DoNotTranslate:
			text = t.F("ReviewGlossaryKeep", data)
		case term.Translations[r.v.locale] != "":
			text = t.F("ReviewGlossaryUse", data)
		default:
			text = t.F("ReviewGlossaryNone", data)
		}
		if term.Note != "" {
			text = t.F("ReviewGlossaryWithNote", map[string]any{"Hit": text, "Note": term.Note})
		}
		box.Add(note(text, theme.SearchIcon(), widget.MediumImportance))
	}
	return box
}

// item is the segment with its stored translation.
func (r *row) item() l10n.Item { return r.v.item(r.seg) }

// refresh shows the stored state and what the field holds now.
func (r *row) refresh() {
	t := r.v.s.o.T
	it := r.item()
	r.state.set(stateLabel(t, it.State), stateColor(it.State))
	if it.Stale {
		r.stale.view.Show()
	} else {
		r.stale.view.Hide()
	}
	if tr := it.Translation; tr.By != "" && it.State != l10n.Untranslated {
		r.byLine.SetText(t.F("ReviewByLine", map[string]any{"By": tr.By, "When": tr.At.Local().Format("2006-01-02 15:04")}))
	} else {
		r.byLine.SetText("")
	}
	r.comments.SetText(t.N("ReviewComments", len(it.Translation.Comments), nil))
	// The button stands out where there is something left to approve.
	if it.State == l10n.Approved && !it.Stale {
		r.approve.Importance = widget.LowImportance
	} else {
		r.approve.Importance = widget.HighImportance
	}
	r.approve.Refresh()
	r.refreshNotes()
	if r.thread.Visible() {
		r.fillThread()
	}
}

// refreshNotes lists, under the field, what a reviewer should look at:
// the source this translation was made from when it changed, QA warnings
// on the text as typed, why a model left the segment alone.
func (r *row) refreshNotes() {
	t := r.v.s.o.T
	r.notes.RemoveAll()
	it := r.item()
	if it.Stale {
		r.notes.Add(note(t.F("ReviewStaleSource", map[string]any{"Source": toDisplay(it.Translation.Source)}),
			theme.HistoryIcon(), widget.DangerImportance))
	}
	for _, w := range r.warnings() {
		r.notes.Add(note(warningLabel(t, w), theme.WarningIcon(), widget.WarningImportance))
	}
	if r.reason != "" {
		r.notes.Add(note(t.F("ReviewRejected", map[string]any{"Reason": r.reason}), theme.ErrorIcon(), widget.DangerImportance))
	}
	if r.problem != "" {
		r.notes.Add(note(r.problem, theme.InfoIcon(), widget.MediumImportance))
	}
	r.notes.Refresh()
}

// warnings are the QA findings on the text in the field.
func (r *row) warnings() []l10n.Warning {
	return l10n.QA(r.seg, fromDisplay(r.entry.Text), r.v.locale, r.v.s.gloss)
}

// changed reports whether the field holds something not yet saved.
func (r *row) changed() bool { return r.entry.Text != r.saved }

func (r *row) blank() bool { return strings.TrimSpace(r.entry.Text) == "" }

func (r *row) toggleThread() {
	if r.thread.Visible() {
		r.thread.Hide()
	} else {
		r.fillThread()
		r.thread.Show()
	}
	r.v.list.Refresh()
}

// fillThread lists the segment's comments and a field for a new one.
func (r *row) fillThread() {
	t := r.v.s.o.T
	r.thread.RemoveAll()
	for _, c := range r.v.tr[r.seg.ID].Comments {
		l := widget.NewLabel(t.F("ReviewCommentLine", map[string]any{
			"By": c.By, "When": c.At.Local().Format("2006-01-02 15:04"), "Text": c.Text}))
		l.Wrapping = fyne.TextWrapWord
		r.thread.Add(l)
	}
	field := widget.NewEntry()
	field.SetPlaceHolder(t.S("ReviewCommentPlaceholder"))
	add := widget.NewButton(t.S("ReviewCommentAdd"), func() { r.v.addComment(r, field.Text) })
	field.OnSubmitted = func(text string) { r.v.addComment(r, text) }
	r.thread.Add(container.NewBorder(nil, nil, nil, add, field))
	r.thread.Refresh()
}

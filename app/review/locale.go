package review

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
)

// Filter narrows the segments on screen.
type Filter int

const (
	FilterAll         Filter = iota
	FilterNeedsReview        // untranslated, machine, edited, or stale
	FilterStale              // the source changed since translation
	FilterWarnings           // QA found something
	FilterApproved           // approved and current
)

var filters = []Filter{FilterAll, FilterNeedsReview, FilterStale, FilterWarnings, FilterApproved}

// Module filter values that are not module ids.
const (
	anyModule     = "\x00any"
	projectModule = "" // segments outside modules: course title, credentials
)

// localeView reviews one target locale.
type localeView struct {
	s         *Screen
	locale    authoring.Locale
	segs      []l10n.Segment
	tr        l10n.Translations
	filter    Filter
	module    string
	matches   []l10n.Segment // every segment passing the filters
	rows      []*row         // the rows built so far, a prefix of matches
	more      *widget.Button
	moreBox   fyne.CanvasObject
	selected  map[string]bool
	reasons   map[string]string // the last AI run's rejections, by segment id
	style     l10n.Style        // how this locale should sound, sent with AI runs
	styleForm *styleForm        // the last one opened, for tests

	filterGroup *widget.RadioGroup
	modules     *widget.Select
	moduleIDs   []string
	retranslate *widget.Button
	aiBar       *aiBar
	list        *fyne.Container
	scroll      *container.Scroll
	header      *fyne.Container
	view        *fyne.Container
}

func newLocaleView(s *Screen, locale authoring.Locale, tr l10n.Translations, style l10n.Style) *localeView {
	v := &localeView{s: s, locale: locale, tr: tr, style: style, filter: FilterNeedsReview, module: anyModule,
		selected: map[string]bool{}, reasons: map[string]string{}}
	if v.tr == nil {
		v.tr = l10n.Translations{}
	}
	v.segs = s.segments()
	v.build()
	v.fill()
	return v
}

func (v *localeView) build() {
	t := v.s.o.T
	back := widget.NewButtonWithIcon(t.S("ReviewBack"), theme.NavigateBackIcon(), v.s.showLanding)
	title := widget.NewLabelWithStyle(t.F("ReviewLocaleTitle", map[string]any{
		"Language": languageName(t, v.locale), "Locale": string(v.locale)}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText

	v.filterGroup = widget.NewRadioGroup(nil, nil)
	v.filterGroup.Horizontal = true
	v.filterGroup.Required = true
	v.filterGroup.OnChanged = func(label string) {
		if i := slices.Index(v.filterGroup.Options, label); i >= 0 && filters[i] != v.filter {
			v.SetFilter(filters[i])
		}
	}
	v.buildModules()

	selectShown := widget.NewButton(t.S("ReviewSelectShown"), v.selectShown)
	selectNone := widget.NewButton(t.S("ReviewSelectNone"), v.clearSelection)
	v.retranslate = widget.NewButtonWithIcon("", theme.ViewRefreshIcon(), v.startAI)
	v.retranslate.Importance = widget.HighImportance
	preview := widget.NewButtonWithIcon(t.F("ReviewPreview", map[string]any{"Language": languageName(t, v.locale)}),
		theme.VisibilityIcon(), v.preview)
	if v.s.o.Preview == nil {
		preview.Hide()
	}
	v.aiBar = newAIBar(t)

	top := container.NewBorder(nil, nil, back, container.NewHBox(v.s.glossaryButton(), v.styleButton(), preview), title)
	filterRow := container.NewBorder(nil, nil, nil, v.modules, v.filterGroup)
	hint := widget.NewLabel(t.S("ReviewKeyHint"))
	hint.Importance = widget.LowImportance
	actions := container.NewBorder(nil, nil, container.NewHBox(selectShown, selectNone, v.retranslate), hint)
	heads := container.NewGridWithColumns(2,
		columnHead(t.F("ReviewColumnSource", map[string]any{"Language": languageName(t, v.s.project().SourceLocale)})),
		columnHead(t.F("ReviewColumnTarget", map[string]any{"Language": languageName(t, v.locale)})))
	v.header = container.NewVBox(top, filterRow, actions, v.aiBar.view, v.aiBar.note, widget.NewSeparator(), heads)

	v.list = container.NewVBox()
	v.scroll = container.NewVScroll(container.NewPadded(v.list))
	v.view = container.NewBorder(container.NewPadded(v.header), nil, nil, nil, v.scroll)
}

func columnHead(text string) fyne.CanvasObject {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// buildModules offers every module and the project's own texts.
func (v *localeView) buildModules() {
	t := v.s.o.T
	p := v.s.project()
	labels := []string{t.S("ReviewAllModules"), t.S("ReviewProjectTexts")}
	v.moduleIDs = []string{anyModule, projectModule}
	for _, m := range p.Modules {
		labels = append(labels, m.Title)
		v.moduleIDs = append(v.moduleIDs, m.ID)
	}
	v.modules = widget.NewSelect(labels, func(label string) {
		if i := slices.Index(v.modules.Options, label); i >= 0 && v.moduleIDs[i] != v.module {
			v.SetModule(v.moduleIDs[i])
		}
	})
	v.modules.SetSelectedIndex(slices.Index(v.moduleIDs, v.module))
}

// SetFilter shows the segments that pass f.
func (v *localeView) SetFilter(f Filter) {
	v.commitAll()
	v.filter = f
	v.fill()
}

// SetModule shows the segments of one module (projectModule: the course's
// own texts; anyModule: all).
func (v *localeView) SetModule(id string) {
	v.commitAll()
	v.module = id
	if i := slices.Index(v.moduleIDs, id); i >= 0 && v.modules.SelectedIndex() != i {
		v.modules.SetSelectedIndex(i)
	}
	v.fill()
}

func (v *localeView) item(seg l10n.Segment) l10n.Item {
	tr := l10n.Translations{}
	if t, ok := v.tr[seg.ID]; ok {
		tr[seg.ID] = t
	}
	return l10n.Join([]l10n.Segment{seg}, tr)[0]
}

func (v *localeView) passes(f Filter, seg l10n.Segment) bool {
	if v.module != anyModule && seg.ModuleID != v.module {
		return false
	}
	it := v.item(seg)
	switch f {
	case FilterNeedsReview:
		return it.State != l10n.Approved || it.Stale
	case FilterStale:
		return it.Stale
	case FilterWarnings:
		return len(l10n.QA(seg, it.Translation.Target, v.locale, v.s.gloss)) > 0
	case FilterApproved:
		return it.State == l10n.Approved && !it.Stale
	}
	return true
}

// pageSize is how many rows are built at a time: a translator works down
// the list, and hundreds of rows at once would make every filter slow.
const pageSize = 40

// fill rebuilds the list for the filter and module, one page of it.
func (v *localeView) fill() {
	v.rows = nil
	v.matches = v.matches[:0]
	for _, seg := range v.segs {
		if v.passes(v.filter, seg) {
			v.matches = append(v.matches, seg)
		}
	}
	v.list.Objects = nil
	if len(v.matches) == 0 {
		empty := widget.NewLabel(v.s.o.T.S("ReviewNoMatches"))
		empty.Alignment = fyne.TextAlignCenter
		v.list.Objects = []fyne.CanvasObject{container.NewPadded(empty)}
	}
	v.more = widget.NewButtonWithIcon("", theme.MoreVerticalIcon(), v.showMore)
	v.moreBox = container.NewCenter(v.more)
	v.showMore()
	v.scroll.ScrollToTop()
	v.refreshCounts()
}

// showMore adds the next page of rows.
func (v *localeView) showMore() {
	if n := len(v.list.Objects); n > 0 && v.list.Objects[n-1] == v.moreBox {
		v.list.Objects = v.list.Objects[:n-1]
	}
	end := min(len(v.rows)+pageSize, len(v.matches))
	for _, seg := range v.matches[len(v.rows):end] {
		r := newRow(v, seg)
		r.reason = v.reasons[seg.ID]
		r.refreshNotes()
		v.rows = append(v.rows, r)
		v.list.Objects = append(v.list.Objects, r.view)
	}
	if left := len(v.matches) - len(v.rows); left > 0 {
		v.more.SetText(v.s.o.T.N("ReviewShowMore", min(left, pageSize), map[string]any{"Left": left}))
		v.list.Objects = append(v.list.Objects, v.moreBox)
	}
	v.list.Refresh()
}

// refreshCounts labels the filters with how many segments each shows now.
func (v *localeView) refreshCounts() {
	t := v.s.o.T
	labels := make([]string, len(filters))
	for i, f := range filters {
		n := 0
		for _, seg := range v.segs {
			if v.passes(f, seg) {
				n++
			}
		}
		switch f {
		case FilterAll:
			labels[i] = t.N("ReviewFilterAll", n, nil)
		case FilterNeedsReview:
			labels[i] = t.N("ReviewFilterNeedsReview", n, nil)
		case FilterStale:
			labels[i] = t.N("ReviewFilterStale", n, nil)
		case FilterWarnings:
			labels[i] = t.N("ReviewFilterWarnings", n, nil)
		case FilterApproved:
			labels[i] = t.N("ReviewFilterApproved", n, nil)
		}
	}
	v.filterGroup.Options = labels
	v.filterGroup.Selected = labels[slices.Index(filters, v.filter)]
	v.filterGroup.Refresh()
	v.refreshSelection()
}

// Rows are the segments on screen, for tests.
func (v *localeView) Rows() []*row { return v.rows }

func (v *localeView) rowOf(id string) *row {
	for _, r := range v.rows {
		if r.seg.ID == id {
			return r
		}
	}
	return nil
}

// save stores the field's text in state, by the reviewer, now.
func (v *localeView) save(r *row, state l10n.State) bool {
	target := fromDisplay(r.entry.Text)
	if strings.TrimSpace(target) == "" {
		target, state = "", l10n.Untranslated
	}
	by := v.s.user()
	if state == l10n.Approved {
		by = l10n.ApprovedBy(by, v.tr[r.seg.ID], target)
	}
	t := l10n.NewTranslation(r.seg, target, state, by, v.s.o.Session.Now())
	t.Comments = v.tr[r.seg.ID].Comments
	if err := v.s.o.Session.SaveTranslations(v.locale, []l10n.Translation{t}); err != nil {
		v.s.o.ShowError(err)
		return false
	}
	v.tr[r.seg.ID] = t
	r.saved = r.entry.Text
	delete(v.reasons, r.seg.ID)
	r.reason = ""
	r.refresh()
	v.refreshCounts()
	v.saved()
	return true
}

// saved tells the preview, if any, about new translations.
func (v *localeView) saved() {
	if v.s.o.Saved != nil {
		v.s.o.Saved(v.locale, v.translations())
	}
}

// commitEdit saves a changed field as the reviewer's edit.
func (v *localeView) commitEdit(r *row) {
	if r.changed() {
		v.save(r, l10n.Edited)
	}
}

// commitAll saves every changed field, before the list is rebuilt.
func (v *localeView) commitAll() {
	for _, r := range v.rows {
		v.commitEdit(r)
	}
}

// approve marks the field's text approved. An empty field cannot be.
func (v *localeView) approve(r *row) bool {
	if r.blank() {
		r.problem = v.s.o.T.S("ReviewNothingToApprove")
		r.refreshNotes()
		return false
	}
	it := v.item(r.seg)
	if it.State == l10n.Approved && !it.Stale && !r.changed() {
		return true
	}
	return v.save(r, l10n.Approved)
}

// approveAndNext approves r and puts the cursor in the next segment on
// screen, scrolled into view.
func (v *localeView) approveAndNext(r *row) {
	if !v.approve(r) {
		return
	}
	i := slices.Index(v.rows, r)
	if i >= 0 && i+1 == len(v.rows) && len(v.rows) < len(v.matches) {
		v.showMore()
	}
	if i < 0 || i+1 >= len(v.rows) {
		return
	}
	next := v.rows[i+1]
	v.s.o.Window.Canvas().Focus(next.entry)
	v.scrollTo(next)
}

func (v *localeView) scrollTo(r *row) {
	y := r.view.Position().Y
	if top := v.scroll.Offset.Y; y >= top && y+r.view.Size().Height <= top+v.scroll.Size().Height {
		return
	}
	v.scroll.ScrollToOffset(fyne.NewPos(0, max(0, y-theme.Padding()*4)))
}

func (v *localeView) addComment(r *row, text string) {
	text = strings.TrimSpace(text)
	if text == "" {
		return
	}
	c := l10n.Comment{By: v.s.user(), At: v.s.o.Session.Now().UTC(), Text: text}
	if err := v.s.o.Session.AddComment(v.locale, r.seg.ID, c); err != nil {
		v.s.o.ShowError(err)
		return
	}
	t, ok := v.tr[r.seg.ID]
	if !ok {
		t = l10n.Translation{ID: r.seg.ID, State: l10n.Untranslated}
	}
	t.Comments = append(slices.Clip(t.Comments), c)
	v.tr[r.seg.ID] = t
	r.refresh()
	v.list.Refresh()
}

func (v *localeView) setSelected(id string, on bool) {
	if on {
		v.selected[id] = true
	} else {
		delete(v.selected, id)
	}
	v.refreshSelection()
}

func (v *localeView) selectShown() {
	for _, seg := range v.matches {
		v.selected[seg.ID] = true
	}
	for _, r := range v.rows {
		r.check.SetChecked(true)
	}
	v.refreshSelection()
}

func (v *localeView) clearSelection() {
	clear(v.selected)
	for _, r := range v.rows {
		r.check.SetChecked(false)
	}
	v.refreshSelection()
}

// refreshSelection labels the AI button with how many segments it takes.
func (v *localeView) refreshSelection() {
	n := len(v.selected)
	v.retranslate.SetText(v.s.o.T.N("ReviewRetranslate", n, nil))
	if n == 0 || v.aiBar.running() {
		v.retranslate.Disable()
	} else {
		v.retranslate.Enable()
	}
}

// preview shows the module in the filter (or the first) in this locale.
func (v *localeView) preview() {
	v.commitAll()
	module := v.module
	if module == anyModule || module == projectModule {
		module = v.s.o.Current()
	}
	if module == "" && len(v.s.project().Modules) > 0 {
		module = v.s.project().Modules[0].ID
	}
	if module == "" {
		return
	}
	v.s.o.Preview(v.locale, module, v.translations())
}

// translations is a copy of the locale's translations, safe to hand to a
// goroutine.
func (v *localeView) translations() l10n.Translations {
	out := make(l10n.Translations, len(v.tr))
	for id, t := range v.tr {
		t.Comments = slices.Clone(t.Comments)
		out[id] = t
	}
	return out
}

// close saves what is typed and stops a running AI job.
func (v *localeView) close() {
	v.commitAll()
	v.aiBar.cancel()
}

// relayout makes room for the header's lines that appeared or went.
func (v *localeView) relayout() {
	v.header.Refresh()
	v.view.Refresh()
}

package review

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/uikit"
	"github.com/stacklet/stacklet/authoring/l10n"
)

// landing shows each target language's progress with a button to review it.
func (s *Screen) landing() fyne.CanvasObject {
	t := s.o.T
	p := s.project()
	title := widget.NewLabelWithStyle(t.S("ReviewTitle"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	intro := widget.NewLabel(t.F("ReviewIntro", map[string]any{"Language": languageName(t, p.SourceLocale)}))
	intro.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(container.NewBorder(nil, nil, nil, s.glossaryButton(), title), intro, legend(s))
	if len(p.TargetLocales) == 0 {
		none := widget.NewLabel(t.S("ReviewNoLocales"))
		none.Wrapping = fyne.TextWrapWord
		box.Add(none)
	}
	segs := s.segments()
	for _, loc := range p.TargetLocales {
		tr, err := s.o.Session.Translations(loc)
		if err != nil {
			s.o.ShowError(err)
		}
		box.Add(widget.NewSeparator())
		box.Add(s.localeCard(l10n.StatusOf(loc, segs, tr)))
	}
	return container.NewVScroll(container.NewPadded(uikit.MaxWidth(box, uikit.FormWidth+120)))
}

// legend names the bar's colours once, above the languages.
func legend(s *Screen) fyne.CanvasObject {
	box := container.NewHBox()
	for _, st := range l10n.States {
		c := newChip()
		c.set(stateLabel(s.o.T, st), stateColor(st))
		box.Add(c.view)
	}
	return box
}

func (s *Screen) localeCard(st l10n.Status) fyne.CanvasObject {
	t := s.o.T
	name := widget.NewLabelWithStyle(t.F("ReviewLocaleTitle", map[string]any{
		"Language": languageName(t, st.Locale), "Locale": string(st.Locale)}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.SizeName = theme.SizeNameSubHeadingText
	loc := st.Locale
	open := widget.NewButtonWithIcon(t.S("ReviewOpen"), theme.DocumentCreateIcon(), func() { s.Open(loc) })
	open.Importance = widget.HighImportance
	bar := newStackedBar([]barPart{{st.Approved, colorApproved}, {st.Edited, colorEdited},
		{st.Machine, colorMachine}, {st.Untranslated, colorUntranslated}})
	summary := widget.NewLabel(t.N("ReviewApprovedOf", st.Total, map[string]any{"Approved": st.Approved}))
	counts := container.NewHBox(
		count(t.N("ReviewCountApproved", st.Approved, nil), colorApproved),
		count(t.N("ReviewCountEdited", st.Edited, nil), colorEdited),
		count(t.N("ReviewCountMachine", st.Machine, nil), colorMachine),
		count(t.N("ReviewCountUntranslated", st.Untranslated, nil), colorUntranslated))
	if st.Stale > 0 {
		counts.Add(count(t.N("ReviewCountStale", st.Stale, nil), colorStale))
	}
	head := container.NewBorder(nil, nil, nil, open, container.NewHBox(name, layout.NewSpacer(), summary))
	return container.NewVBox(head, bar, counts)
}

// count is a number with a square of its colour before it.
func count(text string, c color.Color) fyne.CanvasObject {
	ch := newChip()
	ch.set(" ", c)
	l := widget.NewLabel(text)
	return container.NewHBox(container.NewCenter(ch.view), l)
}

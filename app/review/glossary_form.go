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

// termForm adds a term or changes one, in place of the list. A refusal
// (no term, a term already there) shows under the field and keeps what was
// typed.
type termForm struct {
	g            *GlossaryEditor
	old          *l10n.Term // nil when adding
	locales      []authoring.Locale
	term         *widget.Entry
	termError    *fyne.Container
	dnt          *widget.Check
	translations []*widget.Entry // one per locale
	note         *widget.Entry
	problem      *fyne.Container // a refusal not about the term's name
	view         fyne.CanvasObject
}

// openForm shows the form for old, or for a new term when old is nil.
func (g *GlossaryEditor) openForm(old *l10n.Term) {
	f := newTermForm(g, old)
	g.form = f
	g.body.Objects = []fyne.CanvasObject{f.view}
	g.body.Refresh()
	t := g.o.T
	cancel := widget.NewButtonWithIcon(t.S("ReviewGlossaryCancel"), theme.CancelIcon(), g.showList)
	save := widget.NewButtonWithIcon(t.S("ReviewGlossarySave"), theme.DocumentSaveIcon(), f.save)
	save.Importance = widget.HighImportance
	g.setButtons([]fyne.CanvasObject{cancel, save})
	g.o.Window.Canvas().Focus(f.term)
}

func newTermForm(g *GlossaryEditor, old *l10n.Term) *termForm {
	t := g.o.T
	f := &termForm{g: g, old: old, locales: slices.Clone(g.locales()),
		termError: container.NewVBox(), problem: container.NewVBox()}
	f.term = widget.NewEntry()
	f.term.SetPlaceHolder(t.S("ReviewGlossaryTermHint"))
	f.term.OnChanged = func(string) { f.setError(f.termError, "") }
	f.term.OnSubmitted = func(string) { f.save() }
	f.dnt = widget.NewCheck(t.S("ReviewGlossaryDNTCheck"), func(bool) { f.refreshDNT() })
	f.note = widget.NewMultiLineEntry()
	f.note.Wrapping = fyne.TextWrapWord
	f.note.SetMinRowsVisible(2)
	f.note.SetPlaceHolder(t.S("ReviewGlossaryNoteHint"))

	items := []*widget.FormItem{
		{Text: t.S("ReviewGlossaryColumnTerm"), Widget: container.NewVBox(f.term, f.termError)},
		{Text: "", Widget: f.dnt},
	}
	for _, loc := range f.locales {
		e := widget.NewEntry()
		e.SetPlaceHolder(t.S("ReviewGlossaryTranslationHint"))
		if old != nil {
			e.SetText(old.Translations[loc])
		}
		f.translations = append(f.translations, e)
		items = append(items, &widget.FormItem{Widget: e,
			Text: t.F("ReviewLocaleTitle", map[string]any{"Language": languageName(t, loc), "Locale": string(loc)})})
	}
	items = append(items, &widget.FormItem{Text: t.S("ReviewGlossaryColumnNote"), Widget: f.note})

	heading := t.S("ReviewGlossaryAddTitle")
	if old != nil {
		heading = t.F("ReviewGlossaryEditTitle", map[string]any{"Term": old.Term})
		f.term.SetText(old.Term)
		f.dnt.SetChecked(old.DoNotTranslate)
		f.note.SetText(old.Note)
	}
	title := widget.NewLabelWithStyle(heading, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	f.refreshDNT()
	f.view = container.NewVScroll(container.NewVBox(title, widget.NewForm(items...), f.problem))
	return f
}

// refreshDNT turns the translation fields off for a term kept as it is;
// they keep their text in case the box is unticked again.
func (f *termForm) refreshDNT() {
	for _, e := range f.translations {
		if f.dnt.Checked {
			e.Disable()
		} else {
			e.Enable()
		}
	}
}

// value is the term as the form describes it. Translations into languages
// the project no longer targets are not on the form and stay as they were.
func (f *termForm) value() l10n.Term {
	t := l10n.Term{Term: strings.TrimSpace(f.term.Text), DoNotTranslate: f.dnt.Checked, Note: strings.TrimSpace(f.note.Text)}
	if t.DoNotTranslate {
		return t
	}
	t.Translations = map[authoring.Locale]string{}
	if f.old != nil {
		for loc, text := range f.old.Translations {
			if !slices.Contains(f.locales, loc) {
				t.Translations[loc] = text
			}
		}
	}
	for i, loc := range f.locales {
		if text := strings.TrimSpace(f.translations[i].Text); text != "" {
			t.Translations[loc] = text
		}
	}
	return t
}

// save stores the term and goes back to the list, or says why it cannot.
func (f *termForm) save() {
	t := f.g.o.T
	term := f.value()
	if term.Term == "" {
		f.setError(f.termError, t.S("ReviewGlossaryErrEmpty"))
		return
	}
	old := ""
	if f.old != nil {
		old = f.old.Term
	}
	err := f.g.o.Session.SetTerm(old, term)
	switch authoring.ErrorCode(err) {
	case "":
		f.g.showList()
	case authoring.ECONFLICT:
		f.setError(f.termError, t.F("ReviewGlossaryErrDuplicate", map[string]any{"Term": f.clash(term.Term)}))
	case authoring.ENOTFOUND:
		f.setError(f.problem, t.S("ReviewGlossaryErrGone"))
	case authoring.EINVALID:
		f.setError(f.problem, t.F("ReviewGlossaryErrInvalid", map[string]any{"Reason": authoring.ErrorMessage(err)}))
	default:
		f.g.o.ShowError(err)
	}
}

// clash is the stored term that name collides with, as it is written.
func (f *termForm) clash(name string) string {
	for _, other := range f.g.terms {
		if strings.EqualFold(other.Term, name) {
			return other.Term
		}
	}
	return name
}

// setError shows text in box as an error line, or clears it.
func (f *termForm) setError(box *fyne.Container, text string) {
	box.RemoveAll()
	if text != "" {
		box.Add(note(text, theme.ErrorIcon(), widget.DangerImportance))
	}
	box.Refresh()
}

// Error is the refusal on show for the term's name, "" when none; for tests.
func (f *termForm) Error() string { return errorText(f.termError) }

func errorText(box *fyne.Container) string {
	for _, o := range box.Objects {
		if c, ok := o.(*fyne.Container); ok {
			for _, p := range c.Objects {
				if l, ok := p.(*widget.Label); ok {
					return l.Text
				}
			}
		}
	}
	return ""
}

package review

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/authoring/l10n"
)

// formalityKeys name each register in the catalogs, in l10n.Formalities order.
var formalityKeys = []string{"ReviewStyleFollowSource", "ReviewStyleFormal", "ReviewStyleInformal"}

// styleForm edits how the locale's translations should sound: the note the
// model gets with every batch, and that a translator reads here.
type styleForm struct {
	v         *localeView
	formality *widget.Select
	audience  *widget.Entry
	notes     *widget.Entry
	dialog    *dialog.ConfirmDialog
}

func (v *localeView) styleButton() *widget.Button {
	return widget.NewButtonWithIcon(v.s.o.T.S("ReviewStyleButton"), theme.DocumentIcon(), func() { v.ShowStyle() })
}

// ShowStyle opens the style form over the window, filled with the stored
// style.
func (v *localeView) ShowStyle() *styleForm {
	t := v.s.o.T
	f := &styleForm{v: v}
	labels := make([]string, len(formalityKeys))
	for i, key := range formalityKeys {
		labels[i] = t.S(key)
	}
	f.formality = widget.NewSelect(labels, nil)
	f.formality.SetSelectedIndex(max(slices.Index(l10n.Formalities, v.style.Formality), 0))
	f.audience = widget.NewEntry()
	f.audience.SetPlaceHolder(t.S("ReviewStyleAudienceHint"))
	f.audience.SetText(v.style.Audience)
	f.notes = widget.NewMultiLineEntry()
	f.notes.Wrapping = fyne.TextWrapWord
	f.notes.SetMinRowsVisible(3)
	f.notes.SetPlaceHolder(t.S("ReviewStyleNotesHint"))
	f.notes.SetText(v.style.Notes)
	intro := widget.NewLabel(t.F("ReviewStyleIntro", map[string]any{"Language": languageName(t, v.locale)}))
	intro.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem(t.S("ReviewStyleFormality"), f.formality),
		widget.NewFormItem(t.S("ReviewStyleAudience"), f.audience),
		widget.NewFormItem(t.S("ReviewStyleNotes"), f.notes))
	body := container.NewVBox(intro, form)
	f.dialog = dialog.NewCustomConfirm(t.F("ReviewStyleTitle", map[string]any{"Language": languageName(t, v.locale)}),
		t.S("ReviewStyleSave"), t.S("ReviewCancel"), body, func(ok bool) {
			if ok {
				f.save()
			}
		}, v.s.o.Window)
	f.dialog.Resize(fyne.NewSize(560, 0))
	f.dialog.Show()
	v.styleForm = f
	return f
}

// style is what the form says now, trimmed.
func (f *styleForm) style() l10n.Style {
	i := max(f.formality.SelectedIndex(), 0)
	return l10n.Style{Formality: l10n.Formalities[i], Audience: f.audience.Text, Notes: f.notes.Text}.Trimmed()
}

// save stores the style; a refusal (a text too long) keeps the stored one.
func (f *styleForm) save() {
	st := f.style()
	if err := f.v.s.o.Session.SetStyle(f.v.locale, st); err != nil {
		f.v.s.o.ShowError(err)
		return
	}
	f.v.style = st
}

package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/authoring"
)

// errorTexts are the dialog title and advice for each error code: what went
// wrong, and what to do about it. The error's own message adds the detail.
var errorTexts = map[string][2]string{
	authoring.EINVALID:  {"ErrInvalidTitle", "ErrInvalidAdvice"},
	authoring.ENOTFOUND: {"ErrNotFoundTitle", "ErrNotFoundAdvice"},
	authoring.ECONFLICT: {"ErrConflictTitle", "ErrConflictAdvice"},
	authoring.ECORRUPT:  {"ErrCorruptTitle", "ErrCorruptAdvice"},
	authoring.EVERSION:  {"ErrVersionTitle", "ErrVersionAdvice"},
	authoring.EINTERNAL: {"ErrInternalTitle", "ErrInternalAdvice"},
}

// ShowError explains err in a dialog. A canceled job needs no dialog.
func (a *App) ShowError(err error) {
	code := authoring.ErrorCode(err)
	if code == "" || code == authoring.ECANCELED {
		return
	}
	texts, ok := errorTexts[code]
	if !ok {
		texts = errorTexts[authoring.EINTERNAL]
	}
	a.errorDialog(a.t.S(texts[0]), a.t.S(texts[1]), authoring.ErrorMessage(err))
}

// showSaveError tells the designer an edit did not reach the disk.
func (a *App) showSaveError(err error) {
	a.errorDialog(a.t.S("ErrSaveTitle"), a.t.S("ErrSaveAdvice"), authoring.ErrorMessage(err))
}

func (a *App) errorDialog(title, advice, detail string) {
	adv := widget.NewLabel(advice)
	adv.Wrapping = fyne.TextWrapWord
	det := widget.NewLabel(detail)
	det.Wrapping = fyne.TextWrapWord
	det.Importance = widget.LowImportance
	d := dialog.NewCustom(title, a.t.S("CommonOK"), container.NewVBox(adv, det), a.win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

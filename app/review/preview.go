package review

import (
	"fyne.io/fyne/v2"

	"github.com/stacklet/stacklet/app/previewer"
	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/edit"
	"github.com/stacklet/stacklet/authoring/l10n"
)

// localePreview runs the preview extension's server in the locale under
// review, one at a time, rebuilt as the reviewer saves.
type localePreview struct {
	app     fyne.App
	t       *tr.T
	sess    *edit.Session
	onError func(error)

	p      *previewer.Previewer
	locale authoring.Locale
	tr     l10n.Translations
}

// show previews moduleID in locale with tr, starting a server for the
// locale if none runs.
func (lp *localePreview) show(locale authoring.Locale, moduleID string, tr l10n.Translations) {
	lp.tr = tr
	if lp.p != nil && lp.locale != locale {
		lp.close()
	}
	if lp.p == nil {
		lp.locale = locale
		lp.p = previewer.Start(previewer.Options{Session: lp.sess, T: lp.t, OpenURL: lp.app.OpenURL,
			OnError: lp.onError, Locale: locale, Translations: func() l10n.Translations { return lp.tr }})
	}
	lp.p.Show(moduleID)
}

// update hands the server the latest translations.
func (lp *localePreview) update(locale authoring.Locale, tr l10n.Translations) {
	if lp.p != nil && lp.locale == locale {
		lp.tr = tr
		lp.p.Refresh()
	}
}

func (lp *localePreview) close() {
	if lp.p != nil {
		lp.p.Close()
		lp.p = nil
	}
}

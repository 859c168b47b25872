package review

import (
	"image/color"

	"fyne.io/fyne/v2"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/i18n/aitranslate"
)

var tagStyle = fyne.TextStyle{Bold: true}

// stateLabels are catalog ids, written out so the catalog test finds them.
var stateLabels = map[l10n.State]string{
	l10n.Untranslated: "ReviewStateUntranslated",
	l10n.Machine:      "ReviewStateMachine",
	l10n.Edited:       "ReviewStateEdited",
	l10n.Approved:     "ReviewStateApproved",
}

func stateLabel(t *tr.T, s l10n.State) string { return t.S(stateLabels[s]) }

// warningLabels name each QA check in the interface language; the checks'
// own messages are English details for logs.
var warningLabels = map[string]string{
	l10n.WarnPlaceholders: "ReviewWarnPlaceholders",
	l10n.WarnNumbers:      "ReviewWarnNumbers",
	l10n.WarnWhitespace:   "ReviewWarnWhitespace",
	l10n.WarnPunctuation:  "ReviewWarnPunctuation",
	l10n.WarnLength:       "ReviewWarnLength",
	l10n.WarnGlossary:     "ReviewWarnGlossary",
	l10n.WarnIdentical:    "ReviewWarnIdentical",
}

func warningLabel(t *tr.T, w l10n.Warning) string {
	if id, ok := warningLabels[w.Check]; ok {
		return t.S(id)
	}
	return w.Message
}

// ruleLabels say in the interface language which rule the model's text
// broke; the English detail in the result's error is for logs.
var ruleLabels = map[aitranslate.Rule]string{
	aitranslate.RuleEmpty:        "ReviewReasonEmpty",
	aitranslate.RulePlaceholders: "ReviewReasonPlaceholders",
	aitranslate.RuleMarkup:       "ReviewReasonMarkup",
	aitranslate.RuleControl:      "ReviewReasonControl",
	aitranslate.RuleNotText:      "ReviewReasonNotText",
}

// rejectionLabel says why the AI left a segment untranslated.
func rejectionLabel(t *tr.T, r aitranslate.Result) string {
	if r.Outcome == aitranslate.Missing {
		return t.S("ReviewReasonMissing")
	}
	if id, ok := ruleLabels[r.Rule]; ok {
		return t.S(id)
	}
	return authoring.ErrorMessage(r.Err)
}

// State colours, one hue each and dark enough for white text on both
// themes: grey to do, amber from a machine, blue edited, green done.
var (
	colorUntranslated = color.NRGBA{R: 0x75, G: 0x75, B: 0x75, A: 0xff}
	colorMachine      = color.NRGBA{R: 0xb2, G: 0x6a, B: 0x00, A: 0xff}
	colorEdited       = color.NRGBA{R: 0x1f, G: 0x5f, B: 0xbf, A: 0xff}
	colorApproved     = color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff}
	colorStale        = color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}
)

func stateColor(s l10n.State) color.Color {
	switch s {
	case l10n.Machine:
		return colorMachine
	case l10n.Edited:
		return colorEdited
	case l10n.Approved:
		return colorApproved
	}
	return colorUntranslated
}

// languageName names locale in the interface language: "Spanish", "Arabisch".
func languageName(t *tr.T, locale authoring.Locale) string {
	name := display.Tags(language.Make(string(t.Lang()))).Name(language.Make(string(locale)))
	if name == "" {
		return string(locale)
	}
	return name
}

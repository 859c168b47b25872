package app

import (
	"encoding/json"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/i18n"
)

// fyneStrings maps the texts Fyne's own widgets and dialogs look up (Cancel,
// Save, the file dialog) to the app's catalog ids, so that they follow the
// app's language rather than the system's.
var fyneStrings = map[string]string{
	"Advanced":          "FyneAdvanced",
	"Cancel":            "FyneCancel",
	"Confirm":           "FyneConfirm",
	"Copy":              "FyneCopy",
	"Create Folder":     "FyneCreateFolder",
	"Cut":               "FyneCut",
	"Enter filename":    "FyneEnterFilename",
	"Error":             "FyneError",
	"File":              "FyneFile",
	"Folder":            "FyneFolder",
	"New Folder":        "FyneNewFolder",
	"No":                "FyneNo",
	"OK":                "FyneOK",
	"Open":              "FyneOpen",
	"Paste":             "FynePaste",
	"Quit":              "FyneQuit",
	"Redo":              "FyneRedo",
	"Save":              "FyneSave",
	"Select all":        "FyneSelectAll",
	"Show Hidden Files": "FyneShowHidden",
	"Undo":              "FyneUndo",
	"Yes":               "FyneYes",
	"(Parent)":          "FyneParentFolder",
	"file.parent":       "FyneParent",
	"file.name":         "FyneName",
}

// fyneLocales are the languages Fyne ships strings for (v2.7). Fyne picks
// one of them, or one of ours, from the system locale.
var fyneLocales = []fyne.Locale{"cs", "de", "el", "en", "es", "fr", "pl", "pt", "pt-BR", "ru", "sv", "ta", "uk", "zh-Hans"}

// syncFyneLanguage makes Fyne's strings speak t's language. Fyne's lang
// package chooses its language from the system and offers no setter, so the
// app's translations are registered under every language Fyne could choose:
// whichever it matches, the words are the app's.
func syncFyneLanguage(t *tr.T) error {
	msgs := map[string]string{}
	for key, id := range fyneStrings {
		msgs[key] = t.S(id)
	}
	data, err := json.Marshal(msgs)
	if err != nil {
		return err
	}
	targets := append([]fyne.Locale(nil), fyneLocales...)
	for _, l := range i18n.UILocales() {
		targets = append(targets, fyne.Locale(l))
	}
	for _, l := range targets {
		if err := lang.AddTranslationsForLocale(data, l); err != nil {
			return err
		}
	}
	return nil
}

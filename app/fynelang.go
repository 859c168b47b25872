package app

import (
	"encoding/json"
	"os"
	"strings"

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

// nameTheCLocaleLanguage keeps Fyne quiet under LANG=C.UTF-8 (containers,
// CI): its locale lookup takes the "C" of "C.UTF-8" for a language and logs
// "Error parsing user locale C" each time translations are added. The C
// locale's messages are English, so LANGUAGE says so. Only programs that
// translate read LANGUAGE, and they find English under C anyway. A real
// locale, plain "C" (which Fyne skips) or a LANGUAGE already set is left
// alone.
func nameTheCLocaleLanguage() {
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	for _, env := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(env)
		if v == "" {
			continue
		}
		if base, _, codeset := strings.Cut(v, "."); codeset && (base == "C" || base == "POSIX") {
			os.Setenv("LANGUAGE", "en")
		}
		return
	}
}

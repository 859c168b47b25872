// Package host is what the desktop app offers the screens that plug into it
// (media library, export, settings, ...): the window, the open project and
// the interface language, and a way to add menu items and sidebar entries.
// The app imports the screens; screens import only this package.
package host

import (
	"fyne.io/fyne/v2"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/edit"
)

// Host is the running app, as a screen sees it. Call it on the UI goroutine.
type Host interface {
	App() fyne.App
	Window() fyne.Window
	T() *tr.T
	// Session is the open project, nil on the start screen.
	Session() *edit.Session
	// ProjectPath is the open .stacklet file, "" when none.
	ProjectPath() string
	// CurrentModule is the id of the module on screen, "" when none.
	CurrentModule() string
	// SelectBlock shows a block and focuses one of its fields ("" for none).
	// With no module and no block, field is one of the project's own fields
	// as edit.MediaUses names them ("theme.logo", "credentials[1].image"):
	// the screen of an extension that opens it, or else the project settings.
	SelectBlock(moduleID, blockID, field string)
	// ShowError explains err in a dialog: what went wrong and what to do.
	ShowError(err error)
	// ShowScreen fills the main area with the Screen of extension id.
	ShowScreen(id string)
	// SetLanguage switches the interface language ("" follows the system),
	// remembers the choice and redraws the window.
	SetLanguage(l authoring.Locale)
	// SetThemeVariant switches to "light", "dark" or "system" and remembers it.
	SetThemeVariant(v string)
}

// Menu names a menu of the main menu bar.
type Menu int

const (
	MenuNone Menu = iota
	MenuFile
	MenuEdit
	MenuModule
	MenuInsert
	MenuTools
	MenuHelp
)

// Extension is a screen or action that plugs into the app.
type Extension struct {
	ID           string
	Label        string // catalog id of its menu item, sidebar entry and button
	Icon         fyne.Resource
	Menu         Menu
	Shortcut     fyne.Shortcut
	Sidebar      bool // listed in the project sidebar below the modules
	NeedsProject bool // disabled while no project is open
	Start        bool // also a button on the start screen

	// Action runs when the item is chosen: it opens a dialog or starts a job.
	Action func(h Host)
	// Screen, used when Action is nil, fills the main area; leave (may be
	// nil) is called when the user goes elsewhere.
	Screen func(h Host) (view fyne.CanvasObject, leave func())
	// OpenField, if set, shows a project field that lives on this screen
	// ("credentials[1].image", indexes from 1) and reports whether it did.
	OpenField func(h Host, field string) bool
	// OnDrop, if set, receives files dropped on the window.
	OnDrop func(h Host, uris []fyne.URI)
	// OnProjectClosed, if set, runs once the open project is closed, before
	// its session is: let go of what was kept for it (Session is nil now).
	OnProjectClosed func(h Host)
	// OnLanguageChanged, if set, runs after SetLanguage: redo the texts
	// kept outside the window, which the app redraws itself.
	OnLanguageChanged func(h Host)
}

// Preference keys the app reads at start; the settings screen writes them.
const (
	PrefLanguage = "ui.language" // BCP 47 tag, "" for the system language
	PrefTheme    = "ui.theme"    // "light", "dark" or "system"
)

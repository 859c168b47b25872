package review

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/host"
	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/edit"
	"github.com/stacklet/stacklet/authoring/l10n"
)

// GlossaryShortcut opens the glossary: Ctrl+Shift+G.
var GlossaryShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyG, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}

// GlossaryExtension is the glossary editor as the Tools menu item
// "Glossary…"; the review screen opens the same dialog from its button.
func GlossaryExtension() host.Extension {
	return host.Extension{
		ID:           "glossary",
		Label:        "ReviewGlossaryMenu",
		Icon:         theme.ListIcon(),
		Menu:         host.MenuTools,
		Shortcut:     GlossaryShortcut,
		NeedsProject: true,
		Action: func(h host.Host) {
			ShowGlossary(GlossaryOptions{Window: h.Window(), T: h.T(), Session: h.Session(), ShowError: h.ShowError})
		},
	}
}

// GlossaryOptions are what the glossary editor works on.
type GlossaryOptions struct {
	Window    fyne.Window
	T         *tr.T
	Session   *edit.Session
	ShowError func(error)
	// Confirm asks before a term is removed; nil shows a dialog.
	Confirm func(title, message, yes string, do func())
}

// GlossaryEditor is the project glossary in a dialog: every term with its
// translations into the target languages and its note, a filter, and a
// form to add or change a term. Its changes are project edits: Edit ▸ Undo
// takes them back, and the review screen follows them.
type GlossaryEditor struct {
	o       GlossaryOptions
	terms   l10n.Glossary // as stored
	rows    []*glossaryRow
	filter  *widget.Entry
	count   *widget.Label
	list    *fyne.Container
	body    *fyne.Container // the list or a term form
	page    fyne.CanvasObject
	buttons []fyne.CanvasObject // the list's
	bar     *fyne.Container     // the dialog's button row: the list's or the form's
	form    *termForm           // nil while the list shows
	dlg     *dialog.CustomDialog
	stopObs func()
}

// glossaryRow is one term in the list.
type glossaryRow struct {
	term   l10n.Term
	edit   *widget.Button
	remove *widget.Button
	view   fyne.CanvasObject
}

// colorKeep marks do-not-translate terms: violet, apart from the state
// colours, dark enough for white text.
var colorKeep = color.NRGBA{R: 0x6a, G: 0x3d, B: 0x9a, A: 0xff}

// ShowGlossary opens the glossary editor over o.Window.
func ShowGlossary(o GlossaryOptions) *GlossaryEditor {
	if o.ShowError == nil {
		o.ShowError = func(err error) { dialog.ShowError(err, o.Window) }
	}
	g := &GlossaryEditor{o: o, body: container.NewStack()}
	g.build()
	g.reload()
	g.stopObs = o.Session.Observe(g.changed)
	g.dlg = dialog.NewCustomWithoutButtons(o.T.S("ReviewGlossaryTitle"), g.body, o.Window)
	// One row whose buttons change: the dialog places its content above the
	// row's last position, so a new row object would squash the content.
	g.bar = container.NewGridWithRows(1)
	g.dlg.SetButtons([]fyne.CanvasObject{g.bar})
	g.dlg.SetOnClosed(g.stopObs)
	g.showList()
	win := o.Window.Canvas().Size()
	g.dlg.Resize(fyne.NewSize(min(win.Width*0.92, 1040), min(win.Height*0.88, 720)))
	g.dlg.Show()
	return g
}

func (g *GlossaryEditor) build() {
	t := g.o.T
	intro := widget.NewLabel(t.S("ReviewGlossaryIntro"))
	intro.Wrapping = fyne.TextWrapWord
	g.filter = widget.NewEntry()
	g.filter.SetPlaceHolder(t.S("ReviewGlossaryFilter"))
	g.filter.OnChanged = func(string) { g.fill() }
	add := widget.NewButtonWithIcon(t.S("ReviewGlossaryAdd"), theme.ContentAddIcon(), func() { g.openForm(nil) })
	add.Importance = widget.HighImportance
	g.count = widget.NewLabel("")
	g.count.Importance = widget.LowImportance
	g.list = container.NewVBox()
	top := container.NewVBox(intro, container.NewBorder(nil, nil, nil, container.NewHBox(g.count, add), g.filter))
	g.page = container.NewBorder(top, nil, nil, nil, container.NewVScroll(g.list))
	g.buttons = []fyne.CanvasObject{widget.NewButton(t.S("ReviewGlossaryClose"), g.Close)}
}

// Close closes the dialog.
func (g *GlossaryEditor) Close() { g.dlg.Hide() }

// locales are the project's target languages, the translation columns.
func (g *GlossaryEditor) locales() []authoring.Locale {
	return g.o.Session.Project().TargetLocales
}

// reload reads the stored glossary and lists it.
func (g *GlossaryEditor) reload() {
	terms, err := g.o.Session.Glossary()
	if err != nil {
		g.o.ShowError(err)
	}
	g.terms = terms
	g.fill()
}

// changed follows glossary edits, also those undone from the Edit menu,
// and language changes (undo of the project settings).
func (g *GlossaryEditor) changed(c edit.Change) {
	if c.Kind == edit.GlossaryChanged || c.Kind == edit.ProjectChanged {
		g.reload()
	}
}

func (g *GlossaryEditor) showList() {
	g.form = nil
	g.body.Objects = []fyne.CanvasObject{g.page}
	g.body.Refresh()
	g.setButtons(g.buttons)
}

// setButtons puts buttons in the dialog's button row.
func (g *GlossaryEditor) setButtons(buttons []fyne.CanvasObject) {
	g.bar.Objects = buttons
	g.bar.Refresh()
	g.dlg.Refresh()
}

// fill lists the terms that pass the filter.
func (g *GlossaryEditor) fill() {
	t := g.o.T
	g.rows = nil
	g.list.Objects = nil
	q := strings.ToLower(strings.TrimSpace(g.filter.Text))
	for _, term := range g.terms {
		if matchesTerm(term, q) {
			r := g.newRow(term)
			g.rows = append(g.rows, r)
			g.list.Objects = append(g.list.Objects, r.view)
		}
	}
	switch {
	case len(g.terms) == 0:
		g.list.Objects = []fyne.CanvasObject{wrapped(t.S("ReviewGlossaryEmpty"))}
	case len(g.rows) == 0:
		g.list.Objects = []fyne.CanvasObject{wrapped(t.S("ReviewGlossaryNoMatches"))}
	default:
		g.list.Objects = append([]fyne.CanvasObject{g.header()}, g.list.Objects...)
	}
	g.count.SetText(t.N("ReviewGlossaryCount", len(g.terms), nil))
	g.list.Refresh()
}

// matchesTerm reports whether q (lower case) is in the term, a translation
// or the note.
func matchesTerm(t l10n.Term, q string) bool {
	if q == "" || strings.Contains(strings.ToLower(t.Term), q) || strings.Contains(strings.ToLower(t.Note), q) {
		return true
	}
	for _, text := range t.Translations {
		if strings.Contains(strings.ToLower(text), q) {
			return true
		}
	}
	return false
}

// columns lays out a row's cells: the term, one per target language, the
// note. Equal widths make the rows line up under the header.
func (g *GlossaryEditor) columns(cells []fyne.CanvasObject) fyne.CanvasObject {
	return container.NewGridWithColumns(len(cells), cells...)
}

// actions are a row's Edit and Remove buttons.
func (g *GlossaryEditor) actions(term l10n.Term) (edit, remove *widget.Button, box fyne.CanvasObject) {
	t := g.o.T
	edit = widget.NewButtonWithIcon(t.S("ReviewGlossaryEdit"), theme.DocumentCreateIcon(), func() { g.openForm(&term) })
	remove = widget.NewButtonWithIcon(t.S("ReviewGlossaryRemove"), theme.DeleteIcon(), func() { g.confirmRemove(term.Term) })
	return edit, remove, container.NewHBox(edit, remove)
}

func (g *GlossaryEditor) header() fyne.CanvasObject {
	t := g.o.T
	cells := []fyne.CanvasObject{columnHead(t.S("ReviewGlossaryColumnTerm"))}
	for _, loc := range g.locales() {
		cells = append(cells, columnHead(t.F("ReviewLocaleTitle", map[string]any{"Language": languageName(t, loc), "Locale": string(loc)})))
	}
	cells = append(cells, columnHead(t.S("ReviewGlossaryColumnNote")))
	_, _, box := g.actions(l10n.Term{}) // measured, so the header leaves their room
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(box.MinSize().Width, 0))
	return container.NewBorder(nil, widget.NewSeparator(), nil, room, g.columns(cells))
}

func (g *GlossaryEditor) newRow(term l10n.Term) *glossaryRow {
	t := g.o.T
	r := &glossaryRow{term: term}
	name := widget.NewLabelWithStyle(term.Term, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Wrapping = fyne.TextWrapWord
	first := container.NewVBox(name)
	if term.DoNotTranslate {
		badge := newChip()
		badge.set(t.S("ReviewGlossaryDNT"), colorKeep)
		first.Add(container.NewHBox(badge.view))
	}
	cells := []fyne.CanvasObject{first}
	for _, loc := range g.locales() {
		cells = append(cells, translationCell(t, term, loc))
	}
	cells = append(cells, wrapped(term.Note))
	var buttons fyne.CanvasObject
	r.edit, r.remove, buttons = g.actions(term)
	r.view = container.NewBorder(nil, widget.NewSeparator(), nil, container.NewVBox(buttons), g.columns(cells))
	return r
}

// translationCell shows how term reads in loc, that it stays as it is, or
// that the translation is still missing.
func translationCell(t *tr.T, term l10n.Term, loc authoring.Locale) fyne.CanvasObject {
	switch text, ok := term.Translations[loc]; {
	case term.DoNotTranslate:
		l := wrapped(t.S("ReviewGlossaryKept"))
		l.Importance = widget.LowImportance
		return l
	case ok:
		return wrapped(text)
	default:
		l := wrapped(t.S("ReviewGlossaryMissing"))
		l.Importance = widget.WarningImportance
		return l
	}
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// confirmRemove asks, then removes term as one undoable edit.
func (g *GlossaryEditor) confirmRemove(term string) {
	t := g.o.T
	do := func() {
		if err := g.o.Session.RemoveTerm(term); err != nil {
			g.o.ShowError(err)
		}
	}
	title, yes := t.S("ReviewGlossaryRemoveTitle"), t.S("ReviewGlossaryRemove")
	message := t.F("ReviewGlossaryRemoveMessage", map[string]any{"Term": term})
	if g.o.Confirm != nil {
		g.o.Confirm(title, message, yes, do)
		return
	}
	d := dialog.NewConfirm(title, message, func(ok bool) {
		if ok {
			do()
		}
	}, g.o.Window)
	d.SetConfirmText(yes)
	d.SetDismissText(t.S("ReviewGlossaryCancel"))
	d.Show()
}

// Rows are the terms on show, for tests.
func (g *GlossaryEditor) Rows() []*glossaryRow { return g.rows }

func (g *GlossaryEditor) rowOf(term string) *glossaryRow {
	for _, r := range g.rows {
		if r.term.Term == term {
			return r
		}
	}
	return nil
}

package app

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/app/uikit"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/authoringtest"
	"github.com/stacklet/stacklet/authoring/edit"
	"github.com/stacklet/stacklet/authoring/sqlite"
)

// newTestApp starts the app on Fyne's test driver with an empty project
// file in a temp dir.
func newTestApp(t *testing.T) (*App, string) {
	t.Helper()
	fa := test.NewTempApp(t)
	a := New(fa, Options{Language: "en"})
	a.Window().Resize(fyne.NewSize(1280, 820))
	path := filepath.Join(t.TempDir(), "ladders.stacklet")
	a.CreateProject(path, "Ladder safety", "en")
	if a.project == nil {
		t.Fatal("the new project did not open")
	}
	t.Cleanup(func() { a.closeProject() })
	return a, path
}

// reopen reads the project file as a new app would after a restart.
func reopen(t *testing.T, path string) *authoring.Project {
	t.Helper()
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p, err := st.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// shot saves the window as a PNG when STACKLET_SHOTS names a folder: a way
// to look at screens the tests reach.
func shot(t *testing.T, a *App, name string) {
	dir := os.Getenv("STACKLET_SHOTS")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, a.Window().Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

func entry(t *testing.T, a *App, field string) *uikit.Entry {
	t.Helper()
	if a.project.editor == nil {
		t.Fatalf("no block editor on show (field %s)", field)
	}
	e, ok := a.project.editor.Field(field).(*uikit.Entry)
	if !ok {
		t.Fatalf("the editor has no entry for %q", field)
	}
	return e
}

func blockKinds(m *authoring.Module) []authoring.BlockKind {
	var out []authoring.BlockKind
	for _, b := range m.Blocks {
		out = append(out, b.Kind())
	}
	return out
}

// menuItem finds an item of the window's menu bar, in submenus too, and
// checks it is enabled.
func menuItem(t *testing.T, a *App, label string) *fyne.MenuItem {
	t.Helper()
	var find func(items []*fyne.MenuItem) *fyne.MenuItem
	find = func(items []*fyne.MenuItem) *fyne.MenuItem {
		for _, it := range items {
			if it.Label == label && it.Action != nil {
				return it
			}
			if it.ChildMenu != nil {
				if found := find(it.ChildMenu.Items); found != nil {
					return found
				}
			}
		}
		return nil
	}
	menu := a.Window().MainMenu()
	if menu == nil { // the test driver keeps no menu bar
		menu = a.mainMenu()
	}
	for _, m := range menu.Items {
		if it := find(m.Items); it != nil {
			if it.Disabled {
				t.Fatalf("menu item %q is disabled", label)
			}
			return it
		}
	}
	t.Fatalf("no menu item %q", label)
	return nil
}

// TestEveryBlockKindThroughTheInsertMenu adds one block of every kind, types
// into the first field of each, and finds all of it in the file.
func TestEveryBlockKindThroughTheInsertMenu(t *testing.T) {
	a, path := newTestApp(t)
	for _, k := range authoring.BlockKinds() {
		menuItem(t, a, uikit.KindLabel(a.t, k)).Action()
		if first := firstField(k); first != "" {
			test.Type(entry(t, a, first), "About "+string(k))
		}
	}
	shot(t, a, "every-kind")
	m := a.project.module()
	if got := blockKinds(m); !slices.Equal(got, authoring.BlockKinds()) {
		t.Fatalf("blocks %v, want one of every kind in palette order", got)
	}
	a.closeProject()
	saved := reopen(t, path).Modules[0]
	if got := blockKinds(&saved); !slices.Equal(got, authoring.BlockKinds()) {
		t.Errorf("file holds blocks %v", got)
	}
	q := saved.Blocks[len(saved.Blocks)-1].Content.(*authoring.Ordering)
	if q.Prompt != "About ordering" || len(q.Items) != 2 {
		t.Errorf("ordering question saved as %+v", q)
	}
}

// TestPaletteAddsBlockAfterSelection uses the Add block dialog.
func TestPaletteAddsBlockAfterSelection(t *testing.T) {
	a, _ := newTestApp(t)
	a.project.insertBlock(authoring.KindText)
	a.project.insertBlock(authoring.KindDivider)
	a.project.selectBlock(a.project.moduleID, a.project.module().Blocks[0].ID, "")
	a.project.showPalette()
	shot(t, a, "palette")
	tapButton(t, a.Window().Canvas(), uikit.KindLabel(a.t, authoring.KindQuote))
	got := blockKinds(a.project.module())
	want := []authoring.BlockKind{authoring.KindText, authoring.KindQuote, authoring.KindDivider}
	if !slices.Equal(got, want) {
		t.Errorf("blocks %v, want %v", got, want)
	}
}

// tapButton taps the button labelled label, in the window or a dialog.
func tapButton(t *testing.T, c fyne.Canvas, label string) {
	t.Helper()
	var objs []fyne.CanvasObject // dialogs first: they are on top
	for _, o := range c.Overlays().List() {
		objs = append(objs, test.LaidOutObjects(o)...)
	}
	objs = append(objs, test.LaidOutObjects(c.Content())...)
	for _, o := range objs {
		if b, ok := o.(*widget.Button); ok && b.Text == label {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q on screen", label)
}

func TestEditReorderUndoRedoPersist(t *testing.T) {
	a, path := newTestApp(t)
	pv := a.project
	pv.insertBlock(authoring.KindStatement)
	test.Type(entry(t, a, "text"), "Three points of contact")
	pv.insertBlock(authoring.KindSingleChoice)
	prompt := entry(t, a, "prompt")
	test.Type(prompt, "Which is safe?")
	test.Type(entry(t, a, "choices[1].text"), "Facing the ladder")
	test.Type(entry(t, a, "choices[2].text"), "Leaning sideways")

	// Move the question above the statement with the outline's Up button.
	tapButton(t, a.Window().Canvas(), a.t.S("BlockUp"))
	want := []authoring.BlockKind{authoring.KindSingleChoice, authoring.KindStatement}
	if got := blockKinds(pv.module()); !slices.Equal(got, want) {
		t.Fatalf("after Up: %v, want %v", got, want)
	}

	// Ctrl+Z in a text field undoes the project's last action: the move.
	a.Window().Canvas().Focus(prompt)
	prompt.TypedShortcut(&fyne.ShortcutUndo{})
	if got := blockKinds(pv.module()); got[0] != authoring.KindStatement {
		t.Fatalf("undo did not take back the move: %v", got)
	}
	// Ctrl+Y on the canvas redoes it.
	a.Window().Canvas().Unfocus()
	a.Window().Canvas().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutRedo{})
	if got := blockKinds(pv.module()); got[0] != authoring.KindSingleChoice {
		t.Fatalf("redo did not move the question up again: %v", got)
	}
	// Undo twice more: the typing of choice 2 goes as one step.
	a.Undo()
	a.Undo()
	q := pv.module().Blocks[1].Content.(*authoring.SingleChoice)
	if q.Choices[1].Text != "" || q.Choices[0].Text != "Facing the ladder" {
		t.Fatalf("undo of typing left choices %q, %q", q.Choices[0].Text, q.Choices[1].Text)
	}
	if e := entry(t, a, "choices[2].text"); e.Text != "" {
		t.Errorf("the editor still shows %q after undo", e.Text)
	}
	a.Redo()
	a.closeProject()
	saved := reopen(t, path).Modules[0]
	if got := blockKinds(&saved); !slices.Equal(got, []authoring.BlockKind{authoring.KindStatement, authoring.KindSingleChoice}) {
		t.Errorf("file holds %v", got)
	}
	sq := saved.Blocks[1].Content.(*authoring.SingleChoice)
	if sq.Prompt != "Which is safe?" || sq.Choices[1].Text != "Leaning sideways" {
		t.Errorf("file holds question %+v", sq)
	}
}

// TestProblemAppearsAndDisappears: an image without alt text is a problem;
// choosing it in the panel focuses the alt field; typing fixes it.
func TestProblemAppearsAndDisappears(t *testing.T) {
	a, path := newTestApp(t)
	pv := a.project
	m, err := pv.s.AddMedia("dot.png", authoringtest.PNG)
	if err != nil {
		t.Fatal(err)
	}
	pv.insertBlock(authoring.KindImage)
	tapButton(t, a.Window().Canvas(), a.t.S("PickChoose"))
	tapButton(t, a.Window().Canvas(), "") // the thumbnail tile of dot.png
	img := pv.module().Blocks[0].Content.(*authoring.Image)
	if img.Media != m.Hash {
		t.Fatalf("picker set media %q, want %q", img.Media, m.Hash)
	}
	alt := findProblem(pv.problems.Items(), "alt")
	if alt == nil {
		t.Fatalf("no alt text problem among %v", pv.problems.Items())
	}
	shot(t, a, "problem")
	pv.selectBlock("", "", "") // go elsewhere, then come back through the panel
	pv.problems.OnSelect(*alt)
	if f := a.Window().Canvas().Focused(); f != a.project.editor.Field("alt") {
		t.Fatalf("choosing the problem focused %T, want the alt field", f)
	}
	test.Type(entry(t, a, "alt"), "A red dot")
	if findProblem(pv.problems.Items(), "alt") != nil {
		t.Error("the alt text problem is still listed")
	}
	a.Undo()
	if findProblem(pv.problems.Items(), "alt") == nil {
		t.Error("undo did not bring the problem back")
	}
	a.Redo()
	a.closeProject()
	if got := reopen(t, path).Modules[0].Blocks[0].Content.(*authoring.Image).Alt; got != "A red dot" {
		t.Errorf("file holds alt %q", got)
	}
}

func findProblem(ps []authoring.Problem, field string) *authoring.Problem {
	for _, p := range ps {
		if p.Field == field {
			return &p
		}
	}
	return nil
}

// TestModuleActions adds, renames, duplicates, reorders and deletes modules.
func TestModuleActions(t *testing.T) {
	a, path := newTestApp(t)
	pv := a.project
	pv.addModule()
	title, ok := pv.form.Field("title").(*uikit.Entry)
	if !ok {
		t.Fatal("a new module does not open its settings at the title")
	}
	title.SetText("")
	test.Type(title, "Inspecting a ladder")
	pv.duplicateModule()
	pv.moveModule(-1)
	titles := func() []string {
		var out []string
		for _, m := range pv.s.Project().Modules {
			out = append(out, m.Title)
		}
		return out
	}
	want := []string{"Untitled module", "Inspecting a ladder (copy)", "Inspecting a ladder"}
	if got := titles(); !slices.Equal(got, want) {
		t.Fatalf("modules %q, want %q", got, want)
	}
	pv.deleteModule()
	tapButton(t, a.Window().Canvas(), a.t.S("ModuleDelete"))
	if got := titles(); len(got) != 2 {
		t.Fatalf("after delete: %q", got)
	}
	a.Undo()
	if got := titles(); !slices.Equal(got, want) {
		t.Fatalf("after undo of delete: %q", got)
	}
	a.closeProject()
	var saved []string
	for _, m := range reopen(t, path).Modules {
		saved = append(saved, m.Title)
	}
	if !slices.Equal(saved, want) {
		t.Errorf("file holds %q", saved)
	}
}

// TestSettingsForms edits module and project settings.
func TestSettingsForms(t *testing.T) {
	a, path := newTestApp(t)
	pv := a.project
	pv.showModuleSettings("")
	minutes := pv.form.Field("minutes").(*uikit.Entry)
	minutes.SetText("")
	test.Type(minutes, "12")
	outcomes := pv.form.Field("outcomes").(*uikit.Entry)
	test.Type(outcomes, "Inspect a ladder\nCarry a ladder")
	shot(t, a, "module-settings")
	pv.showProjectSettings("")
	title := pv.form.Field("title").(*uikit.Entry)
	title.SetText("Working at height")
	shot(t, a, "project-settings")
	a.closeProject()
	p := reopen(t, path)
	if m := p.Modules[0]; m.Minutes != 12 || !slices.Equal(m.Outcomes, []string{"Inspect a ladder", "Carry a ladder"}) {
		t.Errorf("module saved as minutes %d, outcomes %q", m.Minutes, m.Outcomes)
	}
	if p.Title != "Working at height" {
		t.Errorf("project title saved as %q", p.Title)
	}
}

// TestFyneDialogsFollowTheAppLanguage: whatever the system language, Fyne's
// own words (the file dialog's Cancel, Open) come in the app's language.
func TestFyneDialogsFollowTheAppLanguage(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "en_US.UTF-8")
	systems := []string{"en_US", "fr_FR", "pt_BR", "pt_PT", "de_DE", "ru_RU", "zh_CN", "ja_JP", "id_ID", "sv_SE"}
	want := map[authoring.Locale][2]string{
		"de": {"Abbrechen", "Öffnen"}, "id": {"Batal", "Buka"}, "pt-BR": {"Cancelar", "Abrir"},
		"fr": {"Annuler", "Ouvrir"}, "es": {"Cancelar", "Abrir"}, "en": {"Cancel", "Open"},
	}
	for l, words := range want {
		for _, sys := range systems {
			t.Setenv("LANGUAGE", sys)
			if err := syncFyneLanguage(tr.New(l)); err != nil {
				t.Fatal(err)
			}
			if got := [2]string{lang.L("Cancel"), lang.L("Open")}; got != words {
				t.Errorf("app in %s, system in %s: Fyne says %q, want %q", l, sys, got, words)
			}
		}
	}
}

// TestEveryProblemLeadsToItsField: a new block of each kind has problems
// (empty texts, no file chosen); choosing each one in the panel must put the
// focus on a widget of that block's editor.
func TestEveryProblemLeadsToItsField(t *testing.T) {
	a, _ := newTestApp(t)
	pv := a.project
	for _, k := range authoring.BlockKinds() {
		pv.insertBlock(k)
	}
	probs := pv.problems.Items()
	if len(probs) < len(authoring.BlockKinds()) {
		t.Fatalf("only %d problems for %d new blocks", len(probs), len(authoring.BlockKinds()))
	}
	for _, p := range probs {
		if p.BlockID == "" || p.Field == "" {
			continue
		}
		a.Window().Canvas().Unfocus()
		pv.problems.OnSelect(p)
		if pv.blockID != p.BlockID {
			t.Errorf("%s: selected block %s", p, pv.blockID)
		}
		if f := a.Window().Canvas().Focused(); f == nil {
			t.Errorf("%s (field %s): nothing focused", p, p.Field)
		}
	}
}

// TestSingleChoiceHasOneCorrectAnswer: ticking a choice unticks the other.
func TestSingleChoiceHasOneCorrectAnswer(t *testing.T) {
	a, _ := newTestApp(t)
	a.project.insertBlock(authoring.KindSingleChoice)
	second := a.project.editor.Field("choices[2].correct").(*widget.Check)
	test.Tap(second)
	q := a.project.module().Blocks[0].Content.(*authoring.SingleChoice)
	if q.Choices[0].Correct || !q.Choices[1].Correct {
		t.Fatalf("choices correct = %v, %v; want only the second", q.Choices[0].Correct, q.Choices[1].Correct)
	}
	if a.project.editor.Field("choices[1].correct").(*widget.Check).Checked {
		t.Error("the first choice still shows ticked")
	}
	a.Undo()
	if a.project.editor.Field("choices[2].correct").(*widget.Check).Checked {
		t.Error("undo left the second choice ticked on screen")
	}
}

// TestLanguageSwitchRedrawsEverything: the settings screen calls
// SetLanguage; menus, screens and Fyne's own words follow at once.
func TestLanguageSwitchRedrawsEverything(t *testing.T) {
	a, _ := newTestApp(t)
	a.project.insertBlock(authoring.KindImage)
	a.SetLanguage("de")
	if got := a.mainMenu().Items[0].Label; got != "Datei" {
		t.Errorf("file menu is %q in German", got)
	}
	if got := lang.L("Cancel"); got != "Abbrechen" {
		t.Errorf("Fyne's Cancel is %q in German", got)
	}
	if a.project.problems.Items() == nil || a.project.header.Text == "" {
		t.Fatal("the module view was not rebuilt")
	}
	tapButton(t, a.Window().Canvas(), "Block hinzufügen")
	a.SetLanguage("en")
}

// TestSampleOpensAsTheUsersOwnCopy: --sample opens a copy in the app's
// folder; edits stay in the copy and survive a restart.
func TestSampleOpensAsTheUsersOwnCopy(t *testing.T) {
	fa := test.NewTempApp(t)
	a := New(fa, Options{Language: "en"})
	sample, err := a.samplePath()
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(sample) // the test driver's app folder outlives the test
	t.Cleanup(func() { os.Remove(sample) })
	a.OpenSample()
	if a.project == nil || len(a.Session().Project().Modules) != 3 {
		t.Fatal("the sample did not open with its three modules")
	}
	a.project.showProjectSettings("")
	got := labelStartingWith(a.project.form.Object(), "es: ")
	allApproved := regexp.MustCompile(`^es: (\d+) approved · 0 edited · 0 machine-translated · 0 untranslated · 0 with a changed source \(of (\d+) texts\)$`)
	if m := allApproved.FindStringSubmatch(got); m == nil || m[1] != m[2] || m[1] == "0" {
		t.Errorf("project settings show Spanish progress %q, want every text approved", got)
	}
	path := a.ProjectPath()
	if filepath.Dir(path) != fa.Storage().RootURI().Path() {
		t.Errorf("sample copy at %s, want it in the app's folder", path)
	}
	if err := a.Session().DeleteModule(a.Session().Project().Modules[2].ID); err != nil {
		t.Fatal(err)
	}
	a.closeProject()
	a.OpenSample()
	if n := len(a.Session().Project().Modules); n != 2 {
		t.Errorf("reopened sample has %d modules, want the edited copy's 2", n)
	}
	if got := a.recent(); len(got) != 1 || got[0] != path {
		t.Errorf("recent projects %q, want the sample copy", got)
	}
	a.closeProject()
}

// TestDragRowToMoveBlock drags the first outline row two rows down.
func TestDragRowToMoveBlock(t *testing.T) {
	a, _ := newTestApp(t)
	for _, k := range []authoring.BlockKind{authoring.KindText, authoring.KindQuote, authoring.KindDivider} {
		a.project.insertBlock(k)
	}
	var first fyne.Draggable
	for _, o := range test.LaidOutObjects(a.project.outline.List) {
		if _, isScroll := o.(*container.Scroll); isScroll {
			continue // the list's own scroller is draggable too
		}
		if d, ok := o.(fyne.Draggable); ok {
			first = d
			break
		}
	}
	if first == nil {
		t.Fatal("no draggable outline row")
	}
	h := first.(fyne.CanvasObject).Size().Height + theme.SeparatorThicknessSize()
	first.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DY: h}})
	first.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DY: h}})
	first.DragEnd()
	want := []authoring.BlockKind{authoring.KindQuote, authoring.KindDivider, authoring.KindText}
	if got := blockKinds(a.project.module()); !slices.Equal(got, want) {
		t.Errorf("after dragging the first row down two rows: %v, want %v", got, want)
	}
}

// labelStartingWith finds the text of a label under o, one line of it.
func labelStartingWith(o fyne.CanvasObject, prefix string) string {
	if l, ok := o.(*widget.Label); ok {
		for _, line := range strings.Split(l.Text, "\n") {
			if strings.HasPrefix(line, prefix) {
				return line
			}
		}
	}
	var children []fyne.CanvasObject
	switch c := o.(type) {
	case *fyne.Container:
		children = c.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(c).Objects()
	}
	for _, child := range children {
		if got := labelStartingWith(child, prefix); got != "" {
			return got
		}
	}
	return ""
}

// TestWhereUsedOpensTheLogo: "where used" of the theme logo in the media
// library (host.SelectBlock with the use edit.MediaUses gives) opens the
// project settings on the logo picker, and the module stays the current one.
func TestWhereUsedOpensTheLogo(t *testing.T) {
	a, _ := newTestApp(t)
	pv := a.project
	module := a.CurrentModule()
	if module == "" {
		t.Fatal("a new project shows no module")
	}
	m, err := pv.s.AddMedia("logo.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>`))
	if err != nil {
		t.Fatal(err)
	}
	if err := pv.s.EditProject(edit.Field("theme.logo"), func(p *authoring.Project) { p.Theme.Logo = m.Hash }); err != nil {
		t.Fatal(err)
	}
	uses := edit.MediaUses(pv.s.Project(), m.Hash)
	if len(uses) != 1 {
		t.Fatalf("uses of the logo: %v", uses)
	}
	a.SelectBlock(uses[0].ModuleID, uses[0].BlockID, uses[0].Field)
	if pv.mode != projectSettingsMode || pv.form == nil {
		t.Fatalf("where used of the logo left the view in mode %d", pv.mode)
	}
	if got, want := a.Window().Canvas().Focused(), pv.form.Field("theme.logo"); got == nil || got != want {
		t.Errorf("focused %T, want the logo picker", got)
	}
	if got := a.CurrentModule(); got != module {
		t.Errorf("current module became %q, want %q", got, module)
	}
}

// TestAppFolderRefusalSpeaksTheAppLanguage: when the app's folder cannot
// be made, the error says so in the interface language. The folder is
// blocked by a file in a temp dir of the test's own, never the test
// driver's storage root (os.TempDir itself).
func TestAppFolderRefusalSpeaksTheAppLanguage(t *testing.T) {
	root := filepath.Join(t.TempDir(), "app")
	if err := os.WriteFile(root, []byte("a file where the folder should be"), 0o644); err != nil {
		t.Fatal(err)
	}
	de := tr.New("de")
	err := makeAppFolder(de, root)
	if authoring.ErrorCode(err) != authoring.EINTERNAL {
		t.Fatalf("error %v, want code %s", err, authoring.EINTERNAL)
	}
	want, _, _ := strings.Cut(de.F("SampleFolderFailed", map[string]any{"Folder": root, "Detail": "\x00"}), "\x00")
	if got := authoring.ErrorMessage(err); !strings.HasPrefix(got, want) || !strings.Contains(got, "Ordner") {
		t.Errorf("refusal %q, want the German %q…", got, want)
	}
	if err := makeAppFolder(de, filepath.Join(t.TempDir(), "new")); err != nil {
		t.Errorf("a folder that can be made: %v", err)
	}
}

package credential

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/app/uikit"
	"github.com/stacklet/stacklet/assets"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/edit"
	"github.com/stacklet/stacklet/authoring/jsondump"
	"github.com/stacklet/stacklet/authoring/sqlite"
)

// fixture is the sample project in a real .stacklet file, open in a session
// and shown in the credential editor inside a test window.
type fixture struct {
	s      *Screen
	sess   *edit.Session
	win    fyne.Window
	path   string
	errors []error
}

// history sends the entries' Ctrl+Z to the session, as the app does.
type history struct{ s *edit.Session }

func (h history) Undo() { h.s.Undo() }
func (h history) Redo() { h.s.Redo() }

func newFixture(t *testing.T, lang authoring.Locale) *fixture {
	t.Helper()
	a := test.NewApp()
	t.Cleanup(a.Quit)
	ctx := context.Background()
	src, media, err := jsondump.ReadFS(assets.SampleFS())
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sample.stacklet")
	store, err := sqlite.Create(ctx, path, src)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Replace(ctx, src, media); err != nil {
		t.Fatal(err)
	}
	p, err := store.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{sess: edit.New(p, store, edit.Options{}), path: path}
	t.Cleanup(func() { f.sess.Close() })
	f.win = a.NewWindow("")
	f.s = New(Options{Window: f.win, T: tr.New(lang), Session: f.sess, History: history{f.sess},
		ShowError: func(err error) { f.errors = append(f.errors, err) },
		Confirm:   func(_, _ string, yes func()) { yes() }})
	t.Cleanup(f.s.Close)
	f.win.SetContent(f.s.View())
	f.win.Resize(fyne.NewSize(1280, 800))
	return f
}

// reopen flushes the session and loads the project file afresh.
func (f *fixture) reopen(t *testing.T) *authoring.Project {
	t.Helper()
	if err := f.sess.Flush(); err != nil {
		t.Fatal(err)
	}
	store, err := sqlite.Open(context.Background(), f.path)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	p, err := store.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func (f *fixture) cred(t *testing.T) *authoring.Credential {
	t.Helper()
	c, err := f.sess.Project().Credential(f.s.Editing())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (f *fixture) entry(t *testing.T, field string) *uikit.Entry {
	t.Helper()
	e, ok := f.s.Field(field).(*uikit.Entry)
	if !ok {
		t.Fatalf("field %s is %T, not an entry", field, f.s.Field(field))
	}
	return e
}

func (f *fixture) choose(t *testing.T, field string, match func(string) bool) {
	t.Helper()
	sel, ok := f.s.Field(field).(*widget.Select)
	if !ok {
		t.Fatalf("field %s is %T, not a select", field, f.s.Field(field))
	}
	for _, o := range sel.Options {
		if match(o) {
			sel.SetSelected(o)
			return
		}
	}
	t.Fatalf("no option of %s matches", field)
}

func TestAddThenFillUntilNoEUElementIsMissing(t *testing.T) {
	f := newFixture(t, "en")
	before := len(f.sess.Project().Credentials)
	test.Tap(f.s.Add)
	if got := len(f.sess.Project().Credentials); got != before+1 {
		t.Fatalf("%d credentials after Add, want %d", got, before+1)
	}
	if f.s.Editing() == "micro-credentials-essentials" || f.cred(t).Title != "New micro-credential" {
		t.Fatalf("editing %q titled %q, want the new one", f.s.Editing(), f.cred(t).Title)
	}
	id := f.s.Editing()
	missing := len(f.s.Checks.Missing)
	if missing == 0 {
		t.Fatal("a new credential misses no EU element")
	}
	steps := []struct {
		name string
		fill func()
	}{
		{"awarding body", func() { test.Type(f.entry(t, "awardingBody.name"), "Open Learning Lab") }},
		{"country", func() {
			f.choose(t, "awardingBody.country", func(o string) bool { return strings.HasSuffix(o, "(PT)") })
		}},
		{"workload", func() { test.Type(f.entry(t, "workloadHours"), "12.5") }},
		{"level", func() { f.choose(t, "eqfLevel", func(o string) bool { return o == "Level 4" }) }},
		{"assessment", func() { test.Type(f.entry(t, "assessment"), "Automatically scored quiz") }},
		{"participation", func() { f.choose(t, "participation", func(o string) bool { return o == "Blended" }) }},
		{"quality assurance", func() { test.Type(f.entry(t, "qualityAssurance"), "Peer review") }},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			st.fill()
			if got := len(f.s.Checks.Missing); got != missing-1 {
				t.Fatalf("%d missing after filling %s, want %d: %v", got, st.name, missing-1, f.s.Checks.Fields)
			}
			missing--
		})
	}
	if missing != 0 || len(f.sess.Project().MissingEUElements(f.cred(t))) != 0 {
		t.Fatalf("still missing: %v", f.s.Checks.Fields)
	}
	c := f.reopen(t)
	got, err := c.Credential(id)
	if err != nil {
		t.Fatal(err)
	}
	if got.AwardingBody.Name != "Open Learning Lab" || got.AwardingBody.Country != "PT" || got.WorkloadHours != 12.5 ||
		got.EQFLevel != 4 || got.Participation != authoring.ParticipationBlended || got.QualityAssurance != "Peer review" {
		t.Errorf("saved credential: %+v", got)
	}
}

func TestTakeOutcomesFromModulesThenEdit(t *testing.T) {
	f := newFixture(t, "en")
	test.Tap(f.s.Add)
	c := f.cred(t)
	fromModules := f.sess.Project().CredentialOutcomes(c)
	if len(c.Outcomes) != 0 || len(fromModules) == 0 {
		t.Fatalf("new credential has %d own outcomes, %d from modules", len(c.Outcomes), len(fromModules))
	}
	test.Tap(f.s.Field("outcomes").(*widget.Button))
	if got := f.cred(t).Outcomes; !slices.Equal(got, fromModules) {
		t.Fatalf("outcomes %q, want %q", got, fromModules)
	}
	e := f.entry(t, "outcomes[1]")
	e.SetText("Reworded outcome")
	if got := f.cred(t).Outcomes[1]; got != "Reworded outcome" {
		t.Errorf("outcome 2 is %q", got)
	}
}

func TestPickESCOSkill(t *testing.T) {
	f := newFixture(t, "en")
	before := len(f.cred(t).Skills)
	test.Tap(f.s.Field("skills").(*widget.Button))
	if f.s.Picker == nil {
		t.Fatal("no picker opened")
	}
	test.Type(f.s.Picker.Search, "work teams")
	m := f.s.Picker.Matches()
	if len(m) != 1 || m[0].Label != "work in teams" {
		t.Fatalf("search matches %v", m)
	}
	f.s.Picker.List.Select(0)
	skills := f.cred(t).Skills
	if len(skills) != before+1 || skills[before] != m[0] || !authoring.IsESCOSkill(skills[before].URI) {
		t.Fatalf("skills %v", skills)
	}
	if got := f.entry(t, "skills[4].label").Text; got != "work in teams" {
		t.Errorf("new skill row shows %q", got)
	}
	if len(f.reopen(t).Credentials[0].Skills) != before+1 {
		t.Error("picked skill not saved")
	}
}

func TestTypingIsOneUndoStepAndUndoUpdatesTheField(t *testing.T) {
	f := newFixture(t, "en")
	e := f.entry(t, "awardingBody.region")
	orig := e.Text
	test.Type(e, " and Munster")
	if got := f.cred(t).AwardingBody.Region; got != e.Text || !strings.Contains(got, "Munster") {
		t.Fatalf("region %q", got)
	}
	e.TypedShortcut(&fyne.ShortcutUndo{}) // through the History, as Ctrl+Z
	if got := f.cred(t).AwardingBody.Region; got != orig {
		t.Fatalf("after one undo region is %q, want %q", got, orig)
	}
	if e.Text != orig || f.entry(t, "awardingBody.region") != e {
		t.Errorf("entry shows %q after undo (or was rebuilt)", e.Text)
	}
	if got := f.reopen(t).Credentials[0].AwardingBody.Region; got != orig {
		t.Errorf("saved region %q after undo", got)
	}
}

func TestChoosingAProblemFocusesItsField(t *testing.T) {
	f := newFixture(t, "en")
	test.Tap(f.s.Add)
	tests := []string{"awardingBody.country", "assessment", "qualityAssurance"}
	for _, field := range tests {
		t.Run(field, func(t *testing.T) {
			i := slices.Index(f.s.Checks.Fields, field)
			if i < 0 {
				t.Fatalf("%s not in the missing list %v", field, f.s.Checks.Fields)
			}
			test.Tap(f.s.Checks.Missing[i])
			if got := f.win.Canvas().Focused(); got != f.s.Field(field) {
				t.Errorf("focused %T, want the %s field", got, field)
			}
		})
	}
}

func TestDuplicateAndDeleteWithUndo(t *testing.T) {
	f := newFixture(t, "en")
	test.Tap(f.s.Duplicate)
	p := f.sess.Project()
	if len(p.Credentials) != 2 || p.Credentials[1].ID != "micro-credentials-essentials-2" ||
		p.Credentials[1].Title != "Micro-credentials: the essentials (copy)" || f.s.Editing() != p.Credentials[1].ID {
		t.Fatalf("after duplicate: %d credentials, editing %q", len(p.Credentials), f.s.Editing())
	}
	if len(p.ValidateCredential(&p.Credentials[1])) != len(p.ValidateCredential(&p.Credentials[0])) {
		t.Error("the copy has other problems than the original")
	}
	test.Tap(f.s.Delete)
	if len(f.sess.Project().Credentials) != 1 || f.s.Editing() != "micro-credentials-essentials" {
		t.Fatalf("after delete: %d credentials, editing %q", len(f.sess.Project().Credentials), f.s.Editing())
	}
	f.sess.Undo()
	if len(f.sess.Project().Credentials) != 2 {
		t.Fatal("undo did not bring the copy back")
	}
	if got := len(f.reopen(t).Credentials); got != 2 {
		t.Errorf("saved %d credentials", got)
	}
}

// TestScreenshot renders the editor; with CRED_SHOTS=dir it keeps the PNGs
// to look at.
func TestScreenshot(t *testing.T) {
	for _, lang := range []authoring.Locale{"en", "de"} {
		t.Run(string(lang), func(t *testing.T) {
			f := newFixture(t, lang)
			img := f.win.Canvas().Capture()
			if img.Bounds().Dx() < 1000 {
				t.Fatalf("capture is %v", img.Bounds())
			}
			dir := os.Getenv("CRED_SHOTS")
			if dir == "" {
				return
			}
			shots := []string{"skills", "title", "workloadHours", "moreInfoUrl"}
			for i, field := range shots {
				if i == 1 {
					test.Tap(f.s.Add) // the sample's credential first, then a new one
				}
				f.s.focus(field)
				out, err := os.Create(filepath.Join(dir, "credential-"+string(lang)+"-"+field+".png"))
				if err != nil {
					t.Fatal(err)
				}
				if err := png.Encode(out, f.win.Canvas().Capture()); err != nil {
					t.Fatal(err)
				}
				out.Close()
			}
			test.Tap(f.s.Field("skills").(*widget.Button))
			test.Type(f.s.Picker.Search, "digital")
			out, err := os.Create(filepath.Join(dir, "credential-"+string(lang)+"-picker.png"))
			if err != nil {
				t.Fatal(err)
			}
			defer out.Close()
			if err := png.Encode(out, f.win.Canvas().Capture()); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestChoicesAndListsSetTheirFields(t *testing.T) {
	f := newFixture(t, "en")
	tests := []struct {
		name  string
		do    func()
		check func(c *authoring.Credential) bool
	}{
		{"level not applicable", func() { f.choose(t, "eqfLevel", func(o string) bool { return o == "Not applicable" }) },
			func(c *authoring.Credential) bool { return c.LevelNotApplicable && c.EQFLevel == 0 }},
		{"level 6", func() { f.choose(t, "eqfLevel", func(o string) bool { return o == "Level 6" }) },
			func(c *authoring.Credential) bool { return !c.LevelNotApplicable && c.EQFLevel == 6 }},
		{"any 2 of 3", func() { f.choose(t, "required", func(o string) bool { return o == "Any 2 of the 3" }) },
			func(c *authoring.Credential) bool { return c.Required == 2 }},
		{"untick a module keeps required below the count", func() { f.s.Field("modules").(*widget.Check).SetChecked(false) },
			func(c *authoring.Credential) bool { return len(c.Modules) == 2 && c.Required == 0 }},
		{"supervision", func() {
			f.choose(t, "supervision", func(o string) bool { return o == "Supervised online, identity checked" })
		},
			func(c *authoring.Credential) bool { return c.Supervision == authoring.SupervisionOnlineVerified }},
		{"tags", func() { f.entry(t, "tags").SetText("one, two,, three ") },
			func(c *authoring.Credential) bool { return slices.Equal(c.Tags, []string{"one", "two", "three"}) }},
		{"validity", func() { f.entry(t, "validityMonths").SetText("24") },
			func(c *authoring.Credential) bool { return c.ValidityMonths == 24 }},
		{"validity not whole is not saved", func() { f.entry(t, "validityMonths").SetText("2.5") },
			func(c *authoring.Credential) bool { return c.ValidityMonths == 24 }},
		{"ECTS with a decimal comma", func() { f.entry(t, "ects").SetText("1,5") },
			func(c *authoring.Credential) bool { return c.ECTS == 1.5 }},
		{"remove a skill", func() { test.Tap(f.removeButton(t, "skills[0].label")) },
			func(c *authoring.Credential) bool { return len(c.Skills) == 3 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.do()
			if c := f.cred(t); !tt.check(c) {
				t.Errorf("credential after %s: %+v", tt.name, c)
			}
		})
	}
	saved := f.reopen(t).Credentials[0]
	if saved.EQFLevel != 6 || saved.ValidityMonths != 24 || len(saved.Skills) != 3 || len(saved.Modules) != 2 {
		t.Errorf("saved %+v", saved)
	}
	if err := f.entry(t, "awardingBody.email").Validator("not an address"); err == nil {
		t.Error("e-mail validator accepts a non-address")
	}
	if err := f.entry(t, "moreInfoUrl").Validator("example.org/page"); err == nil {
		t.Error("URL validator accepts an address without https://")
	}
}

// removeButton finds the delete button in the row of a list field.
func (f *fixture) removeButton(t *testing.T, field string) *widget.Button {
	t.Helper()
	target := f.s.Field(field).(fyne.CanvasObject)
	var found *widget.Button
	var walk func(o fyne.CanvasObject) bool // reports whether o holds target
	walk = func(o fyne.CanvasObject) bool {
		if o == target {
			return true
		}
		c, ok := o.(*fyne.Container)
		if !ok {
			return false
		}
		holds := false
		for _, child := range c.Objects {
			holds = walk(child) || holds
		}
		if holds && found == nil {
			for _, child := range c.Objects {
				if sub, ok := child.(*fyne.Container); ok {
					for _, x := range sub.Objects {
						if b, ok := x.(*widget.Button); ok && b.Text == "" {
							found = b
						}
					}
				}
				if b, ok := child.(*widget.Button); ok && b.Text == "" {
					found = b
				}
			}
		}
		return holds
	}
	walk(f.s.editor.scroll.Content)
	if found == nil {
		t.Fatalf("no remove button beside %s", field)
	}
	return found
}

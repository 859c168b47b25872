package edit_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/authoringtest"
	"github.com/stacklet/stacklet/authoring/edit"
)

// actions are one of every kind of edit a designer makes.
var actions = []struct {
	name string
	do   func(s *edit.Session) error
}{
	{"EditProjectTitle", func(s *edit.Session) error {
		return s.EditProject(edit.Typing("title"), func(p *authoring.Project) { p.Title = "Site safety basics" })
	}},
	{"EditProjectLocales", func(s *edit.Session) error {
		return s.EditProject(edit.Field("targetLocales"), func(p *authoring.Project) {
			p.TargetLocales = append(p.TargetLocales, "pt-BR")
		})
	}},
	{"EditTheme", func(s *edit.Session) error {
		return s.EditProject(edit.Field("theme.accent"), func(p *authoring.Project) {
			p.Theme.Accent, p.Theme.Font = "#aa3300", authoring.FontSerif
		})
	}},
	{"EditModuleSettings", func(s *edit.Session) error {
		return s.EditModule(moduleID, edit.Field("minutes"), func(m *authoring.Module) {
			m.Minutes, m.Outcomes, m.Attempts = 9, append(m.Outcomes, "Carry a ladder"), 0
		})
	}},
	{"EditBlock", func(s *edit.Session) error {
		return s.EditBlock(moduleID, "text-a", edit.Typing("body"), func(c authoring.Content) {
			c.(*authoring.Text).Body = "Changed **text**"
		})
	}},
	{"EditQuestion", func(s *edit.Session) error {
		return s.EditBlock(moduleID, "single-choice-o", edit.Field("choices[2].correct"), func(c authoring.Content) {
			q := c.(*authoring.SingleChoice)
			q.Choices[0].Correct, q.Choices[1].Correct, q.Mode = false, true, authoring.Practice
		})
	}},
	{"InsertBlock", func(s *edit.Session) error {
		c, _ := edit.Starter(authoring.KindMatching)
		_, err := s.InsertBlock(moduleID, 3, c)
		return err
	}},
	{"DuplicateBlock", func(s *edit.Session) error {
		_, err := s.DuplicateBlock(moduleID, "image-e")
		return err
	}},
	{"DeleteBlock", func(s *edit.Session) error { return s.DeleteBlock(moduleID, "quote-c") }},
	{"MoveBlockDown", func(s *edit.Session) error { return s.MoveBlock(moduleID, "text-a", 5) }},
	{"MoveBlockToEnd", func(s *edit.Session) error { return s.MoveBlock(moduleID, "list-d", 99) }},
	{"InsertModule", func(s *edit.Session) error {
		_, err := s.InsertModule(0, authoring.Module{Title: "Working at height", Minutes: 5, Completion: authoring.CompleteWhenViewed})
		return err
	}},
	{"DuplicateModule", func(s *edit.Session) error {
		_, err := s.DuplicateModule(moduleID, "Ladder safety (copy)")
		return err
	}},
	{"DeleteModule", func(s *edit.Session) error { return s.DeleteModule(moduleID) }},
	{"MoveModule", func(s *edit.Session) error {
		m, err := s.InsertModule(1, authoring.Module{Title: "Second", Minutes: 3, Completion: authoring.CompleteWhenViewed})
		if err != nil {
			return err
		}
		return s.MoveModule(m.ID, 0)
	}},
	{"AddMedia", func(s *edit.Session) error {
		_, err := s.AddMedia("captions-fr.vtt", []byte("WEBVTT\n\n00:00.000 --> 00:01.000\nBonjour\n"))
		return err
	}},
	{"RemoveMedia", func(s *edit.Session) error {
		b, _, _ := s.Project().Modules[0].Block("video-g")
		hash := b.Content.(*authoring.Video).Media
		if err := s.DeleteBlock(moduleID, "video-g"); err != nil {
			return err
		}
		return s.RemoveMedia(hash)
	}},
	{"ReplaceMedia", func(s *edit.Session) error {
		old := s.Project().Theme.Logo // the PNG is the logo and an image block
		_, err := s.ReplaceMedia(old, "logo.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`))
		return err
	}},
}

// TestEveryActionUndoesAndRedoesOnDisk does each action, undoes it and
// redoes it; after each, the live model and the file read by a fresh store
// (as after a crash and restart) must hold the same state.
func TestEveryActionUndoesAndRedoesOnDisk(t *testing.T) {
	for _, a := range actions {
		t.Run(a.name, func(t *testing.T) {
			s, path := mustSession(t, edit.Options{})
			before := state(t, s.Project())
			mustOK(t, a.do(s))
			after := state(t, s.Project())
			if after == before {
				t.Fatal("the action changed nothing")
			}
			expect := func(stage, want string) {
				t.Helper()
				mustFlush(t, s)
				if got := state(t, s.Project()); got != want {
					t.Errorf("%s: model is not as expected:\n%s", stage, got)
				}
				if got := state(t, onDisk(t, path)); got != want {
					t.Errorf("%s: file differs from the model:\n%s\nwant\n%s", stage, got, want)
				}
			}
			expect("do", after)
			for s.CanUndo() {
				mustOK(t, s.Undo())
			}
			expect("undo", before)
			for s.CanRedo() {
				mustOK(t, s.Redo())
			}
			expect("redo", after)
		})
	}
}

func TestCloseSavesEverything(t *testing.T) {
	for _, a := range actions {
		t.Run(a.name, func(t *testing.T) {
			s, path := mustSession(t, edit.Options{SaveDelay: time.Hour}) // nothing saves on its own
			mustOK(t, a.do(s))
			want := state(t, s.Project())
			mustOK(t, s.Close())
			if got := state(t, onDisk(t, path)); got != want {
				t.Errorf("after Close the file differs from the model:\n%s\nwant\n%s", got, want)
			}
		})
	}
}

func TestTypingMergesIntoOneUndoStep(t *testing.T) {
	c := &clock{t: time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)}
	s, path := mustSession(t, edit.Options{Now: c.now})
	typeText := func(field, text string) {
		for i := 1; i <= len(text); i++ {
			mustOK(t, s.EditBlock(moduleID, "statement-b", edit.Typing(field), func(c authoring.Content) {
				c.(*authoring.Statement).Text = text[:i]
			}))
			c.advance(150 * time.Millisecond)
		}
	}
	text := func() string {
		b, _, _ := s.Project().Modules[0].Block("statement-b")
		return b.Content.(*authoring.Statement).Text
	}
	typeText("text", "Hold on")
	c.advance(5 * time.Second) // a pause starts a new step
	typeText("text", "Hold on tight")

	mustOK(t, s.Undo())
	if got := text(); got != "Hold on" {
		t.Errorf("first undo gives %q, want the text before the second burst", got)
	}
	mustOK(t, s.Undo())
	if got := text(); got != "Three points of contact." {
		t.Errorf("second undo gives %q, want the original", got)
	}
	if s.CanUndo() {
		t.Error("two bursts of typing left more than two undo steps")
	}
	mustOK(t, s.Redo())
	mustFlush(t, s)
	b, _, _ := onDisk(t, path).Modules[0].Block("statement-b")
	if got := b.Content.(*authoring.Statement).Text; got != "Hold on" {
		t.Errorf("file holds %q after redo, want %q", got, "Hold on")
	}
}

func TestFieldEditsAreSeparateSteps(t *testing.T) {
	s, _ := mustSession(t, edit.Options{})
	for range 3 {
		mustOK(t, s.EditBlock(moduleID, "image-e", edit.Field("decorative"), func(c authoring.Content) {
			img := c.(*authoring.Image)
			img.Decorative = !img.Decorative
		}))
	}
	steps := 0
	for s.CanUndo() {
		mustOK(t, s.Undo())
		steps++
	}
	if steps != 3 {
		t.Errorf("%d undo steps for 3 ticks, want 3", steps)
	}
}

func TestDifferentFieldsDoNotMerge(t *testing.T) {
	s, _ := mustSession(t, edit.Options{})
	set := func(field string, fn func(q *authoring.SingleChoice)) {
		mustOK(t, s.EditBlock(moduleID, "single-choice-o", edit.Typing(field), func(c authoring.Content) {
			fn(c.(*authoring.SingleChoice))
		}))
	}
	set("prompt", func(q *authoring.SingleChoice) { q.Prompt = "Which?" })
	set("choices[1].text", func(q *authoring.SingleChoice) { q.Choices[0].Text = "This" })
	mustOK(t, s.Undo())
	b, _, _ := s.Project().Modules[0].Block("single-choice-o")
	if q := b.Content.(*authoring.SingleChoice); q.Prompt != "Which?" || q.Choices[0].Text != "A" {
		t.Errorf("undo reverted the wrong field: prompt %q, choice %q", q.Prompt, q.Choices[0].Text)
	}
}

func TestNewActionClearsRedo(t *testing.T) {
	s, _ := mustSession(t, edit.Options{})
	mustOK(t, s.DeleteBlock(moduleID, "divider-m"))
	mustOK(t, s.Undo())
	mustOK(t, s.DeleteBlock(moduleID, "gate-n"))
	if s.CanRedo() {
		t.Error("redo is still offered after a new action")
	}
	if err := s.Redo(); authoring.ErrorCode(err) != authoring.ENOTFOUND {
		t.Errorf("Redo with nothing to redo: %v, want %s", err, authoring.ENOTFOUND)
	}
}

func TestObserversHearEveryChangeWithItsOrigin(t *testing.T) {
	s, _ := mustSession(t, edit.Options{})
	var got []string
	cancel := s.Observe(func(c edit.Change) {
		got = append(got, strings.Join([]string{kindName[c.Kind], c.BlockID, c.Field, originName[c.Origin]}, " "))
	})
	mustOK(t, s.EditBlock(moduleID, "quote-c", edit.Typing("text"), func(c authoring.Content) {
		c.(*authoring.Quote).Text = "Q"
	}))
	mustOK(t, s.MoveBlock(moduleID, "quote-c", 0))
	mustOK(t, s.Undo())
	mustOK(t, s.Redo())
	cancel()
	mustOK(t, s.DeleteBlock(moduleID, "quote-c"))
	want := []string{
		"BlockChanged quote-c text edit",
		"BlocksReordered quote-c  edit",
		"BlocksReordered quote-c  undo",
		"BlocksReordered quote-c  redo",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("observer heard\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

var kindName = map[edit.ChangeKind]string{edit.BlockChanged: "BlockChanged", edit.BlocksReordered: "BlocksReordered",
	edit.BlockRemoved: "BlockRemoved"}
var originName = map[edit.Origin]string{edit.ByEdit: "edit", edit.ByUndo: "undo", edit.ByRedo: "redo"}

func TestActionErrors(t *testing.T) {
	s, _ := mustSession(t, edit.Options{})
	logo := s.Project().Theme.Logo
	cases := []struct {
		name string
		err  error
		code string
	}{
		{"EditMissingBlock", s.EditBlock(moduleID, "nope", edit.Field("x"), func(authoring.Content) {}), authoring.ENOTFOUND},
		{"EditMissingModule", s.EditModule("nope", edit.Field("x"), func(*authoring.Module) {}), authoring.ENOTFOUND},
		{"DeleteMissingModule", s.DeleteModule("nope"), authoring.ENOTFOUND},
		{"RemoveUsedMedia", s.RemoveMedia(logo), authoring.ECONFLICT},
		{"RemoveUnknownMedia", s.RemoveMedia("00"), authoring.ENOTFOUND},
		{"AddUnsupportedMedia", errOf(s.AddMedia("notes.txt", []byte("hi"))), authoring.EINVALID},
		{"UndoNothing", s.Undo(), authoring.ENOTFOUND},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := authoring.ErrorCode(c.err); got != c.code {
				t.Errorf("error %v has code %q, want %q", c.err, got, c.code)
			}
		})
	}
	if s.CanUndo() {
		t.Error("a refused action left an undo step")
	}
}

func errOf[T any](_ T, err error) error { return err }

func TestMediaIsReadableBeforeItIsWritten(t *testing.T) {
	s, path := mustSession(t, edit.Options{})
	data := []byte("WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n")
	mustOK(t, s.Group(func() error { // group: the add sits in the queue until flushed
		m, err := s.AddMedia("hi.vtt", data)
		if err != nil {
			return err
		}
		got, err := s.Media().ReadMedia(ctx, m.Hash)
		if err != nil || string(got) != string(data) {
			t.Errorf("ReadMedia before the write: %q, %v", got, err)
		}
		return nil
	}))
	mustFlush(t, s)
	if len(onDisk(t, path).Media) != len(s.Project().Media) {
		t.Error("the added file is not in the project file")
	}
}

func TestReplaceMediaRepointsEveryUse(t *testing.T) {
	s, path := mustSession(t, edit.Options{})
	old := s.Project().Theme.Logo
	if n := len(edit.MediaUses(s.Project(), old)); n != 2 {
		t.Fatalf("fixture PNG has %d uses, want logo and image block", n)
	}
	m, err := s.ReplaceMedia(old, "new.png", authoringtest.PNG[:len(authoringtest.PNG)-1]) // other bytes, still a PNG
	mustOK(t, err)
	mustFlush(t, s)
	p := onDisk(t, path)
	if uses := edit.MediaUses(p, m.Hash); len(uses) != 2 {
		t.Errorf("new file has %d uses on disk, want 2", len(uses))
	}
	if _, ok := p.MediaByHash(old); ok {
		t.Error("the replaced file is still in the library")
	}
	mustOK(t, s.Undo())
	if uses := edit.MediaUses(s.Project(), old); len(uses) != 2 {
		t.Errorf("after one undo the old file has %d uses, want 2", len(uses))
	}
}

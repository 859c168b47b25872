package screenshots

import (
	"fmt"
	"github.com/stacklet/stacklet/app"
	"os"
	"path/filepath"
	"time"

	"github.com/stacklet/stacklet/app/exportdialog"
	"github.com/stacklet/stacklet/app/prefs"
	"github.com/stacklet/stacklet/app/review"
	"github.com/stacklet/stacklet/authoring"
)

// script shows each screen in turn and captures it.
func (r *run) script() error {
	dir, err := os.MkdirTemp("", "stacklet-screens-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "sample.stacklet")
	if err := app.CopySample(path); err != nil {
		return err
	}
	steps := []struct {
		name string
		show func() error
	}{
		{"start", func() error { return nil }},
		{"editor", func() error { return r.showQuestion(path) }},
		{"export", r.showExport},
		{"settings", r.showSettings},
		{"media", r.showMedia},
		{"credential", func() error { r.app.ShowScreen("credentials"); return nil }},
		{"translations", func() error { r.app.ShowScreen("review"); return nil }},
		{"glossary", r.showGlossary},
	}
	for _, s := range steps {
		err := s.show()
		if err == nil {
			err = r.shot(s.name)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
		r.closeDialogs()
	}
	return nil
}

func (r *run) showQuestion(path string) error {
	r.app.OpenProject(path)
	s := r.app.Session()
	if s == nil {
		return fmt.Errorf("the sample did not open")
	}
	moduleID, blockID, ok := firstQuestion(s.Project())
	if !ok {
		return fmt.Errorf("the sample has no question")
	}
	r.app.SelectBlock(moduleID, blockID, "")
	return nil
}

// firstQuestion finds a single-choice question, else any question.
func firstQuestion(p *authoring.Project) (moduleID, blockID string, ok bool) {
	var fallbackM, fallbackB string
	for _, m := range p.Modules {
		for _, b := range m.Blocks {
			if _, q := b.Content.(authoring.Question); !q {
				continue
			}
			if b.Kind() == authoring.KindSingleChoice {
				return m.ID, b.ID, true
			}
			if fallbackB == "" {
				fallbackM, fallbackB = m.ID, b.ID
			}
		}
	}
	return fallbackM, fallbackB, fallbackB != ""
}

func (r *run) showExport() error {
	s := r.app.Session()
	d := exportdialog.Show(exportdialog.Options{Window: r.app.Window(), T: r.app.T(),
		Project: s.Snapshot(), Media: s.Media()})
	d.Folder.SetText(filepath.Join("~", "Exports")) // not the temporary folder of this run
	return nil
}

func (r *run) showGlossary() error {
	review.ShowGlossary(review.GlossaryOptions{Window: r.app.Window(), T: r.app.T(), Session: r.app.Session(), ShowError: r.app.ShowError})
	return nil
}

func (r *run) showSettings() error {
	prefs.Show(r.app.Window(), prefs.Options{Prefs: r.fa.Preferences(), T: r.app.T(),
		Keys: &prefs.Keys{Getenv: func(string) string { return "" }}, OnSaved: func(prefs.Settings) {}})
	return nil
}

func (r *run) showMedia() error {
	r.app.ShowScreen("media")
	select {
	case lib := <-r.media:
		if hash, ok := firstImage(r.app.Session().Project()); ok {
			lib.Select(hash)
		}
		// Thumbnails load on goroutines that Fyne's test driver lets touch
		// widgets directly; once they are done, draw the library afresh.
		time.Sleep(r.opts.Settle)
		lib.Refresh()
		return nil
	case <-time.After(5 * time.Second):
		return fmt.Errorf("the media library did not open")
	}
}

// firstImage is a used image, so the detail shows a picture and its uses.
func firstImage(p *authoring.Project) (string, bool) {
	for _, m := range p.Modules {
		for _, b := range m.Blocks {
			if img, ok := b.Content.(*authoring.Image); ok && img.Media != "" {
				return img.Media, true
			}
		}
	}
	return "", false
}

// closeDialogs removes every dialog from the window before the next screen.
func (r *run) closeDialogs() {
	overlays := r.app.Window().Canvas().Overlays()
	for o := overlays.Top(); o != nil; o = overlays.Top() {
		overlays.Remove(o)
	}
}

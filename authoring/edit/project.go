package edit

import (
	"context"

	"github.com/stacklet/stacklet/authoring"
)

const settingsKey = "settings"

// EditProject changes the project settings (title, locales, theme,
// credentials) through fn. Modules and media have methods of their own.
func (s *Session) EditProject(t Target, fn func(p *authoring.Project)) error {
	before := settingsOf(s.project)
	fn(s.project)
	after := settingsOf(s.project)
	s.saveSettings(after)
	s.notify(Change{Kind: ProjectChanged, Field: t.Field})
	merge := ""
	if t.typing {
		merge = settingsKey + "\x00" + t.Field
	}
	s.record(step{
		merge: merge,
		redo:  func() error { s.putSettings(after, t.Field); return nil },
		undo:  func() error { s.putSettings(before, t.Field); return nil },
	})
	return nil
}

func (s *Session) saveSettings(snap projectSettings) {
	p := snap.asProject()
	s.save(settingsKey, "save project settings", func(ctx context.Context, st authoring.Store) error {
		return st.UpdateSettings(ctx, p)
	})
}

func (s *Session) putSettings(snap projectSettings, field string) {
	snap.applyTo(s.project)
	s.saveSettings(snap)
	s.notify(Change{Kind: ProjectChanged, Field: field})
}

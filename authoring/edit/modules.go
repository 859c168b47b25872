package edit

import (
	"context"
	"fmt"
	"slices"

	"github.com/stacklet/stacklet/authoring"
)

func moduleKey(id string) string { return "module\x00" + id }

// EditModule changes a module's settings (title, description, minutes,
// outcomes, ...) through fn; blocks are edited with the block methods.
func (s *Session) EditModule(moduleID string, t Target, fn func(m *authoring.Module)) error {
	m, err := s.module(moduleID)
	if err != nil {
		return err
	}
	before := cloneSettings(m)
	fn(m)
	m.ID = moduleID // the id names the row; it never changes
	after := cloneSettings(m)
	s.saveModule(after)
	s.notify(Change{Kind: ModuleChanged, ModuleID: moduleID, Field: t.Field})
	merge := ""
	if t.typing {
		merge = moduleKey(moduleID) + "\x00" + t.Field
	}
	s.record(step{
		merge: merge,
		redo:  func() error { return s.putModule(after, t.Field) },
		undo:  func() error { return s.putModule(before, t.Field) },
	})
	return nil
}

func (s *Session) saveModule(snap authoring.Module) {
	s.save(moduleKey(snap.ID), fmt.Sprintf("save module %q", snap.ID), func(ctx context.Context, st authoring.Store) error {
		return st.UpdateModule(ctx, &snap)
	})
}

// putModule restores a module's settings from snap, keeping its blocks.
func (s *Session) putModule(snap authoring.Module, field string) error {
	m, err := s.module(snap.ID)
	if err != nil {
		return err
	}
	blocks := m.Blocks
	*m = cloneSettings(&snap)
	m.Blocks = blocks
	s.saveModule(cloneSettings(&snap))
	s.notify(Change{Kind: ModuleChanged, ModuleID: snap.ID, Field: field})
	return nil
}

// InsertModule adds m (with its blocks) at index (clamped). An empty or
// taken id is replaced by one made from the title.
func (s *Session) InsertModule(index int, m authoring.Module) (*authoring.Module, error) {
	if m.ID == "" || !authoring.ValidID(m.ID) || s.hasModule(m.ID) {
		m.ID = NewModuleID(s.project, m.Title)
	}
	index = min(max(index, 0), len(s.project.Modules))
	snap := cloneModule(&m)
	s.insertModule(snap, index)
	s.record(step{
		redo: func() error { s.insertModule(snap, index); return nil },
		undo: func() error { return s.deleteModule(snap.ID) },
	})
	return &s.project.Modules[index], nil
}

func (s *Session) hasModule(id string) bool {
	_, err := s.project.Module(id)
	return err == nil
}

// DuplicateModule inserts a copy of a module, titled title, right after it.
func (s *Session) DuplicateModule(moduleID, title string) (*authoring.Module, error) {
	i := s.moduleIndex(moduleID)
	if i < 0 {
		return nil, authoring.Errorf(authoring.ENOTFOUND, "module %q not found", moduleID)
	}
	c := cloneModule(&s.project.Modules[i])
	c.ID, c.Title = "", title
	return s.InsertModule(i+1, c)
}

func (s *Session) moduleIndex(id string) int {
	return slices.IndexFunc(s.project.Modules, func(m authoring.Module) bool { return m.ID == id })
}

func (s *Session) insertModule(snap authoring.Module, index int) {
	s.project.Modules = slices.Insert(s.project.Modules, index, cloneModule(&snap))
	s.save("", fmt.Sprintf("add module %q", snap.ID), func(ctx context.Context, st authoring.Store) error {
		return st.InsertModule(ctx, &snap, index)
	})
	s.notify(Change{Kind: ModuleAdded, ModuleID: snap.ID})
}

// DeleteModule removes a module and its blocks.
func (s *Session) DeleteModule(moduleID string) error {
	i := s.moduleIndex(moduleID)
	if i < 0 {
		return authoring.Errorf(authoring.ENOTFOUND, "module %q not found", moduleID)
	}
	snap := cloneModule(&s.project.Modules[i])
	if err := s.deleteModule(moduleID); err != nil {
		return err
	}
	s.record(step{
		redo: func() error { return s.deleteModule(moduleID) },
		undo: func() error { s.insertModule(snap, i); return nil },
	})
	return nil
}

func (s *Session) deleteModule(moduleID string) error {
	i := s.moduleIndex(moduleID)
	if i < 0 {
		return authoring.Errorf(authoring.ENOTFOUND, "module %q not found", moduleID)
	}
	s.project.Modules = slices.Delete(s.project.Modules, i, i+1)
	s.save("", fmt.Sprintf("delete module %q", moduleID), func(ctx context.Context, st authoring.Store) error {
		return st.DeleteModule(ctx, moduleID)
	})
	s.notify(Change{Kind: ModuleRemoved, ModuleID: moduleID})
	return nil
}

// MoveModule puts a module at index (clamped).
func (s *Session) MoveModule(moduleID string, index int) error {
	from := s.moduleIndex(moduleID)
	if from < 0 {
		return authoring.Errorf(authoring.ENOTFOUND, "module %q not found", moduleID)
	}
	index = min(max(index, 0), len(s.project.Modules)-1)
	if index == from {
		return nil
	}
	s.moveModule(moduleID, index)
	s.record(step{
		redo: func() error { s.moveModule(moduleID, index); return nil },
		undo: func() error { s.moveModule(moduleID, from); return nil },
	})
	return nil
}

func (s *Session) moveModule(moduleID string, index int) {
	from := s.moduleIndex(moduleID)
	m := s.project.Modules[from]
	s.project.Modules = slices.Insert(slices.Delete(s.project.Modules, from, from+1), index, m)
	s.save("", fmt.Sprintf("move module %q", moduleID), func(ctx context.Context, st authoring.Store) error {
		return st.MoveModule(ctx, moduleID, index)
	})
	s.notify(Change{Kind: ModulesReordered, ModuleID: moduleID})
}

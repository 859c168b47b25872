package edit

import (
	"context"
	"fmt"
	"slices"

	"github.com/stacklet/stacklet/authoring"
)

func blockKey(moduleID, blockID string) string { return "block\x00" + moduleID + "\x00" + blockID }

func (s *Session) module(id string) (*authoring.Module, error) { return s.project.Module(id) }

func (s *Session) block(moduleID, blockID string) (*authoring.Module, int, error) {
	m, err := s.module(moduleID)
	if err != nil {
		return nil, -1, err
	}
	_, i, err := m.Block(blockID)
	return m, i, err
}

// EditBlock changes a block's content through fn, which edits it in place.
func (s *Session) EditBlock(moduleID, blockID string, t Target, fn func(c authoring.Content)) error {
	m, i, err := s.block(moduleID, blockID)
	if err != nil {
		return err
	}
	before := cloneBlock(m.Blocks[i])
	fn(m.Blocks[i].Content)
	after := cloneBlock(m.Blocks[i])
	s.saveBlock(moduleID, after)
	s.notify(Change{Kind: BlockChanged, ModuleID: moduleID, BlockID: blockID, Field: t.Field})
	merge := ""
	if t.typing {
		merge = blockKey(moduleID, blockID) + "\x00" + t.Field
	}
	s.record(step{
		merge: merge,
		redo:  func() error { return s.putBlock(moduleID, after, t.Field) },
		undo:  func() error { return s.putBlock(moduleID, before, t.Field) },
	})
	return nil
}

// saveBlock queues an UpdateBlock; snap must not be shared with the model.
func (s *Session) saveBlock(moduleID string, snap authoring.Block) {
	s.save(blockKey(moduleID, snap.ID), fmt.Sprintf("save block %q", snap.ID),
		func(ctx context.Context, st authoring.Store) error { return st.UpdateBlock(ctx, moduleID, snap) })
}

// putBlock replaces a block's content with a copy of snap (undo and redo).
func (s *Session) putBlock(moduleID string, snap authoring.Block, field string) error {
	m, i, err := s.block(moduleID, snap.ID)
	if err != nil {
		return err
	}
	m.Blocks[i] = cloneBlock(snap)
	s.saveBlock(moduleID, cloneBlock(snap))
	s.notify(Change{Kind: BlockChanged, ModuleID: moduleID, BlockID: snap.ID, Field: field})
	return nil
}

// InsertBlock adds content as a new block at index (clamped) and returns it.
func (s *Session) InsertBlock(moduleID string, index int, content authoring.Content) (authoring.Block, error) {
	m, err := s.module(moduleID)
	if err != nil {
		return authoring.Block{}, err
	}
	b := authoring.Block{ID: NewBlockID(m, content.Kind()), Content: content}
	index = min(max(index, 0), len(m.Blocks))
	snap := cloneBlock(b)
	if err := s.insertBlock(moduleID, snap, index); err != nil {
		return authoring.Block{}, err
	}
	s.record(step{
		redo: func() error { return s.insertBlock(moduleID, snap, index) },
		undo: func() error { return s.deleteBlock(moduleID, snap.ID) },
	})
	return m.Blocks[index], nil
}

// DuplicateBlock inserts a copy of a block right after it.
func (s *Session) DuplicateBlock(moduleID, blockID string) (authoring.Block, error) {
	m, i, err := s.block(moduleID, blockID)
	if err != nil {
		return authoring.Block{}, err
	}
	return s.InsertBlock(moduleID, i+1, cloneBlock(m.Blocks[i]).Content)
}

func (s *Session) insertBlock(moduleID string, snap authoring.Block, index int) error {
	m, err := s.module(moduleID)
	if err != nil {
		return err
	}
	m.Blocks = slices.Insert(m.Blocks, index, cloneBlock(snap))
	s.save("", fmt.Sprintf("add block %q", snap.ID), func(ctx context.Context, st authoring.Store) error {
		return st.InsertBlock(ctx, moduleID, snap, index)
	})
	s.notify(Change{Kind: BlockAdded, ModuleID: moduleID, BlockID: snap.ID})
	return nil
}

// DeleteBlock removes a block.
func (s *Session) DeleteBlock(moduleID, blockID string) error {
	m, i, err := s.block(moduleID, blockID)
	if err != nil {
		return err
	}
	snap := cloneBlock(m.Blocks[i])
	if err := s.deleteBlock(moduleID, blockID); err != nil {
		return err
	}
	s.record(step{
		redo: func() error { return s.deleteBlock(moduleID, blockID) },
		undo: func() error { return s.insertBlock(moduleID, snap, i) },
	})
	return nil
}

func (s *Session) deleteBlock(moduleID, blockID string) error {
	m, i, err := s.block(moduleID, blockID)
	if err != nil {
		return err
	}
	m.Blocks = slices.Delete(m.Blocks, i, i+1)
	s.save("", fmt.Sprintf("delete block %q", blockID), func(ctx context.Context, st authoring.Store) error {
		return st.DeleteBlock(ctx, moduleID, blockID)
	})
	s.notify(Change{Kind: BlockRemoved, ModuleID: moduleID, BlockID: blockID})
	return nil
}

// MoveBlock puts a block at index (clamped) within its module.
func (s *Session) MoveBlock(moduleID, blockID string, index int) error {
	m, from, err := s.block(moduleID, blockID)
	if err != nil {
		return err
	}
	index = min(max(index, 0), len(m.Blocks)-1)
	if index == from {
		return nil
	}
	if err := s.moveBlock(moduleID, blockID, index); err != nil {
		return err
	}
	s.record(step{
		redo: func() error { return s.moveBlock(moduleID, blockID, index) },
		undo: func() error { return s.moveBlock(moduleID, blockID, from) },
	})
	return nil
}

func (s *Session) moveBlock(moduleID, blockID string, index int) error {
	m, from, err := s.block(moduleID, blockID)
	if err != nil {
		return err
	}
	b := m.Blocks[from]
	m.Blocks = slices.Insert(slices.Delete(m.Blocks, from, from+1), index, b)
	s.save("", fmt.Sprintf("move block %q", blockID), func(ctx context.Context, st authoring.Store) error {
		return st.MoveBlock(ctx, moduleID, blockID, index)
	})
	s.notify(Change{Kind: BlocksReordered, ModuleID: moduleID, BlockID: blockID})
	return nil
}

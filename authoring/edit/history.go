package edit

import (
	"errors"
	"time"

	"github.com/stacklet/stacklet/authoring"
)

// step is one undoable action: functions that put the model (and, through
// the writer, the file) into the state after or before it.
type step struct {
	merge string // typing steps with the same merge key in a row become one
	at    time.Time
	redo  func() error
	undo  func() error
}

type history struct {
	undo, redo []step
	origin     Origin  // of the changes being made now
	group      *[]step // non-nil while a compound action records its parts
}

// Target names what an edit changes, for undo merging and for observers.
type Target struct {
	Field  string
	typing bool
}

// Field is a target whose every edit is an undo step of its own: a choice
// in a list, a ticked box.
func Field(name string) Target { return Target{Field: name} }

// Typing is a target edited keystroke by keystroke: consecutive edits of the
// same field merge into one undo step.
func Typing(name string) Target { return Target{Field: name, typing: true} }

// record adds a step that has just been done.
func (s *Session) record(st step) {
	if s.hist.group != nil {
		*s.hist.group = append(*s.hist.group, st)
		return
	}
	st.at = s.opts.Now()
	h := &s.hist
	h.redo = nil
	if n := len(h.undo); st.merge != "" && n > 0 {
		top := &h.undo[n-1]
		if top.merge == st.merge && st.at.Sub(top.at) < s.opts.MergeWindow {
			top.redo, top.at = st.redo, st.at // keep the oldest undo: back to before the burst
			return
		}
	}
	h.undo = append(h.undo, st)
}

// Group runs fn, whose actions become one undo step: replacing a media
// file everywhere it is used, say. If fn fails, what it did is undone.
func (s *Session) Group(fn func() error) error {
	if s.hist.group != nil {
		return fn() // already inside a group
	}
	var parts []step
	s.hist.group = &parts
	err := fn()
	s.hist.group = nil
	if err != nil {
		return errors.Join(err, undoAll(parts))
	}
	if len(parts) > 0 {
		s.record(step{redo: redoAll(parts), undo: func() error { return undoAll(parts) }})
	}
	return nil
}

func redoAll(parts []step) func() error {
	return func() error {
		for _, p := range parts {
			if err := p.redo(); err != nil {
				return err
			}
		}
		return nil
	}
}

func undoAll(parts []step) error {
	for i := len(parts) - 1; i >= 0; i-- {
		if err := parts[i].undo(); err != nil {
			return err
		}
	}
	return nil
}

// CanUndo reports whether there is an action to undo.
func (s *Session) CanUndo() bool { return len(s.hist.undo) > 0 }

// CanRedo reports whether there is an undone action to redo.
func (s *Session) CanRedo() bool { return len(s.hist.redo) > 0 }

// Undo reverts the last action.
func (s *Session) Undo() error {
	h := &s.hist
	if len(h.undo) == 0 {
		return authoring.Errorf(authoring.ENOTFOUND, "nothing to undo")
	}
	st := h.undo[len(h.undo)-1]
	h.undo = h.undo[:len(h.undo)-1]
	h.origin = ByUndo
	err := st.undo()
	h.origin = ByEdit
	st.merge = "" // a redone burst is one step; never merge more typing into it
	h.redo = append(h.redo, st)
	return err
}

// Redo does the last undone action again.
func (s *Session) Redo() error {
	h := &s.hist
	if len(h.redo) == 0 {
		return authoring.Errorf(authoring.ENOTFOUND, "nothing to redo")
	}
	st := h.redo[len(h.redo)-1]
	h.redo = h.redo[:len(h.redo)-1]
	h.origin = ByRedo
	err := st.redo()
	h.origin = ByEdit
	h.undo = append(h.undo, st)
	return err
}

package edit

// ChangeKind says what part of the project changed.
type ChangeKind int

const (
	ProjectChanged   ChangeKind = iota // title, locales, theme or credentials
	ModuleAdded                        // ModuleID was inserted
	ModuleRemoved                      // ModuleID was deleted
	ModuleChanged                      // settings of ModuleID (title, minutes, ...)
	ModulesReordered                   // ModuleID moved
	BlockAdded                         // BlockID was inserted into ModuleID
	BlockRemoved                       // BlockID was deleted from ModuleID
	BlockChanged                       // content of BlockID
	BlocksReordered                    // BlockID moved within ModuleID
	MediaChanged                       // the media library
	GlossaryChanged                    // a glossary term (Field) was added, changed or removed
)

// Origin says why a change happened: an editor that made an edit itself
// need not redraw for it, but must for undo and redo.
type Origin int

const (
	ByEdit Origin = iota
	ByUndo
	ByRedo
)

// Change tells observers what just changed in the model.
type Change struct {
	Kind     ChangeKind
	ModuleID string
	BlockID  string
	Field    string // the edited field, in validation notation ("alt", "choices[2].text"); may be ""
	Origin   Origin
}

// Observe registers fn to hear every change, on the session's goroutine,
// after the model has changed. Call the returned function to stop.
func (s *Session) Observe(fn func(Change)) (cancel func()) {
	id := s.nextObs
	s.nextObs++
	s.observers[id] = fn
	return func() { delete(s.observers, id) }
}

func (s *Session) notify(c Change) {
	c.Origin = s.hist.origin
	for _, id := range sortedKeys(s.observers) {
		if fn, ok := s.observers[id]; ok { // an observer may cancel another
			fn(c)
		}
	}
}

func sortedKeys(m map[int]func(Change)) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ { // few observers: insertion sort keeps call order stable
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

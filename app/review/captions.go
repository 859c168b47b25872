package review

import "github.com/stacklet/stacklet/authoring/l10n"

// captions are the project's caption tracks, whose cues are segments. A
// track that cannot be read or parsed is reported once, not on every edit,
// and its cues are left out until it is fixed.
func (s *Screen) captions() l10n.Captions {
	caps, err := s.o.Session.Captions()
	msg := ""
	if err != nil {
		msg = err.Error()
	}
	if msg != "" && msg != s.capsErr {
		s.o.ShowError(err)
	}
	s.capsErr = msg
	return caps
}

package edit

import (
	"context"

	"github.com/stacklet/stacklet/authoring/l10n"
)

// Captions returns the parsed caption tracks the project's modules use: the
// cues are translation segments. Tracks are kept by content hash, which no
// edit can change, so each call reads only tracks it has not seen yet. On
// error the result still holds every track that could be read.
func (s *Session) Captions() (l10n.Captions, error) {
	caps, err := s.captions.Refresh(context.Background(), s.project, s.Media())
	s.captions = caps
	return caps, err
}

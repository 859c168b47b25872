package edit

import "time"

// OnWritten lets tests see when each write reached the disk.
func OnWritten(s *Session, fn func(key string, at time.Time)) {
	s.w.mu.Lock()
	s.w.written = fn
	s.w.mu.Unlock()
}

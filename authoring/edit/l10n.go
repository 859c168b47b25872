package edit

import (
	"context"
	"time"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
)

// Translations, comments and the glossary live beside the project in the
// same store (an l10n.Store, as *sqlite.Store is). They are not part of the
// undo history: a translator's save is final, like a CAT tool's. Writes go
// through the session's writer like every edit, one transaction each; reads
// queue behind the writes made before them, so they see them.

// Now is the session's clock (Options.Now): provenance times come from it.
func (s *Session) Now() time.Time { return s.opts.Now() }

// l10nStore is the store's translation side, or an error when the store
// keeps no translations.
func (s *Session) l10nStore() (l10n.Store, error) {
	st, ok := s.store.(l10n.Store)
	if !ok {
		return nil, authoring.Errorf(authoring.EINTERNAL, "this project store keeps no translations")
	}
	return st, nil
}

// readL10n runs read on the writer goroutine after the queued writes and
// waits for it.
func (s *Session) readL10n(what string, read func(ctx context.Context, st l10n.Store) error) error {
	st, err := s.l10nStore()
	if err != nil {
		return err
	}
	done := make(chan error, 1)
	s.w.enqueue(&op{what: what, run: func(ctx context.Context, _ authoring.Store) error {
		done <- read(ctx, st)
		return nil // a failed read is the caller's to report, not a save error
	}})
	s.w.signal()
	select {
	case err := <-done:
		return err
	case <-s.w.stopped:
		return authoring.Errorf(authoring.EINTERNAL, "%s: the project is closed", what)
	}
}

// Translations reads locale's translations with their comments.
func (s *Session) Translations(locale authoring.Locale) (l10n.Translations, error) {
	var out l10n.Translations
	err := s.readL10n("read translations", func(ctx context.Context, st l10n.Store) (err error) {
		out, err = st.Translations(ctx, locale)
		return err
	})
	return out, err
}

// L10n reads every locale's translations and the glossary (for the
// translation memory).
func (s *Session) L10n() (*l10n.Bundle, error) {
	var out *l10n.Bundle
	err := s.readL10n("read translations", func(ctx context.Context, st l10n.Store) (err error) {
		out, err = st.LoadL10n(ctx)
		return err
	})
	return out, err
}

// Glossary reads the project glossary.
func (s *Session) Glossary() (l10n.Glossary, error) {
	var out l10n.Glossary
	err := s.readL10n("read the glossary", func(ctx context.Context, st l10n.Store) (err error) {
		out, err = st.Glossary(ctx)
		return err
	})
	return out, err
}

// SaveTranslations checks ts now and queues their write (insert or
// replace, all or none; comments stay). A failed write reaches the
// session's save-error callback like any edit.
func (s *Session) SaveTranslations(locale authoring.Locale, ts []l10n.Translation) error {
	st, err := s.l10nStore()
	if err != nil {
		return err
	}
	for _, t := range ts {
		if err := t.Validate(); err != nil {
			return err
		}
	}
	ts = append([]l10n.Translation(nil), ts...) // the caller may reuse its slice
	s.save("", "save translations", func(ctx context.Context, _ authoring.Store) error {
		return st.SaveTranslations(ctx, locale, ts)
	})
	return nil
}

// AddComment queues a comment on a segment in locale.
func (s *Session) AddComment(locale authoring.Locale, segmentID string, c l10n.Comment) error {
	st, err := s.l10nStore()
	if err != nil {
		return err
	}
	if segmentID == "" || c.Text == "" {
		return authoring.Errorf(authoring.EINVALID, "a comment needs a segment and a text")
	}
	s.save("", "save a comment", func(ctx context.Context, _ authoring.Store) error {
		return st.AddComment(ctx, locale, segmentID, c)
	})
	return nil
}

// Style reads how locale's translations should sound.
func (s *Session) Style(locale authoring.Locale) (l10n.Style, error) {
	var out l10n.Style
	err := s.readL10n("read the translation style", func(ctx context.Context, st l10n.Store) (err error) {
		out, err = st.Style(ctx, locale)
		return err
	})
	return out, err
}

// SetStyle checks style now and queues its write; the zero Style removes
// it. Like a translation, it is saved at once and not undone by Ctrl+Z:
// it is set on the review screen, where there is no undo.
func (s *Session) SetStyle(locale authoring.Locale, style l10n.Style) error {
	st, err := s.l10nStore()
	if err != nil {
		return err
	}
	if err := style.Validate(); err != nil {
		return err
	}
	s.save("", "save the translation style", func(ctx context.Context, _ authoring.Store) error {
		return st.SaveStyle(ctx, locale, style)
	})
	return nil
}

package edit

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/stacklet/stacklet/authoring"
)

// AddMedia puts a file into the media library. The same bytes added again
// return the entry already there, and no undo step.
func (s *Session) AddMedia(name string, data []byte) (authoring.Media, error) {
	m, err := authoring.NewMedia(name, data)
	if err != nil {
		return authoring.Media{}, err
	}
	if have, ok := s.project.MediaByHash(m.Hash); ok {
		return have, nil
	}
	s.addMedia(m, data)
	s.record(step{
		redo: func() error { s.addMedia(m, data); return nil },
		undo: func() error { s.removeMedia(m.Hash); return nil },
	})
	return m, nil
}

func (s *Session) addMedia(m authoring.Media, data []byte) {
	i, _ := slices.BinarySearchFunc(s.project.Media, m.Hash, func(x authoring.Media, h string) int {
		return strings.Compare(x.Hash, h)
	})
	s.project.Media = slices.Insert(s.project.Media, i, m)
	s.keepUnsaved(m.Hash, data)
	s.w.enqueue(&op{
		what: fmt.Sprintf("add media %q", m.Name),
		run: func(ctx context.Context, st authoring.Store) error {
			_, err := st.AddMedia(ctx, m.Name, data)
			return err
		},
		done: func() { s.forgetUnsaved(m.Hash) },
	})
	s.notify(Change{Kind: MediaChanged})
}

// keepUnsaved holds the bytes of a queued AddMedia so readers get them
// before the write; the count matters when one file is added, removed and
// added again before the writer catches up.
func (s *Session) keepUnsaved(hash string, data []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.unsaved[hash]
	if u == nil {
		u = &unsavedMedia{data: data}
		s.unsaved[hash] = u
	}
	u.adds++
}

func (s *Session) forgetUnsaved(hash string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u := s.unsaved[hash]; u != nil {
		if u.adds--; u.adds <= 0 {
			delete(s.unsaved, hash)
		}
	}
}

// RemoveMedia deletes a file from the library; a file in use is refused
// with ECONFLICT, naming where it is used.
func (s *Session) RemoveMedia(hash string) error {
	m, ok := s.project.MediaByHash(hash)
	if !ok {
		return authoring.Errorf(authoring.ENOTFOUND, "media %s is not in the project", hash)
	}
	if uses := MediaUses(s.project, hash); len(uses) > 0 {
		return authoring.Errorf(authoring.ECONFLICT, "%q is still used (%s): remove it there first", m.Name, uses[0])
	}
	// Undo needs the bytes back; reading them waits for a queued AddMedia
	// of the same file only through the unsaved map, never on the disk queue.
	data, err := s.Media().ReadMedia(context.Background(), hash)
	if err != nil {
		return err
	}
	s.removeMedia(hash)
	s.record(step{
		redo: func() error { s.removeMedia(hash); return nil },
		undo: func() error { s.addMedia(m, data); return nil },
	})
	return nil
}

func (s *Session) removeMedia(hash string) {
	i := slices.IndexFunc(s.project.Media, func(m authoring.Media) bool { return m.Hash == hash })
	if i < 0 {
		return
	}
	name := s.project.Media[i].Name
	s.project.Media = slices.Delete(s.project.Media, i, i+1)
	s.w.enqueue(&op{
		what: fmt.Sprintf("remove media %q", name),
		run:  func(ctx context.Context, st authoring.Store) error { return st.RemoveMedia(ctx, hash) },
	})
	s.notify(Change{Kind: MediaChanged})
}

// ReplaceMedia adds a new file and points every use of oldHash at it, then
// removes the old file: one undo step.
func (s *Session) ReplaceMedia(oldHash, name string, data []byte) (authoring.Media, error) {
	if _, ok := s.project.MediaByHash(oldHash); !ok {
		return authoring.Media{}, authoring.Errorf(authoring.ENOTFOUND, "media %s is not in the project", oldHash)
	}
	var added authoring.Media
	err := s.Group(func() error {
		var err error
		if added, err = s.AddMedia(name, data); err != nil {
			return err
		}
		if added.Hash == oldHash {
			return nil
		}
		if err := s.repoint(oldHash, added.Hash); err != nil {
			return err
		}
		return s.RemoveMedia(oldHash)
	})
	return added, err
}

// repoint changes every reference to from into to.
func (s *Session) repoint(from, to string) error {
	for _, u := range MediaUses(s.project, from) {
		var err error
		switch {
		case u.BlockID != "":
			err = s.EditBlock(u.ModuleID, u.BlockID, Field(u.Field), func(c authoring.Content) { swapMedia(c, from, to) })
		default:
			err = s.EditProject(Field(u.Field), func(p *authoring.Project) { swapProjectMedia(p, from, to) })
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func swapMedia(c authoring.Content, from, to string) {
	swap := func(h *string) {
		if *h == from {
			*h = to
		}
	}
	switch b := c.(type) {
	case *authoring.Image:
		swap(&b.Media)
	case *authoring.Audio:
		swap(&b.Media)
		swap(&b.Captions)
	case *authoring.Video:
		swap(&b.Media)
		swap(&b.Captions)
	}
}

func swapProjectMedia(p *authoring.Project, from, to string) {
	if p.Theme.Logo == from {
		p.Theme.Logo = to
	}
	for i := range p.Credentials {
		if p.Credentials[i].Image == from {
			p.Credentials[i].Image = to
		}
	}
}

// Use is one place a media file is used.
type Use struct {
	ModuleID string // "" for the theme or a credential
	BlockID  string
	Field    string // "media", "captions", "theme.logo", "credentials[1].image"
}

func (u Use) String() string {
	if u.BlockID == "" {
		return u.Field
	}
	return fmt.Sprintf("module %q, block %q", u.ModuleID, u.BlockID)
}

// MediaUses lists every place hash is used: the theme logo, credential
// images, then blocks in module order.
func MediaUses(p *authoring.Project, hash string) []Use {
	var out []Use
	if p.Theme.Logo == hash {
		out = append(out, Use{Field: "theme.logo"})
	}
	for i, c := range p.Credentials {
		if c.Image == hash {
			out = append(out, Use{Field: fmt.Sprintf("credentials[%d].image", i+1)})
		}
	}
	for _, m := range p.Modules {
		for _, b := range m.Blocks {
			for _, f := range blockMediaFields(b.Content, hash) {
				out = append(out, Use{ModuleID: m.ID, BlockID: b.ID, Field: f})
			}
		}
	}
	return out
}

func blockMediaFields(c authoring.Content, hash string) []string {
	var fields []string
	check := func(field, h string) {
		if h == hash {
			fields = append(fields, field)
		}
	}
	switch b := c.(type) {
	case *authoring.Image:
		check("media", b.Media)
	case *authoring.Audio:
		check("media", b.Media)
		check("captions", b.Captions)
	case *authoring.Video:
		check("media", b.Media)
		check("captions", b.Captions)
	}
	return fields
}

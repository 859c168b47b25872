package medialib

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/edit"
)

func (l *Library) onReplace() {
	it := l.detail.current
	if it == nil {
		return
	}
	old := it.Media
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close()
		go func() {
			data, err := readURI(l.opts.T, r.URI())
			fyne.Do(func() { l.finishReplace(old, r.URI().Name(), data, err) })
		}()
	}, l.opts.Window)
	d.SetFilter(storage.NewExtensionFileFilter(mediaExtensions))
	d.Show()
}

// replace swaps old for the file name holding data everywhere old is used.
func (l *Library) replace(old authoring.Media, name string, data []byte) (authoring.Media, error) {
	m, err := authoring.NewMedia(name, data)
	if err != nil {
		return authoring.Media{}, err
	}
	// An image block cannot play a sound: keep every use valid.
	if m.MediaKind() != old.MediaKind() {
		kind := func(m authoring.Media) string { return l.opts.T.S(kindLabels[m.MediaKind()]) }
		return authoring.Media{}, &authoring.Error{Code: authoring.EINVALID, Message: l.opts.T.F("MediaReplaceKind",
			map[string]any{"Old": old.Name, "OldKind": kind(old), "New": name, "NewKind": kind(m)})}
	}
	return l.opts.Session.ReplaceMedia(old.Hash, name, data)
}

func (l *Library) finishReplace(old authoring.Media, name string, data []byte, err error) {
	var m authoring.Media
	if err == nil {
		m, err = l.replace(old, name, data)
	}
	if err != nil {
		l.showError(err)
		return
	}
	l.Select(m.Hash)
}

func (l *Library) onRemove() {
	it := l.detail.current
	if it == nil {
		return
	}
	hash := it.Hash
	l.confirm(l.opts.T.S("MediaRemoveTitle"), l.opts.T.F("MediaRemoveOne", map[string]any{"Name": it.Name}), func() {
		if err := l.opts.Session.RemoveMedia(hash); err != nil {
			l.showError(err)
		}
	})
}

func (l *Library) onRemoveUnused() {
	hashes := unused(l.items)
	if len(hashes) == 0 {
		return
	}
	l.confirm(l.opts.T.S("MediaRemoveTitle"), l.opts.T.N("MediaRemoveUnusedAsk", len(hashes), nil), func() {
		// One undo step brings them all back.
		err := l.opts.Session.Group(func() error {
			var errs []error
			for _, h := range hashes {
				errs = append(errs, l.opts.Session.RemoveMedia(h))
			}
			return errors.Join(errs...)
		})
		if err != nil {
			l.showError(err)
		}
	})
}

func (l *Library) onOpenUse(u edit.Use) {
	if l.opts.OpenUse != nil {
		l.opts.OpenUse(u.ModuleID, u.BlockID, u.Field)
	}
}

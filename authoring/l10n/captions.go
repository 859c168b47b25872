package l10n

import (
	"context"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/webvtt"
)

// Captions are parsed caption tracks by media hash. Every cue of a track an
// audio or video block uses is a segment of that block. The files are
// shared: treat them as read-only.
type Captions map[string]*webvtt.File

// LoadCaptions reads every caption track the project's modules use. On
// error the result still holds every track that could be read, so a screen
// can go on showing the others.
func LoadCaptions(ctx context.Context, p *authoring.Project, src authoring.MediaSource) (Captions, error) {
	return Captions(nil).Refresh(ctx, p, src)
}

// LoadModuleCaptions reads the caption tracks of module m of p only: what
// the module's export needs.
func LoadModuleCaptions(ctx context.Context, p *authoring.Project, m *authoring.Module, src authoring.MediaSource) (Captions, error) {
	l := captionLoader{p: p, src: src, out: Captions{}}
	l.module(ctx, m)
	return l.out, l.err
}

// Refresh returns the tracks p's modules use now, reusing the ones already
// in c and reading only the others. Tracks are stored by content hash, so a
// parsed one never goes out of date: refresh after every edit costs little.
func (c Captions) Refresh(ctx context.Context, p *authoring.Project, src authoring.MediaSource) (Captions, error) {
	l := captionLoader{p: p, src: src, prev: c, out: Captions{}}
	for i := range p.Modules {
		l.module(ctx, &p.Modules[i])
	}
	return l.out, l.err
}

// captionLoader reads tracks, keeping the first error and going on.
type captionLoader struct {
	p    *authoring.Project
	src  authoring.MediaSource
	prev Captions
	out  Captions
	err  error
}

func (l *captionLoader) module(ctx context.Context, m *authoring.Module) {
	for _, b := range m.Blocks {
		hash := trackOf(b.Content)
		if hash == "" || l.out[hash] != nil {
			continue
		}
		if f := l.prev[hash]; f != nil {
			l.out[hash] = f
			continue
		}
		f, err := l.read(ctx, hash)
		if err != nil {
			if l.err == nil {
				l.err = authoring.Errorf(codeOf(err), "module %q, %s block %q: %s", m.Title, b.Kind(), b.ID, err)
			}
			continue
		}
		l.out[hash] = f
	}
}

func (l *captionLoader) read(ctx context.Context, hash string) (*webvtt.File, error) {
	name := hash
	if item, ok := l.p.MediaByHash(hash); ok {
		name = item.Name
	}
	data, err := l.src.ReadMedia(ctx, hash)
	if err != nil {
		return nil, authoring.Errorf(codeOf(err), "captions %q cannot be read: %v", name, err)
	}
	f, err := webvtt.Parse(data)
	if err != nil {
		return nil, authoring.Errorf(authoring.EINVALID, "captions %q: %v", name, err)
	}
	return f, nil
}

// codeOf keeps the code of a store's error, and calls anything else what
// it is: a file that cannot be read.
func codeOf(err error) string {
	if code := authoring.ErrorCode(err); code != authoring.EINTERNAL {
		return code
	}
	return authoring.ECORRUPT
}

// trackOf returns the caption track a block uses, "" for none.
func trackOf(c authoring.Content) string {
	switch c := c.(type) {
	case *authoring.Audio:
		return c.Captions
	case *authoring.Video:
		return c.Captions
	}
	return ""
}

// lookup hands the walker the track behind hash, or nil.
func (c Captions) lookup(hash *string, _ string) *webvtt.File { return c[*hash] }

// captions visits one plain field per cue of the track *hash names.
// Cue ids key the segments, so retiming a cue keeps its translation; cues
// without one are keyed by their start time.
func (w walker) captions(kind string, hash *string) {
	if w.track == nil || *hash == "" {
		return
	}
	f := w.track(hash, kind)
	if f == nil {
		return
	}
	used := map[string]bool{}
	for _, c := range f.Cues() {
		key := cueKey(c, used)
		speaker, text := webvtt.PlainText(c.Text)
		what := fmt.Sprintf("%s captions, cue %s", kind, c.Timing)
		if speaker != "" {
			what += "; spoken by " + speaker
		}
		w.emitWritten("captions/"+key, what, &text, func() { c.Text = webvtt.CueText(speaker, text) })
	}
}

// cueKey is the cue's id with spaces as "_", or its start time; a key seen
// before in the track gets "#2", "#3"...
func cueKey(c *webvtt.Block, used map[string]bool) string {
	base := strings.Join(strings.Fields(c.ID), "_")
	if base == "" {
		base = c.Start
	}
	key := base
	for n := 2; used[key]; n++ {
		key = fmt.Sprintf("%s#%d", base, n)
	}
	used[key] = true
	return key
}

// trackCopy is a caption track being translated for one block.
type trackCopy struct {
	owner *string // the block's Captions field in the project copy
	file  *webvtt.File
}

// track gives the walker a copy of the track to write translations into,
// and remembers it for writeTracks.
func (l *localizer) track(hash *string, _ string) *webvtt.File {
	f := l.caps[*hash]
	if f == nil {
		return nil
	}
	c := f.Clone()
	l.tracks = append(l.tracks, trackCopy{owner: hash, file: c})
	return c
}

// writeTracks turns each translated track into a media file of the project
// copy, named after the original with the locale, and points its block at
// it. The bytes go to res.Media, since no store holds them.
func (l *localizer) writeTracks(res *Localized, locale authoring.Locale) {
	for _, t := range l.tracks {
		data := t.file.Bytes()
		hash := authoring.HashMedia(data)
		if _, ok := res.Project.MediaByHash(hash); !ok {
			insertMedia(res.Project, authoring.Media{Hash: hash, Name: localizedName(res.Project, *t.owner, locale),
				Type: "text/vtt", Size: int64(len(data))})
		}
		if res.Media == nil {
			res.Media = map[string][]byte{}
		}
		res.Media[hash] = data
		*t.owner = hash
	}
}

// localizedName is "<original base>.<locale>.vtt".
func localizedName(p *authoring.Project, hash string, locale authoring.Locale) string {
	base := "captions"
	if item, ok := p.MediaByHash(hash); ok {
		base = strings.TrimSuffix(item.Name, path.Ext(item.Name))
	}
	return base + "." + string(locale) + ".vtt"
}

// insertMedia keeps the library sorted by hash, as stores keep it.
func insertMedia(p *authoring.Project, m authoring.Media) {
	i, _ := slices.BinarySearchFunc(p.Media, m.Hash, func(x authoring.Media, h string) int { return strings.Compare(x.Hash, h) })
	p.Media = slices.Insert(p.Media, i, m)
}

package l10n_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/authoringtest"
	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/authoring/webvtt"
)

const talkVTT = "WEBVTT\n\nNOTE made by hand\n\nintro one\n00:00.000 --> 00:02.000 align:start\n<v Ana Lima>Hold the <b>rails</b> &amp; climb.\n\n" +
	"00:02.000 --> 00:04.000\nFace the ladder.\n\nintro one\n00:04.000 --> 00:06.000\nOne more thing.\n\n" +
	"00:06.000 --> 00:07.000\n<i>Never</i> stand on the top rung.\n"

// captionedProject is the fixture with talkVTT as the captions of its audio
// and video blocks.
func captionedProject(t *testing.T) (*authoring.Project, authoringtest.MediaMap) {
	t.Helper()
	p, media := authoringtest.Project()
	track, err := authoring.NewMedia("talk.vtt", []byte(talkVTT))
	if err != nil {
		t.Fatal(err)
	}
	old := p.Modules[0].Blocks[5].Content.(*authoring.Audio).Captions
	for i, m := range p.Media {
		if m.Hash == old {
			p.Media[i] = track
		}
	}
	media[track.Hash] = []byte(talkVTT)
	p.Modules[0].Blocks[5].Content.(*authoring.Audio).Captions = track.Hash
	p.Modules[0].Blocks[6].Content.(*authoring.Video).Captions = track.Hash
	return p, media
}

func loadCaptions(t *testing.T, p *authoring.Project, media authoring.MediaSource) l10n.Captions {
	t.Helper()
	caps, err := l10n.LoadCaptions(context.Background(), p, media)
	if err != nil {
		t.Fatal(err)
	}
	return caps
}

func TestCaptionSegments(t *testing.T) {
	p, media := captionedProject(t)
	caps := loadCaptions(t, p, media)
	segs := segmentMap(l10n.ProjectSegments(p, caps))
	tests := []struct {
		id, source, context string
	}{
		{"m:ladders/b:video-g/captions/intro_one", "Hold the rails & climb.",
			`video block "video-g", video captions, cue 00:00.000 --> 00:02.000 align:start; spoken by Ana Lima`},
		{"m:ladders/b:video-g/captions/00:02.000", "Face the ladder.", "video captions, cue 00:02.000 --> 00:04.000"},
		{"m:ladders/b:video-g/captions/intro_one#2", "One more thing.", "cue 00:04.000 --> 00:06.000"},
		{"m:ladders/b:video-g/captions/00:06.000", "Never stand on the top rung.", "cue 00:06.000"},
		{"m:ladders/b:audio-f/captions/intro_one", "Hold the rails & climb.", "audio captions, cue 00:00.000"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			s, ok := segs[tt.id]
			if !ok {
				t.Fatalf("no segment %s", tt.id)
			}
			if s.Source != tt.source || s.MaxLen != 0 || s.ModuleID != "ladders" || s.Hash != l10n.HashText(tt.source) {
				t.Errorf("segment %+v, want source %q", s, tt.source)
			}
			if !strings.Contains(s.Context, tt.context) {
				t.Errorf("context %q lacks %q", s.Context, tt.context)
			}
		})
	}
	if n := countPrefix(segs, "m:ladders/b:video-g/captions/"); n != 4 {
		t.Errorf("%d video cue segments, want 4", n)
	}
	if n := countPrefix(segmentMap(l10n.ProjectSegments(p, nil)), "m:ladders/b:video-g/captions/"); n != 0 {
		t.Errorf("nil captions gave %d cue segments", n)
	}
	if n := countPrefix(segmentMap(l10n.ModuleSegments(&p.Modules[0], caps)), "m:ladders/b:audio-f/captions/"); n != 4 {
		t.Errorf("ModuleSegments gave %d audio cue segments, want 4", n)
	}
}

func countPrefix(segs map[string]l10n.Segment, prefix string) int {
	n := 0
	for id := range segs {
		if strings.HasPrefix(id, prefix) {
			n++
		}
	}
	return n
}

// countingSource counts reads, to see what Refresh reads again.
type countingSource struct {
	authoringtest.MediaMap
	reads int
}

func (c *countingSource) ReadMedia(ctx context.Context, hash string) ([]byte, error) {
	c.reads++
	return c.MediaMap.ReadMedia(ctx, hash)
}

func TestLoadCaptions(t *testing.T) {
	p, media := captionedProject(t)
	track := p.Modules[0].Blocks[6].Content.(*authoring.Video).Captions
	t.Run("RefreshReadsOnlyNewTracks", func(t *testing.T) {
		src := &countingSource{MediaMap: media}
		caps, err := l10n.LoadCaptions(context.Background(), p, src)
		if err != nil || src.reads != 1 || caps[track] == nil {
			t.Fatalf("load: %d reads, %v", src.reads, err)
		}
		again, err := caps.Refresh(context.Background(), p, src)
		if err != nil || src.reads != 1 || again[track] != caps[track] {
			t.Errorf("refresh read again: %d reads, %v", src.reads, err)
		}
	})
	tests := []struct {
		name string
		data []byte // nil: the bytes are missing
		code string
	}{
		{"Unreadable", nil, authoring.ENOTFOUND},
		{"Unparsable", []byte("WEBVTT\n\n1\nno timing\n"), authoring.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			broken := authoringtest.MediaMap{}
			for h, d := range media {
				broken[h] = d
			}
			if tt.data == nil {
				delete(broken, track)
			} else {
				broken[track] = tt.data
			}
			_, err := l10n.LoadCaptions(context.Background(), p, broken)
			if authoring.ErrorCode(err) != tt.code {
				t.Fatalf("err %v, want %s", err, tt.code)
			}
			for _, want := range []string{`"talk.vtt"`, `"Ladder safety"`, `"audio-f"`} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not name %s", err, want)
				}
			}
			if _, err := l10n.LoadModuleCaptions(context.Background(), p, &p.Modules[0], broken); authoring.ErrorCode(err) != tt.code {
				t.Errorf("module load: %v, want %s", err, tt.code)
			}
		})
	}
}

func TestLocalizeCaptions(t *testing.T) {
	p, media := captionedProject(t)
	caps := loadCaptions(t, p, media)
	segs := segmentMap(l10n.ProjectSegments(p, caps))
	const v = "m:ladders/b:video-g/captions/"
	tr := l10n.Translations{}
	set := func(id, target string, state l10n.State) {
		tr[id] = l10n.NewTranslation(segs[id], target, state, "test", when)
	}
	set(v+"intro_one", "Halte die Holme & steig <hoch>.", l10n.Approved)
	set(v+"00:02.000", "Schau zur Leiter.", l10n.Approved)
	set(v+"intro_one#2", "Noch etwas.", l10n.Machine)
	// 00:06.000 and every audio cue stay untranslated.
	res, err := l10n.Localize(p, "ladders", "de", tr, caps)
	if err != nil {
		t.Fatal(err)
	}
	orig := p.Modules[0].Blocks[6].Content.(*authoring.Video).Captions
	hash := res.Module.Blocks[6].Content.(*authoring.Video).Captions
	data := res.Media[hash]
	if hash == orig || data == nil || authoring.HashMedia(data) != hash {
		t.Fatalf("video track %s → %s, %d bytes in Media", orig, hash, len(data))
	}
	item, ok := res.Project.MediaByHash(hash)
	if !ok || item.Name != "talk.de.vtt" || item.Type != "text/vtt" || item.Size != int64(len(data)) {
		t.Errorf("library entry %+v, %v", item, ok)
	}
	f, err := webvtt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	cues := f.Cues()
	want := []string{
		"<v Ana Lima>Halte die Holme &amp; steig &lt;hoch&gt;.",
		"Schau zur Leiter.",
		"Noch etwas.",
		"<i>Never</i> stand on the top rung.", // untranslated: the source cue as it was
	}
	for i, w := range want {
		if cues[i].Text != w {
			t.Errorf("cue %d = %q, want %q", i+1, cues[i].Text, w)
		}
	}
	if f.Blocks[0].Kind != webvtt.KindNote || cues[0].Timing != "00:00.000 --> 00:02.000 align:start" || cues[0].ID != "intro one" {
		t.Errorf("note, timing or id not kept:\n%s", data)
	}
	pend := pendingIDs(res.Pending)
	for id, state := range map[string]l10n.State{v + "00:06.000": l10n.Untranslated, v + "intro_one#2": l10n.Machine,
		"m:ladders/b:audio-f/captions/intro_one": l10n.Untranslated} {
		if pend[id].State != state {
			t.Errorf("pending %s = %+v, want %s", id, pend[id], state)
		}
	}
	if _, ok := pend[v+"intro_one"]; ok {
		t.Error("an approved cue is pending")
	}
	if p.Modules[0].Blocks[6].Content.(*authoring.Video).Captions != orig || len(p.Media) != len(res.Project.Media)-1 {
		t.Errorf("the original project changed, or the copy lacks the new track: %d → %d media", len(p.Media), len(res.Project.Media))
	}
	// Nothing of the audio track is translated: written again it is the
	// same file, under the same hash.
	if audio := res.Module.Blocks[5].Content.(*authoring.Audio).Captions; audio != orig {
		t.Errorf("the untranslated audio track got a new hash %s", audio)
	}
	if caps[orig].Cues()[0].Text != "<v Ana Lima>Hold the <b>rails</b> &amp; climb." {
		t.Error("the loaded track changed")
	}
	again, err := l10n.Localize(p, "ladders", "de", tr, caps)
	if err != nil || string(again.Media[hash]) != string(data) {
		t.Errorf("not deterministic: %v", err)
	}
	src, err := l10n.Localize(p, "ladders", "en-GB", tr, caps)
	if err != nil || src.Media != nil || src.Module.Blocks[6].Content.(*authoring.Video).Captions != orig {
		t.Errorf("source locale changed the track: %v", err)
	}
}

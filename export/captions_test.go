package export_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/export"
	"github.com/stacklet/stacklet/export/archive"
	"github.com/stacklet/stacklet/export/media"
)

const (
	rolesModule  = "issuing-and-verifying"
	rolesCue1    = "m:issuing-and-verifying/b:b02-roles-video/captions/1"
	englishTrack = "5370b47416bb3c3ef64fcb4b0dfc23db0febd56e69dc7bf4c65bcee7aba93397" // roles-video.vtt
)

// vttFiles returns the caption tracks of a package by name.
func vttFiles(files []archive.File) map[string]string {
	out := map[string]string{}
	for _, f := range files {
		if strings.HasSuffix(f.Name, ".vtt") {
			out[f.Name] = string(f.Data)
		}
	}
	return out
}

// TestLocalizedCaptions exports the sample's video module in Spanish: the
// package carries the Spanish track, named in the player's <track> with the
// package's language, and not the English one.
func TestLocalizedCaptions(t *testing.T) {
	p, src := sample(t)
	english, ok := p.MediaByHash(englishTrack)
	if !ok {
		t.Fatal("the sample lost roles-video.vtt")
	}
	tr := sampleBundle(t, p).Translations["es"]
	for _, f := range []authoring.Format{authoring.FormatWeb, authoring.FormatSCORM2004} {
		t.Run(string(f), func(t *testing.T) {
			files, pending, err := export.BuildReport(context.Background(), export.Job{Project: p, ModuleID: rolesModule,
				Format: f, Media: src, Locale: "es", Translations: tr, RequireApproved: true})
			if err != nil || len(pending) > 0 {
				t.Fatalf("err %v, pending %v", err, pending)
			}
			tracks := vttFiles(files)
			if len(tracks) != 1 {
				t.Fatalf("tracks %v, want one", tracks)
			}
			if _, ok := tracks[media.Name(english)]; ok {
				t.Error("the English track is in the Spanish package")
			}
			for name, text := range tracks {
				if !strings.Contains(text, "00:00:00.000 --> 00:00:01.649\nEl emisor firma la credencial.\n") || strings.Contains(text, "The issuer") {
					t.Errorf("%s is not the Spanish track:\n%s", name, text)
				}
				track := `<track kind="captions" src="` + name + `" srclang="es" label="Subtítulos" default>`
				if page := string(file(files, "index.html")); !strings.Contains(page, track) {
					t.Errorf("the page lacks %s", track)
				}
			}
		})
	}
}

// TestUntranslatedCueIsPending drops one cue's translation: the cue keeps
// its English text in the package's track and is listed as pending.
func TestUntranslatedCueIsPending(t *testing.T) {
	p, src := sample(t)
	tr := sampleBundle(t, p).Translations["es"]
	delete(tr, rolesCue1)
	job := export.Job{Project: p, ModuleID: rolesModule, Format: authoring.FormatWeb, Media: src, Locale: "es", Translations: tr}
	files, pending, err := export.BuildReport(context.Background(), job)
	if err != nil {
		t.Fatal(err)
	}
	if len(pending) != 1 || pending[0].ID != rolesCue1 || pending[0].State != l10n.Untranslated {
		t.Errorf("pending %v", pending)
	}
	for name, text := range vttFiles(files) {
		if !strings.Contains(text, "The issuer signs the credential.") || !strings.Contains(text, "El educando la guarda en una cartera.") {
			t.Errorf("%s:\n%s", name, text)
		}
	}
	job.RequireApproved = true
	if _, err := export.Build(context.Background(), job); authoring.ErrorCode(err) != authoring.EINVALID || !strings.Contains(err.Error(), rolesCue1) {
		t.Errorf("require approved: %v", err)
	}
}

// brokenTrack serves an unparsable file for the English track.
type brokenTrack struct{ authoring.MediaSource }

func (b brokenTrack) ReadMedia(ctx context.Context, hash string) ([]byte, error) {
	if hash == englishTrack {
		return []byte("WEBVTT\n\n1\nno timing here\n"), nil
	}
	return b.MediaSource.ReadMedia(ctx, hash)
}

func TestBrokenTrackRefusesTranslatedExport(t *testing.T) {
	p, src := sample(t)
	_, err := export.Build(context.Background(), export.Job{Project: p, ModuleID: rolesModule, Format: authoring.FormatWeb,
		Media: brokenTrack{src}, Locale: "es", Translations: sampleBundle(t, p).Translations["es"]})
	if authoring.ErrorCode(err) != authoring.EINVALID || !strings.Contains(err.Error(), "roles-video.vtt") {
		t.Errorf("err %v, want %s naming the file", err, authoring.EINVALID)
	}
}

// TestStackCaptionsInLocale: a cmi5 stack in Spanish carries only Spanish
// tracks.
func TestStackCaptionsInLocale(t *testing.T) {
	p, src := sample(t)
	files, err := export.BuildCourse(context.Background(), export.CourseJob{Project: p, CredentialID: p.Credentials[0].ID,
		Media: src, Locale: "es", Translations: sampleBundle(t, p).Translations["es"], RequireApproved: true})
	if err != nil {
		t.Fatal(err)
	}
	tracks := vttFiles(files)
	if len(tracks) != 2 {
		t.Errorf("tracks %v, want the two of the sample", tracks)
	}
	for name, text := range tracks {
		if strings.Contains(text, "The issuer") || strings.Contains(text, "A micro-credential is") {
			t.Errorf("%s is in English:\n%s", name, text)
		}
	}
}

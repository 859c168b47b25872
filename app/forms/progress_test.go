package forms

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/authoringtest"
	"github.com/stacklet/stacklet/authoring/edit"
	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/authoring/sqlite"
)

// segments are the session's texts with its caption cues, as the form counts them.
func segments(t *testing.T, s *edit.Session) []l10n.Segment {
	t.Helper()
	caps, err := s.Captions()
	if err != nil {
		t.Fatal(err)
	}
	return l10n.ProjectSegments(s.Project(), caps)
}

// sessionOnFile opens the test fixture from a real project file.
func sessionOnFile(t *testing.T) *edit.Session {
	t.Helper()
	ctx := context.Background()
	p, media := authoringtest.Project()
	st, err := sqlite.Create(ctx, filepath.Join(t.TempDir(), "site.stacklet"), p)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Replace(ctx, p, media); err != nil {
		t.Fatal(err)
	}
	loaded, err := st.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s := edit.New(loaded, st, edit.Options{})
	t.Cleanup(func() { s.Close() })
	return s
}

// TestProgressCountsEveryState: each target language's line counts its
// texts in every state, so the project view shows what is left to do.
func TestProgressCountsEveryState(t *testing.T) {
	s := sessionOnFile(t)
	p := s.Project()
	if len(p.TargetLocales) != 2 {
		t.Fatalf("fixture target locales %v, want two", p.TargetLocales)
	}
	de, ar := p.TargetLocales[0], p.TargetLocales[1]
	segs := segments(t, s)
	if len(segs) < 5 {
		t.Fatalf("fixture has %d segments, want at least 5", len(segs))
	}
	at := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	stale := l10n.NewTranslation(segs[3], "Alt", l10n.Approved, "ana", at)
	stale.Source = "an older source text"
	save := []l10n.Translation{
		l10n.NewTranslation(segs[0], "Eins", l10n.Approved, "ana", at),
		l10n.NewTranslation(segs[1], "Zwei", l10n.Edited, "ana", at),
		l10n.NewTranslation(segs[2], "Drei", l10n.Machine, "model:x", at),
		stale,
	}
	if err := s.SaveTranslations(de, save); err != nil {
		t.Fatal(err)
	}
	c := Context{T: tr.New("en"), Session: s}
	n := len(segs)
	want := strings.Join([]string{
		fmt.Sprintf("%s: 2 approved · 1 edited · 1 machine-translated · %d untranslated · 1 with a changed source (of %d texts)", de, n-4, n),
		fmt.Sprintf("%s: 0 approved · 0 edited · 0 machine-translated · %d untranslated · 0 with a changed source (of %d texts)", ar, n, n),
	}, "\n")
	if got := progressText(c); got != want {
		t.Errorf("progress:\n%s\nwant:\n%s", got, want)
	}
}

// TestProgressInEveryUILanguage: the line is whole in each catalog, with no
// missing message and every count in it.
func TestProgressInEveryUILanguage(t *testing.T) {
	s := sessionOnFile(t)
	segs := segments(t, s)
	for _, lang := range []authoring.Locale{"en", "de", "es", "fr", "pt-BR", "id"} {
		t.Run(string(lang), func(t *testing.T) {
			got := progressText(Context{T: tr.New(lang), Session: s})
			if strings.Contains(got, "⟦") {
				t.Fatalf("a message is missing: %s", got)
			}
			line := strings.Split(got, "\n")[0]
			if n := strings.Count(line, " · "); n != 4 {
				t.Errorf("%q has %d separators, want 4 (five states)", line, n)
			}
			if !strings.Contains(line, fmt.Sprint(len(segs))) {
				t.Errorf("%q does not give the total %d", line, len(segs))
			}
		})
	}
}

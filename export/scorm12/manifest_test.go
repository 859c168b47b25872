package scorm12_test

import (
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/export/scorm12"
	"github.com/stacklet/stacklet/internal/golden"
	"github.com/stacklet/stacklet/internal/testenv"
)

func input(completion authoring.CompletionRule) scorm12.Input {
	p := &authoring.Project{Title: "Safety & Health", SourceLocale: "de"}
	m := &authoring.Module{
		ID: "ladders", Title: "Leitern <sicher> nutzen", Minutes: 5, Description: "Kurz & knapp",
		Outcomes: []string{"Leitern prüfen"}, Keywords: []string{"Leiter", "Sicherheit"},
		Completion: completion, MasteryScore: 75,
		Blocks: []authoring.Block{{ID: "q1", Content: &authoring.TrueFalse{
			QuestionBase: authoring.QuestionBase{Prompt: "?", Mode: authoring.Graded, Weight: 1},
		}}},
	}
	return scorm12.Input{Project: p, Module: m, Locale: "de", Launch: "index.html",
		Files: []string{"index.html", "media/abc.png", "player.css", "player.js"}}
}

func TestManifestValidatesAndMatchesGolden(t *testing.T) {
	for _, rule := range []authoring.CompletionRule{authoring.CompleteWhenViewed, authoring.CompleteWhenPassed} {
		t.Run(string(rule), func(t *testing.T) {
			out, err := scorm12.Manifest(input(rule))
			if err != nil {
				t.Fatal(err)
			}
			golden.Assert(t, "manifest-"+string(rule), out)
			if ok, msg := testenv.Xmllint(t, testenv.SCORM12, out); !ok {
				t.Fatalf("xmllint rejects the manifest:\n%s", msg)
			}
		})
	}
}

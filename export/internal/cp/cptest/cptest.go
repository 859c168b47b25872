// Package cptest gives manifest tests one module to describe.
package cptest

import (
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/export/internal/cp"
)

// Input returns a small graded module in German, with characters XML must
// escape, completing by rule.
func Input(rule authoring.CompletionRule) cp.Input {
	p := &authoring.Project{Title: "Safety & Health", SourceLocale: "de"}
	m := &authoring.Module{
		ID: "ladders", Title: "Leitern <sicher> nutzen", Minutes: 5, Description: "Kurz & knapp",
		Outcomes: []string{"Leitern prüfen"}, Keywords: []string{"Leiter", "Sicherheit"},
		Completion: rule, MasteryScore: 75,
		Blocks: []authoring.Block{{ID: "q1", Content: &authoring.TrueFalse{
			QuestionBase: authoring.QuestionBase{Prompt: "?", Mode: authoring.Graded, Weight: 1},
		}}},
	}
	return cp.Input{Project: p, Module: m, Locale: "de", Launch: "index.html",
		Files: []string{"index.html", "media/abc.png", "player.css", "player.js"}}
}

// Rules are the completion rules a manifest test covers.
var Rules = []authoring.CompletionRule{authoring.CompleteWhenViewed, authoring.CompleteWhenPassed}

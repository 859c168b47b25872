// Package cptest gives manifest tests one module to describe.
package cptest

import (
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/export/internal/cp"
)

// Input returns a small graded module in German, with characters XML must
// escape, completing by rule, that earns a credential with an ESCO skill.
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
	p.Modules = []authoring.Module{*m}
	p.Credentials = []authoring.Credential{{ID: "leiter", Title: "Leiterprofi", Modules: []string{"ladders"},
		Skills: []authoring.Skill{{URI: "http://data.europa.eu/esco/skill/d2d9051a-10e1-41c5-9cfb-bbdc58016176",
			Label: "Sicherheitsvorkehrungen bei der Arbeit befolgen"}},
		Tags: []string{"Arbeitssicherheit"}, EQFLevel: 3, Prerequisites: "Keine"}}
	return cp.Input{Project: p, Module: &p.Modules[0], Locale: "de", Launch: "index.html",
		Files: []string{"credential/achievement.json", "credential/index.html", "index.html", "media/abc.png",
			"player.css", "player.js", "theme.css"}}
}

// Rules are the completion rules a manifest test covers.
var Rules = []authoring.CompletionRule{authoring.CompleteWhenViewed, authoring.CompleteWhenPassed}

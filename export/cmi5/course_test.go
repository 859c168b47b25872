package cmi5_test

import (
	"strings"
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/export/cmi5"
	"github.com/stacklet/stacklet/internal/golden"
	"github.com/stacklet/stacklet/internal/testenv"
)

// project returns a German project whose text XML must escape, with a graded
// module per completion rule and one without graded questions.
func project() *authoring.Project {
	p := &authoring.Project{Title: "Safety & Health", SourceLocale: "de"}
	for _, rule := range []authoring.CompletionRule{authoring.CompleteWhenViewed, authoring.CompleteWhenPassed, authoring.CompleteWhenBoth} {
		p.Modules = append(p.Modules, authoring.Module{
			ID: "ladders-" + string(rule), Title: "Leitern <sicher> nutzen", Description: "Kurz & knapp",
			Completion: rule, MasteryScore: 75,
			Blocks: []authoring.Block{{ID: "q1", Content: &authoring.TrueFalse{
				QuestionBase: authoring.QuestionBase{Prompt: "?", Mode: authoring.Graded, Weight: 1}}}},
		})
	}
	p.Modules = append(p.Modules, authoring.Module{ID: "intro", Title: "Einführung", Completion: authoring.CompleteWhenPassed,
		MasteryScore: 80, Blocks: []authoring.Block{{ID: "t1", Content: &authoring.Text{Body: "Hallo"}}}})
	return p
}

func TestModuleCourseValidatesAndMatchesGolden(t *testing.T) {
	p := project()
	for i := range p.Modules {
		m := &p.Modules[i]
		t.Run(m.ID, func(t *testing.T) {
			out, err := cmi5.ModuleCourse(p, m, "de", "index.html").XML()
			if err != nil {
				t.Fatal(err)
			}
			golden.Assert(t, "module-"+m.ID, out)
			if ok, msg := testenv.Xmllint(t, testenv.CMI5, out); !ok {
				t.Fatalf("xmllint rejects cmi5.xml:\n%s", msg)
			}
		})
	}
}

func TestStackCourseValidatesAndMatchesGolden(t *testing.T) {
	p := project()
	c := &authoring.Credential{ID: "ladder-safety", Title: "Leitern: sicher"}
	var aus []cmi5.AU
	for i := range p.Modules {
		m := &p.Modules[i]
		aus = append(aus, cmi5.ModuleAU(p, m, "de", m.ID+"/index.html"))
	}
	out, err := cmi5.StackCourse(p, c, "", aus).XML()
	if err != nil {
		t.Fatal(err)
	}
	golden.Assert(t, "stack", out)
	if ok, msg := testenv.Xmllint(t, testenv.CMI5, out); !ok {
		t.Fatalf("xmllint rejects cmi5.xml:\n%s", msg)
	}
}

func TestModuleRulesBecomeMoveOnAndMastery(t *testing.T) {
	p := project()
	tests := []struct {
		module  string
		moveOn  cmi5.MoveOn
		mastery string
	}{
		{"ladders-viewed", cmi5.MoveOnCompleted, "0.75"},
		{"ladders-passed", cmi5.MoveOnPassed, "0.75"},
		{"ladders-both", cmi5.MoveOnCompletedAndPassed, "0.75"},
		{"intro", cmi5.MoveOnCompleted, ""}, // nothing graded: nothing to pass
	}
	for _, tt := range tests {
		t.Run(tt.module, func(t *testing.T) {
			m, _ := p.Module(tt.module)
			au := cmi5.ModuleAU(p, m, "de", "index.html")
			if au.MoveOn != tt.moveOn || au.MasteryScore != tt.mastery {
				t.Errorf("moveOn %q masteryScore %q, want %q %q", au.MoveOn, au.MasteryScore, tt.moveOn, tt.mastery)
			}
		})
	}
}

// TestSchemaCatchesMistakes proves the validation can fail: a percentage
// where a 0-1 decimal belongs and a missing description are rejected.
func TestSchemaCatchesMistakes(t *testing.T) {
	p := project()
	out, err := cmi5.ModuleCourse(p, &p.Modules[1], "de", "index.html").XML()
	if err != nil {
		t.Fatal(err)
	}
	for name, bad := range map[string]string{
		"Percent":       strings.Replace(string(out), `masteryScore="0.75"`, `masteryScore="75"`, 1),
		"NoDescription": strings.Replace(string(out), "<description>", "<!--", 1),
	} {
		t.Run(name, func(t *testing.T) {
			if name == "NoDescription" {
				bad = strings.Replace(bad, "</description>", "-->", 1)
			}
			if bad == string(out) {
				t.Fatal("the mistake was not made")
			}
			if ok, _ := testenv.Xmllint(t, testenv.CMI5, []byte(bad)); ok {
				t.Fatal("xmllint accepted it")
			}
		})
	}
}

func TestIRIsAreStableAndDistinct(t *testing.T) {
	p := project()
	m := &p.Modules[0]
	au, course := cmi5.ModuleIRI(p, m), cmi5.ModuleCourseIRI(p, m)
	if au != "https://stacklet.io/xapi/safety-health/modules/ladders-viewed" {
		t.Errorf("AU id %q", au)
	}
	if au == course {
		t.Error("the course and its AU share an id")
	}
	again := project()
	if cmi5.ModuleIRI(again, &again.Modules[0]) != au {
		t.Error("the AU id changes between two reads of the same project")
	}
	// Titles without Latin letters still give distinct ids.
	a := cmi5.ModuleIRI(&authoring.Project{Title: "السلامة"}, m)
	b := cmi5.ModuleIRI(&authoring.Project{Title: "الصحة"}, m)
	if a == b || !strings.HasPrefix(a, cmi5.IRIBase) {
		t.Errorf("ids for two Arabic titles: %q, %q", a, b)
	}
}

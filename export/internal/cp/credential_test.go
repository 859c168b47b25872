package cp_test

import (
	"reflect"
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/export/internal/cp"
	"github.com/stacklet/stacklet/export/internal/cp/cptest"
)

func TestSplitFiles(t *testing.T) {
	tests := []struct {
		name      string
		in        []string
		sco, cred []string
	}{
		{"no credential", []string{"index.html", "player.css"}, []string{"index.html", "player.css"}, nil},
		{"credential uses the stylesheets",
			[]string{"credential/index.html", "index.html", "player.css", "player.js", "theme.css"},
			[]string{"index.html", "player.css", "player.js", "theme.css"},
			[]string{"credential/index.html", "player.css", "theme.css"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sco, cred := cp.SplitFiles(tt.in)
			if !reflect.DeepEqual(sco, tt.sco) || !reflect.DeepEqual(cred, tt.cred) {
				t.Errorf("got %v / %v, want %v / %v", sco, cred, tt.sco, tt.cred)
			}
		})
	}
}

// TestClassifyMergesCredentials: two credentials earned by one module give
// each skill, tag and level once.
func TestClassifyMergesCredentials(t *testing.T) {
	in := cptest.Input(authoring.CompleteWhenPassed)
	second := in.Project.Credentials[0]
	second.ID, second.EQFLevel = "second", 4
	second.Skills = append(second.Skills, authoring.Skill{URI: "http://data.europa.eu/esco/skill/60c78287-22eb-4103-9c8c-28deaa460da0", Label: "work in teams"})
	in.Project.Credentials = append(in.Project.Credentials, second)
	c := cp.Classify(in)
	if len(c.Skills) != 2 || len(c.Keywords) != 1 || !reflect.DeepEqual(c.EQFLevels, []int{3, 4}) || len(c.Prerequisites) != 1 {
		t.Errorf("classification %+v", c)
	}
	if !reflect.DeepEqual(c.Outcomes, []string{"Leitern prüfen"}) {
		t.Errorf("outcomes %v: want the module's, as the credential has none of its own", c.Outcomes)
	}
	in.Project.Credentials = nil
	if c := cp.Classify(in); !reflect.DeepEqual(c, cp.Classification{}) {
		t.Errorf("no credential, classification %+v", c)
	}
}

package authoringtest

import "testing"
import "github.com/stacklet/stacklet/authoring"

func TestFixtureIsValid(t *testing.T) {
	p, _ := Project()
	if errs := authoring.Errors(p.ValidateProject()); len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(p.Modules[0].Blocks) != len(authoring.BlockKinds()) {
		t.Fatal("not every kind")
	}
}

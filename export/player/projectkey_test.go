package player

import (
	"regexp"
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/authoringtest"
)

// Two projects with the same module id hosted on one web origin must not
// share the learner's saved progress: the page data carries a project key
// that the web adapter puts in its storage key.
func TestProjectKeyTellsProjectsApart(t *testing.T) {
	key := func(title string, format authoring.Format) string {
		p, _ := authoringtest.Project()
		p.Title = title
		return pageJSON(t, render(t, p, "en-GB", format)["index.html"]).Project
	}
	first := key("Site safety", authoring.FormatWeb)
	if !regexp.MustCompile(`^[0-9a-f]{12}$`).MatchString(first) {
		t.Fatalf("project key %q, want 12 hex digits", first)
	}
	if again := key("Site safety", authoring.FormatWeb); again != first {
		t.Errorf("the same project gave keys %q and %q", first, again)
	}
	if scorm := key("Site safety", authoring.FormatSCORM12); scorm != first {
		t.Errorf("a SCORM package without an LMS falls back to the same storage: key %q, want %q", scorm, first)
	}
	if other := key("Office safety", authoring.FormatWeb); other == first {
		t.Errorf("two projects share the key %q", first)
	}
}

package l10n_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/authoringtest"
	"github.com/stacklet/stacklet/authoring/l10n"
)

func segmentMap(segs []l10n.Segment) map[string]l10n.Segment {
	out := map[string]l10n.Segment{}
	for _, s := range segs {
		out[s.ID] = s
	}
	return out
}

func ids(segs []l10n.Segment) []string {
	out := make([]string, len(segs))
	for i, s := range segs {
		out[i] = s.ID
	}
	return out
}

func TestSegmentsOfEveryField(t *testing.T) {
	p, _ := authoringtest.Project()
	p.Credentials = []authoring.Credential{{ID: "safe", Title: "Safe climber", Outcomes: []string{"Climb"},
		AwardingBody: authoring.Organisation{Name: "Site Academy"}, Skills: []authoring.Skill{{URI: "http://x", Label: "climbing"}},
		Stackability: authoring.Stackability{Towards: "Site manager"}, Criteria: "Pass the quiz", Modules: []string{"ladders"}}}
	segs := segmentMap(l10n.ProjectSegments(p, nil))
	want := map[string]string{
		"p/title":                                         "Site safety",
		"c:safe/title":                                    "Safe climber",
		"c:safe/awardingBody.name":                        "Site Academy",
		"c:safe/outcomes[1]":                              "Climb",
		"c:safe/skills[1].label":                          "climbing",
		"c:safe/stackability.towards":                     "Site manager",
		"c:safe/criteria":                                 "Pass the quiz",
		"m:ladders/title":                                 "Ladder safety",
		"m:ladders/keywords[1]":                           "safety",
		"m:ladders/b:text-a/body[1]":                      "Why",
		"m:ladders/b:text-a/body[2]":                      "Ladders {1}fall{/1} when {2}misused{/2}. See {3}HSE{/3}.",
		"m:ladders/b:text-a/body[4]":                      "two",
		"m:ladders/b:quote-c/text":                        "Safety is no accident.",
		"m:ladders/b:list-d/items[2]":                     "Rungs",
		"m:ladders/b:image-e/alt":                         "A dot",
		"m:ladders/b:image-e/caption":                     "Tiny",
		"m:ladders/b:video-g/transcript":                  "Hello",
		"m:ladders/b:tabs-i/items[2].title":               "B",
		"m:ladders/b:tabs-i/items[2].body[1]":             "b",
		"m:ladders/b:flashcards-j/cards[1].back":          "A",
		"m:ladders/b:process-k/steps[1].body[1]":          "x",
		"m:ladders/b:callout-l/title":                     "Careful",
		"m:ladders/b:gate-n/label":                        "Onwards",
		"m:ladders/b:single-choice-o/choices[a].text":     "A",
		"m:ladders/b:single-choice-o/choices[a].feedback": "Right",
		"m:ladders/b:single-choice-o/feedback.incorrect":  "Not quite.",
		"m:ladders/b:fill-blank-r/accepted[1]":            "ladder",
		"m:ladders/b:matching-s/pairs[b].right":           "two",
		"m:ladders/b:ordering-t/items[b].text":            "second",
		"m:ladders/b:true-false-q/prompt":                 "True?",
	}
	for id, source := range want {
		t.Run(id, func(t *testing.T) {
			s, ok := segs[id]
			if !ok {
				t.Fatalf("no segment %s", id)
			}
			if s.Source != source || s.Hash != l10n.HashText(source) {
				t.Errorf("source %q hash %s, want %q", s.Source, s.Hash, source)
			}
		})
	}
	if _, ok := segs["m:ladders/b:single-choice-o/choices[b].feedback"]; ok {
		t.Error("an empty field became a segment")
	}
}

func TestSegmentMarksAndContext(t *testing.T) {
	p, _ := authoringtest.Project()
	s := segmentMap(l10n.ModuleSegments(&p.Modules[0], nil))["m:ladders/b:text-a/body[2]"]
	want := []l10n.Mark{{ID: 1, Kind: l10n.MarkBold}, {ID: 2, Kind: l10n.MarkItalic}, {ID: 3, Kind: l10n.MarkLink, URL: "https://www.hse.gov.uk"}}
	if !slices.Equal(s.Marks, want) {
		t.Errorf("marks %v, want %v", s.Marks, want)
	}
	for _, part := range []string{`module "Ladder safety"`, "text block", "paragraph", "{3} links to https://www.hse.gov.uk"} {
		if !strings.Contains(s.Context, part) {
			t.Errorf("context %q lacks %q", s.Context, part)
		}
	}
	if s.ModuleID != "ladders" {
		t.Errorf("module id %q", s.ModuleID)
	}
	if gate := segmentMap(l10n.ModuleSegments(&p.Modules[0], nil))["m:ladders/b:gate-n/label"]; gate.MaxLen == 0 {
		t.Error("a button label has no length hint")
	}
}

// TestSegmentIDsAreStable moves blocks and choices and edits another block:
// every id and every untouched hash stays.
func TestSegmentIDsAreStable(t *testing.T) {
	p, _ := authoringtest.Project()
	before := segmentMap(l10n.ModuleSegments(&p.Modules[0], nil))
	m := &p.Modules[0]
	slices.Reverse(m.Blocks)
	q := m.Blocks[len(m.Blocks)-1-14].Content.(*authoring.SingleChoice)
	slices.Reverse(q.Choices)
	m.Blocks[len(m.Blocks)-1-1].Content.(*authoring.Statement).Text = "Changed."
	after := segmentMap(l10n.ModuleSegments(m, nil))
	if len(after) != len(before) {
		t.Fatalf("%d segments, had %d", len(after), len(before))
	}
	for id, s := range before {
		a, ok := after[id]
		switch {
		case !ok:
			t.Errorf("segment %s is gone", id)
		case id == "m:ladders/b:statement-b/text":
			if a.Hash == s.Hash {
				t.Error("edited text kept its hash")
			}
		case a.Hash != s.Hash:
			t.Errorf("segment %s changed hash", id)
		}
	}
}

func TestSegmentsAreDeterministic(t *testing.T) {
	p, _ := authoringtest.Project()
	first := ids(l10n.ProjectSegments(p, nil))
	for range 5 {
		if got := ids(l10n.ProjectSegments(p, nil)); !slices.Equal(got, first) {
			t.Fatal("segment order changed between calls")
		}
	}
	if first[0] != "p/title" || first[1] != "m:ladders/title" {
		t.Errorf("order starts %v", first[:2])
	}
}

func TestBracesInSourceAreEscaped(t *testing.T) {
	m := &authoring.Module{ID: "m", Title: "Use {1} as a placeholder", Blocks: []authoring.Block{
		{ID: "t", Content: &authoring.Text{Body: "A **{x}** set"}}}}
	segs := segmentMap(l10n.ModuleSegments(m, nil))
	if got := segs["m:m/title"].Source; got != "Use {{1} as a placeholder" || len(l10n.Tags(got)) != 0 {
		t.Errorf("title segment %q", got)
	}
	if got := segs["m:m/b:t/body[1]"].Source; got != "A {1}{{x}{/1} set" {
		t.Errorf("body segment %q", got)
	}
}

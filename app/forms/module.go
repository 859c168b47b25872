package forms

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/edit"
)

// Module is the settings form of a module.
func Module(c Context, moduleID string) *Form {
	t := c.T
	b := newBuilder(c)
	mod := func() *authoring.Module {
		m, err := c.Session.Project().Module(moduleID)
		if err != nil {
			return &authoring.Module{}
		}
		return m
	}
	set := func(t edit.Target, fn func(m *authoring.Module)) {
		if err := c.Session.EditModule(moduleID, t, fn); err != nil {
			c.OnError(err)
		}
	}
	b.add(t.S("FieldTitle"), "title", b.text(false, func() string { return mod().Title },
		func(s string) { set(edit.Typing("title"), func(m *authoring.Module) { m.Title = s }) }), "")
	b.add(t.S("FieldDescription"), "description", b.text(true, func() string { return mod().Description },
		func(s string) { set(edit.Typing("description"), func(m *authoring.Module) { m.Description = s }) }),
		t.S("DescriptionHint"))
	b.addNarrow(t.S("FieldMinutes"), "minutes", b.number(1, 60, func() int { return mod().Minutes },
		func(v int) { set(edit.Typing("minutes"), func(m *authoring.Module) { m.Minutes = v }) }), t.S("MinutesHint"))
	b.add(t.S("FieldOutcomes"), "outcomes", b.text(true, func() string { return strings.Join(mod().Outcomes, "\n") },
		func(s string) {
			set(edit.Typing("outcomes"), func(m *authoring.Module) { m.Outcomes = lines(s, "\n") })
		}), t.S("OutcomesHint"))
	b.add(t.S("FieldKeywords"), "keywords", b.text(false, func() string { return strings.Join(mod().Keywords, ", ") },
		func(s string) {
			set(edit.Typing("keywords"), func(m *authoring.Module) { m.Keywords = lines(s, ",") })
		}), t.S("KeywordsHint"))
	b.add(t.S("FieldCompletion"), "completion", completionSelect(c, mod, set), t.S("CompletionHint"))
	b.addNarrow(t.S("FieldMastery"), "masteryScore", b.number(0, 100, func() int { return mod().MasteryScore },
		func(v int) { set(edit.Typing("masteryScore"), func(m *authoring.Module) { m.MasteryScore = v }) }), t.S("MasteryHint"))
	b.addNarrow(t.S("FieldAttempts"), "attempts", b.number(0, 99, func() int { return mod().Attempts },
		func(v int) { set(edit.Typing("attempts"), func(m *authoring.Module) { m.Attempts = v }) }), t.S("AttemptsHint"))
	reveal := widget.NewCheck(t.S("FieldReveal"), nil)
	reveal.SetChecked(mod().RevealAnswers)
	reveal.OnChanged = func(v bool) {
		if v != mod().RevealAnswers {
			set(edit.Field("revealAnswers"), func(m *authoring.Module) { m.RevealAnswers = v })
		}
	}
	b.add(t.S("FieldAnswers"), "revealAnswers", reveal, "")
	return b.done(t.F("ModuleSettingsTitle", map[string]any{"Module": mod().Title}))
}

func completionSelect(c Context, mod func() *authoring.Module, set func(edit.Target, func(*authoring.Module))) *widget.Select {
	rules := []authoring.CompletionRule{authoring.CompleteWhenViewed, authoring.CompleteWhenPassed, authoring.CompleteWhenBoth}
	labels := []string{c.T.S("CompletionViewed"), c.T.S("CompletionPassed"), c.T.S("CompletionBoth")}
	sel := widget.NewSelect(labels, nil)
	sel.SetSelectedIndex(slices.Index(rules, mod().Completion))
	sel.OnChanged = func(string) {
		if r := rules[sel.SelectedIndex()]; r != mod().Completion {
			set(edit.Field("completion"), func(m *authoring.Module) { m.Completion = r })
		}
	}
	return sel
}

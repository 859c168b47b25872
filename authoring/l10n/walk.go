package l10n

import (
	"fmt"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/webvtt"
)

// field is one translatable string field. Extraction reads through text;
// Localize writes the translation back through it, so both walk the very
// same fields and cannot drift apart.
type field struct {
	id      string // segment id; rich fields add [n] per unit
	context string
	maxLen  int
	rich    bool
	module  string
	text    *string
	// written, when set, is called after a translation went into text:
	// caption cues use it to rebuild their cue from the plain text.
	written func()
}

// walker visits the fields under one id prefix. Empty fields are skipped:
// there is nothing to translate.
type walker struct {
	prefix, context, module string
	visit                   func(field)
	// track returns the caption track whose cues to visit for a block's
	// Captions field (kind is "audio" or "video"); nil visits no cues.
	track func(hash *string, kind string) *webvtt.File
}

func (w walker) plain(name, what string, maxLen int, text *string) {
	w.emit(name, what, maxLen, false, text)
}

func (w walker) rich(name, what string, text *string) { w.emit(name, what, 0, true, text) }

func (w walker) emit(name, what string, maxLen int, rich bool, text *string) {
	if isBlank(*text) {
		return
	}
	w.visit(field{id: w.prefix + name, context: w.context + ", " + what, maxLen: maxLen,
		rich: rich, module: w.module, text: text})
}

// emitWritten visits a plain field that calls written once translated.
func (w walker) emitWritten(name, what string, text *string, written func()) {
	if isBlank(*text) {
		return
	}
	w.visit(field{id: w.prefix + name, context: w.context + ", " + what,
		module: w.module, text: text, written: written})
}

func (w walker) list(name, what string, maxLen int, items []string) {
	for i := range items {
		w.plain(fmt.Sprintf("%s[%d]", name, i+1), fmt.Sprintf("%s %d", what, i+1), maxLen, &items[i])
	}
}

func isBlank(s string) bool {
	for _, r := range s {
		if r != ' ' && r != '\t' && r != '\n' && r != '\r' {
			return false
		}
	}
	return true
}

// Length hints for text shown in tight spots: buttons, tabs, card faces.
const (
	maxButton = 40
	maxTitle  = 120
	maxShort  = 80
)

func walkProjectTitle(p *authoring.Project, visit func(field)) {
	walker{prefix: "p/", context: "project", visit: visit}.plain("title", "title", maxTitle, &p.Title)
}

func walkCredential(c *authoring.Credential, visit func(field)) {
	w := walker{prefix: "c:" + c.ID + "/", context: fmt.Sprintf("credential %q", c.Title), visit: visit}
	w.plain("title", "title", maxTitle, &c.Title)
	w.plain("description", "description", 0, &c.Description)
	w.plain("awardingBody.name", "awarding body name (an organisation's official name)", 0, &c.AwardingBody.Name)
	w.list("outcomes", "learning outcome", 0, c.Outcomes)
	w.plain("assessment", "type of assessment", 0, &c.Assessment)
	w.plain("qualityAssurance", "quality assurance", 0, &c.QualityAssurance)
	w.plain("prerequisites", "prerequisites", 0, &c.Prerequisites)
	w.plain("gradingScheme", "grading scheme", 0, &c.GradingScheme)
	w.plain("stackability.towards", "name of the larger credential it counts towards", 0, &c.Stackability.Towards)
	for i := range c.Skills {
		w.plain(fmt.Sprintf("skills[%d].label", i+1), fmt.Sprintf("skill %d label", i+1), maxShort, &c.Skills[i].Label)
	}
	w.plain("criteria", "criteria for earning it", 0, &c.Criteria)
	w.list("tags", "tag", maxShort, c.Tags)
}

func moduleWalker(m *authoring.Module, visit func(field)) walker {
	return walker{prefix: "m:" + m.ID + "/", context: fmt.Sprintf("module %q", m.Title), module: m.ID, visit: visit}
}

// walkModuleTitle visits only the module's title, the same segment
// walkModule visits first: another module's package names it.
func walkModuleTitle(m *authoring.Module, visit func(field)) {
	moduleWalker(m, visit).plain("title", "title", maxTitle, &m.Title)
}

func walkModule(m *authoring.Module, track func(*string, string) *webvtt.File, visit func(field)) {
	w := moduleWalker(m, visit)
	w.track = track
	w.plain("title", "title", maxTitle, &m.Title)
	w.plain("description", "description", 0, &m.Description)
	w.list("outcomes", "learning outcome", 0, m.Outcomes)
	w.list("keywords", "keyword (search metadata)", maxShort, m.Keywords)
	for i := range m.Blocks {
		b := &m.Blocks[i]
		bw := w
		bw.prefix = fmt.Sprintf("%sb:%s/", w.prefix, b.ID)
		bw.context = fmt.Sprintf("%s, %s block %q", w.context, b.Kind(), b.ID)
		walkBlock(bw, b.Content)
	}
}

func walkBlock(w walker, content authoring.Content) {
	switch c := content.(type) {
	case *authoring.Text:
		w.rich("body", "text", &c.Body)
	case *authoring.Statement:
		w.plain("text", "statement", 0, &c.Text)
	case *authoring.Quote:
		w.plain("text", "quotation", 0, &c.Text)
		w.plain("attribution", "who said it", 0, &c.Attribution)
	case *authoring.List:
		w.list("items", "list item", 0, c.Items)
	case *authoring.Image:
		w.plain("alt", "image alt text for screen readers", 0, &c.Alt)
		w.plain("caption", "image caption", 0, &c.Caption)
	case *authoring.Audio:
		w.captions("audio", &c.Captions)
		w.plain("transcript", "audio transcript", 0, &c.Transcript)
	case *authoring.Video:
		w.captions("video", &c.Captions)
		w.plain("transcript", "video transcript", 0, &c.Transcript)
	case *authoring.Accordion:
		walkPanels(w, "items", "panel", maxShort, c.Items)
	case *authoring.Tabs:
		walkPanels(w, "items", "tab", maxButton, c.Items)
	case *authoring.Process:
		walkPanels(w, "steps", "step", maxShort, c.Steps)
	case *authoring.Flashcards:
		walkCards(w, c.Cards)
	case *authoring.Callout:
		w.plain("title", "callout title", maxShort, &c.Title)
		w.rich("body", "callout text", &c.Body)
	case *authoring.Gate:
		w.plain("label", "button label", maxButton, &c.Label)
	case authoring.Question:
		walkQuestion(w, c)
	}
}

func walkPanels(w walker, name, what string, maxLen int, panels []authoring.Panel) {
	for i := range panels {
		p := fmt.Sprintf("%s[%d].", name, i+1)
		w.plain(p+"title", fmt.Sprintf("%s %d title", what, i+1), maxLen, &panels[i].Title)
		w.rich(p+"body", fmt.Sprintf("%s %d text", what, i+1), &panels[i].Body)
	}
}

func walkCards(w walker, cards []authoring.Card) {
	for i := range cards {
		p := fmt.Sprintf("cards[%d].", i+1)
		w.plain(p+"front", fmt.Sprintf("card %d front", i+1), maxShort, &cards[i].Front)
		w.plain(p+"back", fmt.Sprintf("card %d back", i+1), 0, &cards[i].Back)
	}
}

func walkQuestion(w walker, q authoring.Question) {
	base := q.Base()
	w.plain("prompt", "question", 0, &base.Prompt)
	switch c := q.(type) {
	case *authoring.SingleChoice:
		walkChoices(w, c.Choices)
	case *authoring.MultipleResponse:
		walkChoices(w, c.Choices)
	case *authoring.FillBlank:
		w.list("accepted", "accepted answer (learners type it: keep it short)", maxShort, c.Accepted)
	case *authoring.Matching:
		for i := range c.Pairs {
			p := fmt.Sprintf("pairs[%s].", c.Pairs[i].ID)
			w.plain(p+"left", fmt.Sprintf("pair %q left side", c.Pairs[i].ID), maxShort, &c.Pairs[i].Left)
			w.plain(p+"right", fmt.Sprintf("pair %q right side", c.Pairs[i].ID), maxShort, &c.Pairs[i].Right)
		}
	case *authoring.Ordering:
		for i := range c.Items {
			w.plain(fmt.Sprintf("items[%s].text", c.Items[i].ID), fmt.Sprintf("item %q to put in order", c.Items[i].ID), 0, &c.Items[i].Text)
		}
	}
	w.plain("feedback.correct", "feedback after a right answer", 0, &base.Feedback.Correct)
	w.plain("feedback.incorrect", "feedback after a wrong answer", 0, &base.Feedback.Incorrect)
}

func walkChoices(w walker, choices []authoring.Choice) {
	for i := range choices {
		p := fmt.Sprintf("choices[%s].", choices[i].ID)
		w.plain(p+"text", fmt.Sprintf("choice %q", choices[i].ID), 0, &choices[i].Text)
		w.plain(p+"feedback", fmt.Sprintf("feedback when choice %q is picked", choices[i].ID), 0, &choices[i].Feedback)
	}
}

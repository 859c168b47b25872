package authoring

import "fmt"

func (b *Text) validate(c *check)      { c.richText("body", b.Body, "text") }
func (b *Statement) validate(c *check) { c.required("text", b.Text, "statement text") }
func (b *Quote) validate(c *check)     { c.required("text", b.Text, "quote text") }
func (*Divider) validate(*check)       {}
func (*Gate) validate(*check)          {}

func (b *List) validate(c *check) {
	if b.Style != Bulleted && b.Style != Numbered && b.Style != Checklist {
		c.errorf("style", "list style %q is not bulleted, numbered or checklist", b.Style)
	}
	if len(b.Items) == 0 {
		c.errorf("items", "the list has no items")
	}
	for i, it := range b.Items {
		c.required(fmt.Sprintf("items[%d]", i+1), it, fmt.Sprintf("item %d", i+1))
	}
}

func (b *Image) validate(c *check) {
	c.media("media", b.Media, "image")
	if b.Decorative && b.Alt != "" {
		c.errorf("alt", "a decorative image has no alt text: clear it or untick decorative")
	}
	if !b.Decorative {
		c.required("alt", b.Alt, "alt text")
	}
}

func (b *Audio) validate(c *check) {
	c.media("media", b.Media, "audio")
	if b.Captions != "" {
		c.media("captions", b.Captions, "captions")
	}
	if b.Captions == "" && b.Transcript == "" {
		c.errorf("transcript", "audio needs captions or a transcript for learners who cannot hear it")
	}
}

func (b *Video) validate(c *check) {
	c.media("media", b.Media, "video")
	if b.Captions == "" {
		c.errorf("captions", "captions are missing: add a WebVTT file")
	} else {
		c.media("captions", b.Captions, "captions")
	}
}

func panels(c *check, field string, items []Panel, min int, what string) {
	if len(items) < min {
		c.errorf(field, "needs at least %d %ss, has %d", min, what, len(items))
	}
	for i, p := range items {
		c.required(fmt.Sprintf("%s[%d].title", field, i+1), p.Title, fmt.Sprintf("%s %d title", what, i+1))
		c.richText(fmt.Sprintf("%s[%d].body", field, i+1), p.Body, fmt.Sprintf("%s %d text", what, i+1))
	}
}

func (b *Accordion) validate(c *check) { panels(c, "items", b.Items, 1, "panel") }
func (b *Tabs) validate(c *check)      { panels(c, "items", b.Items, 2, "tab") }
func (b *Process) validate(c *check)   { panels(c, "steps", b.Steps, 2, "step") }

func (b *Flashcards) validate(c *check) {
	if len(b.Cards) == 0 {
		c.errorf("cards", "there are no cards")
	}
	for i, card := range b.Cards {
		c.required(fmt.Sprintf("cards[%d].front", i+1), card.Front, fmt.Sprintf("card %d front", i+1))
		c.required(fmt.Sprintf("cards[%d].back", i+1), card.Back, fmt.Sprintf("card %d back", i+1))
	}
}

func (b *Callout) validate(c *check) {
	if b.Tone != ToneInfo && b.Tone != ToneTip && b.Tone != ToneWarning {
		c.errorf("tone", "callout tone %q is not info, tip or warning", b.Tone)
	}
	c.richText("body", b.Body, "callout text")
}

func (q *QuestionBase) validateBase(c *check) {
	c.required("prompt", q.Prompt, "question")
	if q.Mode != Graded && q.Mode != Practice {
		c.errorf("mode", "mode %q is not graded or practice", q.Mode)
	}
	if q.Weight < 1 || q.Weight > 100 {
		c.errorf("weight", "weight must be between 1 and 100, not %d", q.Weight)
	}
}

func choices(c *check, list []Choice, single bool) {
	if len(list) < 2 {
		c.errorf("choices", "needs at least 2 choices, has %d", len(list))
	}
	correct := 0
	ids := map[string]bool{}
	for i, ch := range list {
		c.required(fmt.Sprintf("choices[%d].text", i+1), ch.Text, fmt.Sprintf("choice %d text", i+1))
		if !ValidID(ch.ID) || ids[ch.ID] {
			c.errorf(fmt.Sprintf("choices[%d].id", i+1), "choice %d id %q is not a unique lowercase identifier", i+1, ch.ID)
		}
		ids[ch.ID] = true
		if ch.Correct {
			correct++
		}
	}
	switch {
	case single && correct != 1:
		c.errorf("choices", "exactly one choice must be correct, %d are", correct)
	case !single && correct == 0:
		c.errorf("choices", "mark at least one choice correct")
	}
}

func (q *SingleChoice) validate(c *check) { q.validateBase(c); choices(c, q.Choices, true) }

func (q *MultipleResponse) validate(c *check) { q.validateBase(c); choices(c, q.Choices, false) }

func (q *TrueFalse) validate(c *check) { q.validateBase(c) }

func (q *FillBlank) validate(c *check) {
	q.validateBase(c)
	if len(q.Accepted) == 0 {
		c.errorf("accepted", "add at least one accepted answer")
	}
	for i, a := range q.Accepted {
		c.required(fmt.Sprintf("accepted[%d]", i+1), a, fmt.Sprintf("accepted answer %d", i+1))
	}
}

func (q *Matching) validate(c *check) {
	q.validateBase(c)
	if len(q.Pairs) < 2 {
		c.errorf("pairs", "needs at least 2 pairs, has %d", len(q.Pairs))
	}
	ids := map[string]bool{}
	for i, p := range q.Pairs {
		c.required(fmt.Sprintf("pairs[%d].left", i+1), p.Left, fmt.Sprintf("pair %d left side", i+1))
		c.required(fmt.Sprintf("pairs[%d].right", i+1), p.Right, fmt.Sprintf("pair %d right side", i+1))
		if !ValidID(p.ID) || ids[p.ID] {
			c.errorf(fmt.Sprintf("pairs[%d].id", i+1), "pair %d id %q is not a unique lowercase identifier", i+1, p.ID)
		}
		ids[p.ID] = true
	}
}

func (q *Ordering) validate(c *check) {
	q.validateBase(c)
	if len(q.Items) < 2 {
		c.errorf("items", "needs at least 2 items, has %d", len(q.Items))
	}
	ids := map[string]bool{}
	for i, it := range q.Items {
		c.required(fmt.Sprintf("items[%d].text", i+1), it.Text, fmt.Sprintf("item %d", i+1))
		if !ValidID(it.ID) || ids[it.ID] {
			c.errorf(fmt.Sprintf("items[%d].id", i+1), "item %d id %q is not a unique lowercase identifier", i+1, it.ID)
		}
		ids[it.ID] = true
	}
}

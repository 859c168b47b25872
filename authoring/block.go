package authoring

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// BlockKind names a kind of content block.
type BlockKind string

const (
	KindText             BlockKind = "text"
	KindStatement        BlockKind = "statement"
	KindQuote            BlockKind = "quote"
	KindList             BlockKind = "list"
	KindImage            BlockKind = "image"
	KindAudio            BlockKind = "audio"
	KindVideo            BlockKind = "video"
	KindAccordion        BlockKind = "accordion"
	KindTabs             BlockKind = "tabs"
	KindFlashcards       BlockKind = "flashcards"
	KindProcess          BlockKind = "process"
	KindCallout          BlockKind = "callout"
	KindDivider          BlockKind = "divider"
	KindGate             BlockKind = "gate"
	KindSingleChoice     BlockKind = "single-choice"
	KindMultipleResponse BlockKind = "multiple-response"
	KindTrueFalse        BlockKind = "true-false"
	KindFillBlank        BlockKind = "fill-blank"
	KindMatching         BlockKind = "matching"
	KindOrdering         BlockKind = "ordering"
)

// newContent maps each kind to a constructor of its empty content; it is the
// one list of kinds, in palette order.
var newContent = []struct {
	kind BlockKind
	make func() Content
}{
	{KindText, func() Content { return &Text{} }},
	{KindStatement, func() Content { return &Statement{} }},
	{KindQuote, func() Content { return &Quote{} }},
	{KindList, func() Content { return &List{Style: Bulleted} }},
	{KindImage, func() Content { return &Image{} }},
	{KindAudio, func() Content { return &Audio{} }},
	{KindVideo, func() Content { return &Video{} }},
	{KindAccordion, func() Content { return &Accordion{} }},
	{KindTabs, func() Content { return &Tabs{} }},
	{KindFlashcards, func() Content { return &Flashcards{} }},
	{KindProcess, func() Content { return &Process{} }},
	{KindCallout, func() Content { return &Callout{Tone: ToneInfo} }},
	{KindDivider, func() Content { return &Divider{} }},
	{KindGate, func() Content { return &Gate{} }},
	{KindSingleChoice, func() Content { return &SingleChoice{QuestionBase: newQuestionBase()} }},
	{KindMultipleResponse, func() Content { return &MultipleResponse{QuestionBase: newQuestionBase()} }},
	{KindTrueFalse, func() Content { return &TrueFalse{QuestionBase: newQuestionBase()} }},
	{KindFillBlank, func() Content { return &FillBlank{QuestionBase: newQuestionBase()} }},
	{KindMatching, func() Content { return &Matching{QuestionBase: newQuestionBase()} }},
	{KindOrdering, func() Content { return &Ordering{QuestionBase: newQuestionBase()} }},
}

// BlockKinds lists every kind in palette order.
func BlockKinds() []BlockKind {
	out := make([]BlockKind, len(newContent))
	for i, c := range newContent {
		out[i] = c.kind
	}
	return out
}

// NewContent returns empty content of the given kind.
func NewContent(kind BlockKind) (Content, error) {
	for _, c := range newContent {
		if c.kind == kind {
			return c.make(), nil
		}
	}
	return nil, Errorf(EINVALID, "unknown block kind %q", kind)
}

// IsQuestion reports whether blocks of this kind are knowledge checks.
func (k BlockKind) IsQuestion() bool {
	c, err := NewContent(k)
	if err != nil {
		return false
	}
	_, ok := c.(Question)
	return ok
}

// Block is one piece of a module: an id that stays put and typed content.
type Block struct {
	ID      string
	Content Content
}

// Kind returns the kind of the block's content.
func (b Block) Kind() BlockKind { return b.Content.Kind() }

// Content is what a block holds; each kind validates itself.
type Content interface {
	Kind() BlockKind
	validate(c *check)
	media() []string
}

// MarshalJSON writes the block flat: {"id", "kind", then the content's fields}.
func (b Block) MarshalJSON() ([]byte, error) {
	if b.Content == nil {
		return nil, fmt.Errorf("block %q has no content", b.ID)
	}
	body, err := json.Marshal(b.Content)
	if err != nil {
		return nil, err
	}
	head, err := json.Marshal(struct {
		ID   string    `json:"id"`
		Kind BlockKind `json:"kind"`
	}{b.ID, b.Kind()})
	if err != nil {
		return nil, err
	}
	if string(body) == "{}" {
		return head, nil
	}
	out := append(head[:len(head)-1], ',')
	return append(out, body[1:]...), nil
}

// UnmarshalJSON reads the flat form MarshalJSON writes.
func (b *Block) UnmarshalJSON(data []byte) error {
	var head struct {
		ID   string    `json:"id"`
		Kind BlockKind `json:"kind"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return err
	}
	c, err := NewContent(head.Kind)
	if err != nil {
		return err
	}
	if err := decodeStrict(data, c); err != nil {
		return Errorf(EINVALID, "block %q (%s): %v", head.ID, head.Kind, err)
	}
	b.ID, b.Content = head.ID, c
	return nil
}

// decodeStrict decodes the content fields of a flat block, refusing unknown
// ones so a misspelt field in a hand-edited dump is reported, not dropped.
func decodeStrict(data []byte, c Content) error {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		return err
	}
	delete(fields, "id")
	delete(fields, "kind")
	body, err := json.Marshal(fields)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	return dec.Decode(c)
}

package authoring

// Text is rich text in Stacklet's safe markup (see package richtext).
type Text struct {
	Body string `json:"body"`
}

// Statement is one sentence set large, to make a point stick.
type Statement struct {
	Text string `json:"text"`
}

// Quote is a quotation and who said it.
type Quote struct {
	Text        string `json:"text"`
	Attribution string `json:"attribution,omitempty"`
}

// ListStyle is how a List marks its items.
type ListStyle string

const (
	Bulleted  ListStyle = "bulleted"
	Numbered  ListStyle = "numbered"
	Checklist ListStyle = "checklist" // learners can tick items off
)

// List is a list of short items.
type List struct {
	Style ListStyle `json:"style"`
	Items []string  `json:"items"`
}

// Image shows a picture from the media library.
type Image struct {
	Media      string `json:"media"` // media hash
	Alt        string `json:"alt,omitempty"`
	Decorative bool   `json:"decorative,omitempty"` // no alt text: screen readers skip it
	Caption    string `json:"caption,omitempty"`
}

// Audio plays a sound file with optional captions and a transcript.
type Audio struct {
	Media      string `json:"media"`
	Captions   string `json:"captions,omitempty"` // media hash of a WebVTT file
	Transcript string `json:"transcript,omitempty"`
}

// Video plays a video file with captions and an optional transcript.
type Video struct {
	Media      string `json:"media"`
	Captions   string `json:"captions,omitempty"`
	Transcript string `json:"transcript,omitempty"`
}

// Panel is a titled piece of rich text: an accordion item, a tab or a step.
type Panel struct {
	Title string `json:"title"`
	Body  string `json:"body"`
}

// Accordion is a stack of panels the learner expands one by one.
type Accordion struct {
	Items []Panel `json:"items"`
}

// Tabs shows one panel at a time behind a row of tabs.
type Tabs struct {
	Items []Panel `json:"items"`
}

// Card is one flashcard.
type Card struct {
	Front string `json:"front"`
	Back  string `json:"back"`
}

// Flashcards are cards the learner turns over.
type Flashcards struct {
	Cards []Card `json:"cards"`
}

// Process walks through numbered steps one at a time.
type Process struct {
	Steps []Panel `json:"steps"`
}

// Tone is the flavour of a Callout.
type Tone string

const (
	ToneInfo    Tone = "info"
	ToneTip     Tone = "tip"
	ToneWarning Tone = "warning"
)

// Callout is a highlighted note.
type Callout struct {
	Tone  Tone   `json:"tone"`
	Title string `json:"title,omitempty"`
	Body  string `json:"body"`
}

// Divider separates sections.
type Divider struct{}

// Gate hides what follows until the learner has finished everything above:
// every interactive block opened and every question answered.
type Gate struct {
	Label string `json:"label,omitempty"` // button text; the player's "Continue" when empty
}

func (*Text) Kind() BlockKind       { return KindText }
func (*Statement) Kind() BlockKind  { return KindStatement }
func (*Quote) Kind() BlockKind      { return KindQuote }
func (*List) Kind() BlockKind       { return KindList }
func (*Image) Kind() BlockKind      { return KindImage }
func (*Audio) Kind() BlockKind      { return KindAudio }
func (*Video) Kind() BlockKind      { return KindVideo }
func (*Accordion) Kind() BlockKind  { return KindAccordion }
func (*Tabs) Kind() BlockKind       { return KindTabs }
func (*Flashcards) Kind() BlockKind { return KindFlashcards }
func (*Process) Kind() BlockKind    { return KindProcess }
func (*Callout) Kind() BlockKind    { return KindCallout }
func (*Divider) Kind() BlockKind    { return KindDivider }
func (*Gate) Kind() BlockKind       { return KindGate }

func (*Text) media() []string       { return nil }
func (*Statement) media() []string  { return nil }
func (*Quote) media() []string      { return nil }
func (*List) media() []string       { return nil }
func (b *Image) media() []string    { return []string{b.Media} }
func (b *Audio) media() []string    { return []string{b.Media, b.Captions} }
func (b *Video) media() []string    { return []string{b.Media, b.Captions} }
func (*Accordion) media() []string  { return nil }
func (*Tabs) media() []string       { return nil }
func (*Flashcards) media() []string { return nil }
func (*Process) media() []string    { return nil }
func (*Callout) media() []string    { return nil }
func (*Divider) media() []string    { return nil }
func (*Gate) media() []string       { return nil }

package authoring

// Mode says whether a question counts towards the score.
type Mode string

const (
	Graded   Mode = "graded"
	Practice Mode = "practice"
)

// Feedback is shown after an answer is checked.
type Feedback struct {
	Correct   string `json:"correct,omitempty"`
	Incorrect string `json:"incorrect,omitempty"`
}

// QuestionBase holds what every knowledge check has.
type QuestionBase struct {
	Prompt   string   `json:"prompt"`
	Mode     Mode     `json:"mode"`
	Weight   int      `json:"weight"`
	Feedback Feedback `json:"feedback"`
}

func newQuestionBase() QuestionBase { return QuestionBase{Mode: Graded, Weight: 1} }

// Base gives access to the shared fields.
func (q *QuestionBase) Base() *QuestionBase { return q }

// Question is implemented by every knowledge check.
type Question interface {
	Content
	Base() *QuestionBase
}

// Choice is one option of a choice question; Feedback, when set, is shown
// when the learner picks it.
type Choice struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	Correct  bool   `json:"correct,omitempty"`
	Feedback string `json:"feedback,omitempty"`
}

// SingleChoice has exactly one correct choice.
type SingleChoice struct {
	QuestionBase
	Choices []Choice `json:"choices"`
}

// MultipleResponse has one or more correct choices; all must be picked.
type MultipleResponse struct {
	QuestionBase
	Choices []Choice `json:"choices"`
}

// TrueFalse asks whether the prompt is true.
type TrueFalse struct {
	QuestionBase
	Answer bool `json:"answer"`
}

// FillBlank asks for a short typed answer; any accepted answer is correct.
type FillBlank struct {
	QuestionBase
	Accepted      []string `json:"accepted"`
	CaseSensitive bool     `json:"caseSensitive,omitempty"`
}

// Pair is one left-right match.
type Pair struct {
	ID    string `json:"id"`
	Left  string `json:"left"`
	Right string `json:"right"`
}

// Matching asks the learner to match each left item to its right item.
type Matching struct {
	QuestionBase
	Pairs []Pair `json:"pairs"`
}

// Item is one entry of an ordering question.
type Item struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// Ordering asks the learner to put items in order; Items holds the right order.
type Ordering struct {
	QuestionBase
	Items []Item `json:"items"`
}

func (*SingleChoice) Kind() BlockKind     { return KindSingleChoice }
func (*MultipleResponse) Kind() BlockKind { return KindMultipleResponse }
func (*TrueFalse) Kind() BlockKind        { return KindTrueFalse }
func (*FillBlank) Kind() BlockKind        { return KindFillBlank }
func (*Matching) Kind() BlockKind         { return KindMatching }
func (*Ordering) Kind() BlockKind         { return KindOrdering }

func (*QuestionBase) media() []string { return nil }

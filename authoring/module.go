package authoring

// Module is one bite-sized learning unit: the thing a package delivers.
type Module struct {
	ID            string         `json:"id"`
	Title         string         `json:"title"`
	Description   string         `json:"description"`
	Minutes       int            `json:"minutes"`
	Outcomes      []string       `json:"outcomes"`
	Keywords      []string       `json:"keywords"`
	Completion    CompletionRule `json:"completion"`
	MasteryScore  int            `json:"masteryScore"`  // percent
	Attempts      int            `json:"attempts"`      // 0 means unlimited
	RevealAnswers bool           `json:"revealAnswers"` // show the right answer after the last attempt
	Blocks        []Block        `json:"blocks"`
}

// CompletionRule says when the LMS is told the module is complete.
type CompletionRule string

const (
	CompleteWhenViewed CompletionRule = "viewed" // every block seen
	CompleteWhenPassed CompletionRule = "passed" // graded questions at or above the mastery score
	CompleteWhenBoth   CompletionRule = "both"
)

// Graded reports whether the module has at least one graded question.
func (m *Module) Graded() bool {
	for _, b := range m.Blocks {
		if q, ok := b.Content.(Question); ok && q.Base().Mode == Graded {
			return true
		}
	}
	return false
}

// Block returns the block with the given id and its index.
func (m *Module) Block(id string) (*Block, int, error) {
	for i := range m.Blocks {
		if m.Blocks[i].ID == id {
			return &m.Blocks[i], i, nil
		}
	}
	return nil, -1, Errorf(ENOTFOUND, "module %q has no block %q", m.Title, id)
}

// MediaHashes returns the hashes of every media file the module uses, in order
// of first use and without repeats.
func (m *Module) MediaHashes() []string {
	var out []string
	seen := map[string]bool{}
	for _, b := range m.Blocks {
		for _, h := range b.Content.media() {
			if h != "" && !seen[h] {
				seen[h] = true
				out = append(out, h)
			}
		}
	}
	return out
}

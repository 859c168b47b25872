package player

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/stacklet/stacklet/authoring"
)

// pageData is the machine data the player script reads from the page's
// application/json block: rules, answer keys and the strings it shows.
type pageData struct {
	Module     string                   `json:"module"`
	Project    string                   `json:"project"` // projectKey: keeps projects apart in the browser's storage
	Format     authoring.Format         `json:"format"`
	Lang       authoring.Locale         `json:"lang"`
	Completion authoring.CompletionRule `json:"completion"`
	Mastery    int                      `json:"mastery"`
	Attempts   int                      `json:"attempts"` // 0: unlimited
	Reveal     bool                     `json:"reveal"`
	Blocks     []string                 `json:"blocks"` // ids in page order
	Questions  map[string]questionData  `json:"questions"`
	Strings    map[string]any           `json:"s"`
}

// projectKey is a short, deterministic identity of the project a package
// comes from: the first 12 hex digits of the SHA-256 of its title (as the
// package shows it). The same project gives the same key, so re-exporting a
// package keeps learners' saved progress; renaming the project starts afresh.
func projectKey(title string) string {
	sum := sha256.Sum256([]byte(title))
	return hex.EncodeToString(sum[:6])
}

// questionData is one question's scoring rule. Key holds the right answer:
// choice ids (single-choice, multiple-response), a bool (true-false),
// accepted answers (fill-blank), left pair id to right pair id (matching) or
// item ids in order (ordering).
type questionData struct {
	Kind      authoring.BlockKind `json:"kind"`
	Graded    bool                `json:"graded"`
	Weight    int                 `json:"weight"`
	Prompt    string              `json:"prompt"`
	IDs       []string            `json:"ids,omitempty"` // choices or pairs in author order
	Key       any                 `json:"key"`
	Case      bool                `json:"cs,omitempty"` // fill-blank: case sensitive
	Choice    map[string]string   `json:"fb,omitempty"` // feedback per choice id
	Correct   string              `json:"fc,omitempty"`
	Incorrect string              `json:"fi,omitempty"`
}

func questionKey(q authoring.Question) questionData {
	base := q.Base()
	d := questionData{Kind: q.Kind(), Graded: base.Mode == authoring.Graded, Weight: base.Weight,
		Prompt: base.Prompt, Correct: base.Feedback.Correct, Incorrect: base.Feedback.Incorrect}
	switch c := q.(type) {
	case *authoring.SingleChoice:
		d.choices(c.Choices)
	case *authoring.MultipleResponse:
		d.choices(c.Choices)
	case *authoring.TrueFalse:
		d.Key = c.Answer
	case *authoring.FillBlank:
		d.Key, d.Case = c.Accepted, c.CaseSensitive
	case *authoring.Matching:
		key := map[string]string{}
		for _, p := range c.Pairs {
			d.IDs = append(d.IDs, p.ID)
			key[p.ID] = p.ID
		}
		d.Key = key
	case *authoring.Ordering:
		key := make([]string, len(c.Items))
		for i, it := range c.Items {
			key[i] = it.ID
		}
		d.Key = key
	}
	return d
}

func (d *questionData) choices(cs []authoring.Choice) {
	key := []string{}
	for _, c := range cs {
		d.IDs = append(d.IDs, c.ID)
		if c.Correct {
			key = append(key, c.ID)
		}
		if c.Feedback != "" {
			if d.Choice == nil {
				d.Choice = map[string]string{}
			}
			d.Choice[c.ID] = c.Feedback
		}
	}
	d.Key = key
}

// scriptStrings are the strings the script shows, with {n}-style
// placeholders it fills in; messages whose plural form depends on a count
// only the script knows are listed for every possible count.
func (r *renderer) scriptStrings(gradedCount int) (map[string]any, error) {
	out := map[string]any{}
	for key, id := range map[string]string{
		"check": "Check", "retry": "TryAgain", "correct": "Correct", "incorrect": "Incorrect",
		"answerFirst": "AnswerFirst", "answerShown": "AnswerShown", "correctAnswer": "CorrectAnswer",
		"gateLocked": "GateLocked", "passed": "Passed", "notPassed": "NotPassed",
		"complete": "ModuleComplete", "incomplete": "IncompleteHint", "finished": "FinishedNotice",
		"resume": "ResumeNotice", "noLMS": "NoLMSNotice", "dismiss": "Dismiss",
	} {
		out[key] = r.s[id]
	}
	with := []struct {
		key, id string
		data    map[string]any
	}{
		{"correctAnswerIs", "CorrectAnswerIs", map[string]any{"Answer": "{a}"}},
		{"attemptOf", "AttemptOf", map[string]any{"N": "{n}", "Max": r.opts.Module.Attempts}},
		{"moved", "ItemMoved", map[string]any{"Item": "{item}", "N": "{n}", "Total": "{t}"}},
		{"score", "YourScore", map[string]any{"Score": "{n}"}},
	}
	for _, w := range with {
		s, err := r.strs.Text(w.id, w.data)
		if err != nil {
			return nil, err
		}
		out[w.key] = s
	}
	answered, err := r.strs.Plural("QuestionsAnswered", gradedCount, map[string]any{"Count": "{n}", "Total": gradedCount})
	if err != nil {
		return nil, err
	}
	out["answered"] = answered
	left := make([]string, r.opts.Module.Attempts+1)
	for n := range left {
		if left[n], err = r.strs.Plural("AttemptsLeft", n, nil); err != nil {
			return nil, err
		}
	}
	out["attemptsLeft"] = left
	return out, nil
}

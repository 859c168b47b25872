// Package authoringtest builds projects for tests: one block of every kind,
// valid, with real media bytes.
package authoringtest

import (
	"context"

	"github.com/stacklet/stacklet/authoring"
)

// Media bytes small enough to inline, valid for their types.
var (
	PNG = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82")
	VTT = []byte("WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n")
	WAV = []byte("RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00\x40\x1f\x00\x00\x80\x3e\x00\x00\x02\x00\x10\x00data\x00\x00\x00\x00")
	MP4 = []byte("\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom")
)

// MediaMap serves media bytes from memory.
type MediaMap map[string][]byte

// ReadMedia implements authoring.MediaSource.
func (m MediaMap) ReadMedia(_ context.Context, hash string) ([]byte, error) {
	data, ok := m[hash]
	if !ok {
		return nil, authoring.Errorf(authoring.ENOTFOUND, "media %s not found", hash)
	}
	return data, nil
}

func must(m authoring.Media, err error) authoring.Media {
	if err != nil {
		panic(err)
	}
	return m
}

// Project returns a valid project whose one module uses every block kind.
func Project() (*authoring.Project, MediaMap) {
	img := must(authoring.NewMedia("dot.png", PNG))
	vtt := must(authoring.NewMedia("talk.vtt", VTT))
	mp4 := must(authoring.NewMedia("clip.mp4", MP4))
	wav := must(authoring.NewMedia("hello.wav", WAV))
	q := func(prompt string) authoring.QuestionBase {
		return authoring.QuestionBase{Prompt: prompt, Mode: authoring.Graded, Weight: 1,
			Feedback: authoring.Feedback{Correct: "Yes.", Incorrect: "Not quite."}}
	}
	blocks := []authoring.Content{
		&authoring.Text{Body: "## Why\nLadders **fall** when *misused*. See [HSE](https://www.hse.gov.uk).\n\n- one\n- two"},
		&authoring.Statement{Text: "Three points of contact."},
		&authoring.Quote{Text: "Safety is no accident.", Attribution: "Anon"},
		&authoring.List{Style: authoring.Checklist, Items: []string{"Feet", "Rungs"}},
		&authoring.Image{Media: img.Hash, Alt: "A dot", Caption: "Tiny"},
		&authoring.Audio{Media: wav.Hash, Captions: vtt.Hash, Transcript: "Hello"},
		&authoring.Video{Media: mp4.Hash, Captions: vtt.Hash, Transcript: "Hello"},
		&authoring.Accordion{Items: []authoring.Panel{{Title: "A", Body: "a"}}},
		&authoring.Tabs{Items: []authoring.Panel{{Title: "A", Body: "a"}, {Title: "B", Body: "b"}}},
		&authoring.Flashcards{Cards: []authoring.Card{{Front: "Q", Back: "A"}}},
		&authoring.Process{Steps: []authoring.Panel{{Title: "1", Body: "x"}, {Title: "2", Body: "y"}}},
		&authoring.Callout{Tone: authoring.ToneWarning, Title: "Careful", Body: "Hot"},
		&authoring.Divider{},
		&authoring.Gate{Label: "Onwards"},
		&authoring.SingleChoice{QuestionBase: q("Pick one"), Choices: []authoring.Choice{
			{ID: "a", Text: "A", Correct: true, Feedback: "Right"}, {ID: "b", Text: "B"}}},
		&authoring.MultipleResponse{QuestionBase: q("Pick some"), Choices: []authoring.Choice{
			{ID: "a", Text: "A", Correct: true}, {ID: "b", Text: "B", Correct: true}, {ID: "c", Text: "C"}}},
		&authoring.TrueFalse{QuestionBase: q("True?"), Answer: true},
		&authoring.FillBlank{QuestionBase: q("Word?"), Accepted: []string{"ladder"}},
		&authoring.Matching{QuestionBase: q("Match"), Pairs: []authoring.Pair{
			{ID: "a", Left: "1", Right: "one"}, {ID: "b", Left: "2", Right: "two"}}},
		&authoring.Ordering{QuestionBase: q("Order"), Items: []authoring.Item{{ID: "a", Text: "first"}, {ID: "b", Text: "second"}}},
	}
	m := authoring.Module{ID: "ladders", Title: "Ladder safety", Description: "Use ladders safely.", Minutes: 5,
		Outcomes: []string{"Inspect a ladder"}, Keywords: []string{"safety"}, Completion: authoring.CompleteWhenBoth,
		MasteryScore: 80, Attempts: 2, RevealAnswers: true}
	for i, c := range blocks {
		m.Blocks = append(m.Blocks, authoring.Block{ID: string(c.Kind()) + "-" + string(rune('a'+i)), Content: c})
	}
	p := &authoring.Project{Title: "Site safety", SourceLocale: "en-GB", TargetLocales: []authoring.Locale{"de", "ar"},
		Theme: authoring.Theme{Accent: "#1f5fbf", Font: authoring.FontSans, Logo: img.Hash},
		Media: []authoring.Media{img, vtt, mp4, wav}, Modules: []authoring.Module{m}}
	return p, MediaMap{img.Hash: PNG, vtt.Hash: VTT, mp4.Hash: MP4, wav.Hash: WAV}
}

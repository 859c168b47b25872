package aitranslate

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
)

// systemPrompt states the rules every batch follows. The reply format is
// spelled out even when the server enforces JSON, because small local models
// follow an example better than a schema.
const systemPrompt = `You translate e-learning content from %s to %s.
The user message is JSON with "segments" (each with "id", "text" and maybe "note"), and maybe "modules" (what the course is about), "glossary" and "style".

Rules:
- Translate every segment's "text" into %s. Use "note" and "modules" only as context; never translate them.
- Placeholders such as {1}, {/1} and {2/} stand for formatting. Copy each one exactly, once, keeping pairs like {1}...{/1} around the words they belong to; you may move them to fit the word order.
- "{{" is a literal brace: keep it as "{{".
- Never add HTML, XML, Markdown, script, URLs or any markup that is not in the text.
- Use the glossary: a term with "translation" must be translated that way; a term with "do_not_translate" stays exactly as written.
- Keep numbers, leading and trailing spaces and the final punctuation style of each text.
- Reply with JSON only, no prose: {"translations": {"<id>": "<translated text>", ...}} with one entry for every segment id.`

// promptSegment, promptTerm and promptInput are the user message's JSON.
type promptSegment struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	Note string `json:"note,omitempty"`
}

type promptTerm struct {
	Term           string `json:"term"`
	Translation    string `json:"translation,omitempty"`
	DoNotTranslate bool   `json:"do_not_translate,omitempty"`
	Note           string `json:"note,omitempty"`
}

type promptInput struct {
	SourceLocale string            `json:"source_locale"`
	TargetLocale string            `json:"target_locale"`
	Modules      map[string]string `json:"modules,omitempty"`
	Style        string            `json:"style,omitempty"`
	Glossary     []promptTerm      `json:"glossary,omitempty"`
	Segments     []promptSegment   `json:"segments"`
}

// messages returns the system and user messages for b.
func messages(req *Request, b *batch) (system, user string) {
	in := promptInput{
		SourceLocale: string(req.SourceLocale),
		TargetLocale: string(req.TargetLocale),
		Modules:      b.modules,
		Style:        styleNote(req.Style),
	}
	if len(in.Modules) == 0 {
		in.Modules = nil
	}
	for _, t := range b.glossary {
		in.Glossary = append(in.Glossary, promptTerm{t.Source, t.Target, t.DoNotTranslate, t.Note})
	}
	for _, s := range b.segments {
		in.Segments = append(in.Segments, promptSegment{s.ID, s.Source, s.Note})
	}
	data, _ := json.Marshal(in) // plain strings and maps: cannot fail
	src, dst := languageName(req.SourceLocale), languageName(req.TargetLocale)
	return fmt.Sprintf(systemPrompt, src, dst, dst), string(data)
}

// styleNote turns Style into one sentence for the prompt.
func styleNote(s Style) string {
	var parts []string
	switch s.Formality {
	case l10n.Formal:
		parts = append(parts, "Use a formal register: polite forms of address.")
	case l10n.Informal:
		parts = append(parts, "Use an informal register: familiar forms of address.")
	}
	if s.Audience != "" {
		parts = append(parts, "The readers are "+s.Audience+".")
	}
	if s.Notes != "" {
		parts = append(parts, s.Notes)
	}
	return strings.Join(parts, " ")
}

// languageName gives the model the English name and the tag: the name reads
// naturally, the tag is exact ("Portuguese (pt-BR)").
func languageName(l authoring.Locale) string {
	tag, err := language.Parse(string(l))
	if err != nil {
		return string(l)
	}
	return fmt.Sprintf("%s (%s)", display.English.Tags().Name(tag), l)
}

// replySchema is a strict JSON schema naming exactly the batch's ids, for
// servers that support response_format json_schema.
func replySchema(b *batch) json.RawMessage {
	props := map[string]any{}
	ids := make([]string, 0, len(b.segments))
	for _, s := range b.segments {
		props[s.ID] = map[string]string{"type": "string"}
		ids = append(ids, s.ID)
	}
	sort.Strings(ids)
	schema := map[string]any{
		"type":                 "object",
		"additionalProperties": false,
		"required":             []string{"translations"},
		"properties": map[string]any{"translations": map[string]any{
			"type": "object", "additionalProperties": false, "required": ids, "properties": props,
		}},
	}
	data, _ := json.Marshal(schema)
	return data
}

package problems

import (
	"regexp"
	"strconv"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/authoring"
)

// The domain words its problems in English. Each pattern below recognises
// one of its messages and says which catalog message replaces it; the
// field the problem names supplies the subject. A message no pattern knows
// is shown as the domain wrote it rather than lost.
var patterns = []struct {
	re *regexp.Regexp
	id string
}{
	{regexp.MustCompile(`is missing$`), "ProblemMissing"},
	{regexp.MustCompile(`, line (\d+): `), "ProblemMarkup"},
	{regexp.MustCompile(`^no (\w+) file is chosen$`), "ProblemNoFile"},
	{regexp.MustCompile(`^the (\w+) file is missing from the media library$`), "ProblemFileGone"},
	{regexp.MustCompile(`^".*" is not a (\w+) file$`), "ProblemWrongFile"},
	{regexp.MustCompile(`^a decorative image has no alt text`), "ProblemDecorativeAlt"},
	{regexp.MustCompile(`^audio needs captions or a transcript`), "ProblemAudioAccess"},
	{regexp.MustCompile(`^captions are missing`), "ProblemVideoCaptions"},
	{regexp.MustCompile(`^needs at least (\d+) \w+, has (\d+)$`), "ProblemTooFew"},
	{regexp.MustCompile(`^there are no cards$`), "ProblemTooFew"},
	{regexp.MustCompile(`^the list has no items$`), "ProblemTooFew"},
	{regexp.MustCompile(`^add at least one accepted answer$`), "ProblemTooFew"},
	{regexp.MustCompile(`^exactly one choice must be correct, (\d+) are$`), "ProblemOneCorrect"},
	{regexp.MustCompile(`^mark at least one choice correct$`), "ProblemSomeCorrect"},
	{regexp.MustCompile(`id ".*" is not a unique lowercase identifier$`), "ProblemBadID"},
	{regexp.MustCompile(`must be lowercase letters, digits`), "ProblemBadID"},
	{regexp.MustCompile(`^a continue gate needs content above it$`), "ProblemGateFirst"},
	{regexp.MustCompile(`^weight must be between`), "ProblemWeight"},
	{regexp.MustCompile(`^estimated time must be between 1 and 60 minutes`), "ProblemMinutesRange"},
	{regexp.MustCompile(`^(\d+) minutes is long for microlearning`), "ProblemMinutesLong"},
	{regexp.MustCompile(`^mastery score must be between`), "ProblemMastery"},
	{regexp.MustCompile(`^attempts allowed cannot be negative$`), "ProblemAttempts"},
	{regexp.MustCompile(`^completion needs a passed quiz`), "ProblemCompletionNoQuiz"},
	{regexp.MustCompile(`^the module has no blocks`), "ProblemNoBlocks"},
	{regexp.MustCompile(`^no learning outcomes`), "ProblemNoOutcomes"},
	{regexp.MustCompile(` is not (viewed|bulleted|info|graded)`), "ProblemBadValue"},
}

// Message is the problem in the interface language.
func Message(t *tr.T, p authoring.Problem) string {
	for _, pat := range patterns {
		m := pat.re.FindStringSubmatch(p.Message)
		if m == nil {
			continue
		}
		data := map[string]any{"Field": FieldLabel(t, p.Kind, p.Field)}
		if len(m) > 1 {
			data["A"] = m[1]
			if n, err := strconv.Atoi(m[1]); err == nil {
				data["N"] = n
			} else {
				data["Kind"] = mediaKind(t, m[1])
			}
		}
		return t.F(pat.id, data)
	}
	return p.Message
}

func mediaKind(t *tr.T, kind string) string {
	switch kind {
	case "image":
		return t.S("PickKindImage")
	case "audio":
		return t.S("PickKindAudio")
	case "video":
		return t.S("PickKindVideo")
	case "captions":
		return t.S("PickKindCaptions")
	}
	return kind
}

// fieldLabels name a field's last part; catalog ids written out so the
// catalog test finds them.
var fieldLabels = map[string]string{
	"title": "FieldTitle", "body": "FieldBody", "text": "FieldText", "alt": "FieldAlt",
	"media": "FieldFile", "captions": "FieldCaptions", "transcript": "FieldTranscript",
	"prompt": "FieldPrompt", "front": "FieldFront", "back": "FieldBack", "left": "FieldLeft",
	"right": "FieldRight", "id": "FieldID", "style": "FieldListStyle", "tone": "FieldTone",
	"mode": "FieldMode", "weight": "FieldWeight", "minutes": "FieldMinutes", "outcomes": "FieldOutcomes",
	"masteryScore": "FieldMastery", "attempts": "FieldAttempts", "completion": "FieldCompletion",
	"choices": "FieldChoices", "items": "FieldItems", "steps": "FieldSteps", "cards": "FieldCards",
	"pairs": "FieldPairs", "accepted": "FieldAccepted", "blocks": "FieldBlocks",
}

// itemLabels name one element of a list field, with {{.N}}; kindItems
// name the "items" of the kinds whose editor calls them something else.
var (
	itemLabels = map[string]string{
		"choices": "ChoiceN", "items": "ItemN", "steps": "StepN", "cards": "CardN",
		"pairs": "PairN", "accepted": "AcceptedN",
	}
	kindItems = map[authoring.BlockKind]string{
		authoring.KindAccordion: "PanelN", authoring.KindTabs: "TabN",
		authoring.KindList: "ListItemN", authoring.KindOrdering: "OrderItemN",
	}
)

var indexed = regexp.MustCompile(`^(\w+)\[(\d+)\](?:\.(\w+))?$`)

// FieldLabel names a field of a block of kind (or of the module, kind "")
// for the designer: "choices[2].text" becomes "Choice 2: Text".
func FieldLabel(t *tr.T, kind authoring.BlockKind, field string) string {
	if m := indexed.FindStringSubmatch(field); m != nil {
		n, _ := strconv.Atoi(m[2])
		item := m[1]
		id, ok := itemLabels[item]
		if k, special := kindItems[kind]; special && item == "items" {
			id, ok = k, true
		}
		if ok {
			item = t.F(id, map[string]any{"N": n})
		}
		if m[3] == "" {
			return item
		}
		return t.F("FieldOfItem", map[string]any{"Item": item, "Field": FieldLabel(t, kind, m[3])})
	}
	if id, ok := fieldLabels[field]; ok {
		return t.S(id)
	}
	return field
}

package edit

import (
	"strings"
	"unicode/utf8"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/richtext"
)

// Row is one line of a module's outline.
type Row struct {
	BlockID string
	Kind    authoring.BlockKind
	Summary string // one line of plain text; "" when the block says nothing yet
}

// Outline returns the rows of a module's block outline.
func Outline(p *authoring.Project, m *authoring.Module) []Row {
	rows := make([]Row, len(m.Blocks))
	for i, b := range m.Blocks {
		rows[i] = Row{BlockID: b.ID, Kind: b.Kind(), Summary: Summary(p, b)}
	}
	return rows
}

// summaryRunes is as much as fits one outline row of a wide window.
const summaryRunes = 100

// Summary is one line that tells a block from its neighbours: its first
// words, a caption or a file name.
func Summary(p *authoring.Project, b authoring.Block) string {
	return oneLine(summaryText(p, b.Content))
}

func summaryText(p *authoring.Project, c authoring.Content) string {
	if q, ok := c.(authoring.Question); ok {
		return q.Base().Prompt
	}
	switch b := c.(type) {
	case *authoring.Text:
		return plain(b.Body)
	case *authoring.Statement:
		return b.Text
	case *authoring.Quote:
		return joinNonEmpty(" — ", b.Text, b.Attribution)
	case *authoring.List:
		return joinNonEmpty(" · ", b.Items...)
	case *authoring.Image:
		return firstNonEmpty(b.Caption, b.Alt, mediaName(p, b.Media))
	case *authoring.Audio:
		return mediaName(p, b.Media)
	case *authoring.Video:
		return mediaName(p, b.Media)
	case *authoring.Accordion:
		return panelTitles(b.Items)
	case *authoring.Tabs:
		return panelTitles(b.Items)
	case *authoring.Process:
		return panelTitles(b.Steps)
	case *authoring.Flashcards:
		fronts := make([]string, len(b.Cards))
		for i, card := range b.Cards {
			fronts[i] = card.Front
		}
		return joinNonEmpty(" · ", fronts...)
	case *authoring.Callout:
		return firstNonEmpty(b.Title, plain(b.Body))
	case *authoring.Gate:
		return b.Label
	}
	return ""
}

func mediaName(p *authoring.Project, hash string) string {
	if m, ok := p.MediaByHash(hash); ok {
		return m.Name
	}
	return ""
}

func panelTitles(ps []authoring.Panel) string {
	titles := make([]string, len(ps))
	for i, p := range ps {
		titles[i] = p.Title
	}
	return joinNonEmpty(" · ", titles...)
}

// plain is rich text without its marks; markup that does not parse (the
// designer is mid-edit) is shown as typed.
func plain(src string) string {
	blocks, err := richtext.Parse(src)
	if err != nil {
		return src
	}
	var parts []string
	for _, b := range blocks {
		parts = append(parts, inlineText(b.Inlines))
		for _, item := range b.Items {
			parts = append(parts, inlineText(item))
		}
	}
	return joinNonEmpty(" · ", parts...)
}

func inlineText(ins []richtext.Inline) string {
	var sb strings.Builder
	for _, in := range ins {
		if in.Type == richtext.Plain {
			sb.WriteString(in.Text)
		} else {
			sb.WriteString(inlineText(in.Children))
		}
	}
	return sb.String()
}

func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}

func firstNonEmpty(parts ...string) string {
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			return p
		}
	}
	return ""
}

// oneLine folds whitespace and cuts at summaryRunes with an ellipsis.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= summaryRunes {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:summaryRunes-1])) + "…"
}

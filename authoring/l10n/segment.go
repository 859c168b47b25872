package l10n

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/richtext"
)

// Segment is one translatable piece of a project: a plain field, or one
// heading, paragraph or list item of a rich-text field.
type Segment struct {
	// ID is derived from module, block and field ids, never from positions
	// of modules or blocks, so it survives reordering and unrelated edits.
	ID       string `json:"id"`
	Source   string `json:"source"` // placeholder text, see Tags
	Hash     string `json:"hash"`   // HashText(Source)
	Context  string `json:"context"`
	MaxLen   int    `json:"maxLen,omitempty"`   // length hint in characters; 0 for none
	ModuleID string `json:"moduleId,omitempty"` // "" for the project title and credentials
	Marks    []Mark `json:"marks,omitempty"`    // what each placeholder pair stands for
}

// MarkKind is the inline markup a placeholder pair carries.
type MarkKind string

const (
	MarkBold   MarkKind = "bold"
	MarkItalic MarkKind = "italic"
	MarkLink   MarkKind = "link"
)

// Mark is the markup behind placeholder pair {ID}…{/ID}. A link's URL stays
// here, out of the text, so nobody translates or breaks it.
type Mark struct {
	ID   int      `json:"id"`
	Kind MarkKind `json:"kind"`
	URL  string   `json:"url,omitempty"`
}

// HashText returns the lowercase hex SHA-256 of s.
func HashText(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// ProjectSegments returns every segment of p in document order: the project
// title, each credential, then each module. Caption cues are segments only
// for the tracks in caps (see LoadCaptions); nil caps gives none.
func ProjectSegments(p *authoring.Project, caps Captions) []Segment {
	var c collector
	walkProjectTitle(p, c.add)
	for i := range p.Credentials {
		walkCredential(&p.Credentials[i], c.add)
	}
	for i := range p.Modules {
		walkModule(&p.Modules[i], caps.lookup, c.add)
	}
	return c.segs
}

// ModuleSegments returns the segments of one module in document order,
// with the cues of its tracks in caps.
func ModuleSegments(m *authoring.Module, caps Captions) []Segment {
	var c collector
	walkModule(m, caps.lookup, c.add)
	return c.segs
}

// CredentialSegments returns the segments of one credential.
func CredentialSegments(cr *authoring.Credential) []Segment {
	var c collector
	walkCredential(cr, c.add)
	return c.segs
}

// collector turns walked fields into segments.
type collector struct{ segs []Segment }

func (c *collector) add(f field) {
	if !f.rich {
		c.segs = append(c.segs, newSegment(f, f.id, EscapeText(*f.text), nil, f.context))
		return
	}
	units, err := richUnits(*f.text)
	if err != nil {
		// Markup that does not parse cannot be exported either; offering it
		// whole keeps the text translatable until the author fixes it.
		c.segs = append(c.segs, newSegment(f, f.id, EscapeText(*f.text), nil, f.context))
		return
	}
	for i, u := range units {
		c.segs = append(c.segs, newSegment(f, unitID(f.id, i), u.text, u.marks, f.context+", "+u.what))
	}
}

func newSegment(f field, id, source string, marks []Mark, context string) Segment {
	return Segment{ID: id, Source: source, Hash: HashText(source), Context: context + linkNote(marks),
		MaxLen: f.maxLen, ModuleID: f.module, Marks: marks}
}

func unitID(fieldID string, i int) string { return fmt.Sprintf("%s[%d]", fieldID, i+1) }

// linkNote tells translators where links go, since the URL is not in the text.
func linkNote(marks []Mark) string {
	var parts []string
	for _, m := range marks {
		if m.Kind == MarkLink {
			parts = append(parts, fmt.Sprintf("{%d} links to %s", m.ID, m.URL))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "; " + strings.Join(parts, ", ")
}

// unit is one heading, paragraph or list item of a rich-text field.
type unit struct {
	text  string // placeholder text
	marks []Mark
	what  string // "heading", "paragraph", "list item"
}

// richUnits splits rich text into its units, in order.
func richUnits(src string) ([]unit, error) {
	blocks, err := richtext.Parse(src)
	if err != nil {
		return nil, err
	}
	var out []unit
	for _, b := range blocks {
		switch b.Type {
		case richtext.Heading:
			out = append(out, encodeUnit(b.Inlines, "heading"))
		case richtext.Paragraph:
			out = append(out, encodeUnit(b.Inlines, "paragraph"))
		default:
			for _, it := range b.Items {
				out = append(out, encodeUnit(it, "list item"))
			}
		}
	}
	return out, nil
}

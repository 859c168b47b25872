package xliff

import (
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
)

// ProjectFile is the Original of the file holding the segments that belong
// to no module: the project title and credentials.
const ProjectFile = "project"

// Build returns the document for one target locale: a file per module, in
// the order segs first mention them, each unit carrying its translation.
func Build(source, target authoring.Locale, segs []l10n.Segment, tr l10n.Translations) *Document {
	doc := &Document{}
	index := map[string]int{}
	for _, seg := range segs {
		name := seg.ModuleID
		if name == "" {
			name = ProjectFile
		}
		i, ok := index[name]
		if !ok {
			i = len(doc.Files)
			index[name] = i
			doc.Files = append(doc.Files, File{Original: name, SourceLanguage: source, TargetLanguage: target})
		}
		doc.Files[i].Units = append(doc.Files[i].Units, NewUnit(seg, tr[seg.ID]))
	}
	return doc
}

// NewUnit returns the unit for seg and its translation t (zero when none).
func NewUnit(seg l10n.Segment, t l10n.Translation) Unit {
	u := Unit{ID: seg.ID, Source: seg.Source, SourceHash: seg.Hash, Note: seg.Context, MaxLen: seg.MaxLen, State: l10n.Untranslated}
	if t.State != "" && t.State != l10n.Untranslated && t.Target != "" {
		u.Target, u.State, u.Stale = t.Target, t.State, t.Stale(seg)
	}
	for _, m := range seg.Marks {
		if u.CTypes == nil {
			u.CTypes = map[int]string{}
		}
		u.CTypes[m.ID] = ctype(m.Kind)
	}
	return u
}

// ctype names a mark the way XLIFF 1.2 does; kinds it lacks get "x-".
func ctype(k l10n.MarkKind) string {
	switch k {
	case l10n.MarkBold, l10n.MarkItalic, l10n.MarkLink:
		return string(k)
	}
	return "x-" + string(k)
}

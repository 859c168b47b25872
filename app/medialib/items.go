package medialib

import (
	"sort"
	"strings"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/edit"
)

// item is one row of the library: a file and every place it is used.
type item struct {
	authoring.Media
	Uses []edit.Use
}

// items lists the project's media by name, the order people look for them
// in (the project keeps them by hash).
func items(p *authoring.Project) []item {
	out := make([]item, len(p.Media))
	for i, m := range p.Media {
		out[i] = item{Media: m, Uses: edit.MediaUses(p, m.Hash)}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := strings.ToLower(out[i].Name), strings.ToLower(out[j].Name)
		if a != b {
			return a < b
		}
		return out[i].Hash < out[j].Hash
	})
	return out
}

// unused returns the hashes of the files nothing uses.
func unused(list []item) []string {
	var out []string
	for _, it := range list {
		if len(it.Uses) == 0 {
			out = append(out, it.Hash)
		}
	}
	return out
}

// kindLabels are the catalog ids naming each media kind.
var kindLabels = map[string]string{
	"image":    "MediaKindImage",
	"audio":    "MediaKindAudio",
	"video":    "MediaKindVideo",
	"captions": "MediaKindCaptions",
	"other":    "MediaKindOther",
}

// useText says where a file is used, in the interface language.
func useText(t *tr.T, p *authoring.Project, u edit.Use) string {
	if u.BlockID == "" {
		if u.Field == "theme.logo" {
			return t.S("MediaUseLogo")
		}
		return t.S("MediaUseCredential")
	}
	m, err := p.Module(u.ModuleID)
	if err != nil {
		return u.String()
	}
	_, index, _ := m.Block(u.BlockID)
	data := map[string]any{"Module": m.Title, "Block": index + 1}
	if u.Field == "captions" {
		return t.F("MediaUseCaptions", data)
	}
	return t.F("MediaUseBlock", data)
}

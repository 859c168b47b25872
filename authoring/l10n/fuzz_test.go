package l10n_test

import (
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/authoringtest"
	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/authoring/richtext"
)

// FuzzLocalizeTarget feeds any target to a rich-text paragraph with a bold,
// an italic and a link. Whatever the target, the localized body parses,
// keeps its shape, links only where the source links, and the module
// still validates: a translation cannot add markup, HTML or links.
func FuzzLocalizeTarget(f *testing.F) {
	for _, s := range []string{
		"Leitern {1}fallen{/1}, wenn {2}falsch{/2}. Siehe {3}HSE{/3}.",
		"<script>alert(1)</script>{1}a{/1}{2}b{/2}{3}c{/3}",
		"{1}{2}x{/2}{/1}{3} [y](javascript:z) {/3}",
		"{3}**{1}a{/1}**{/3}{2}_b_{/2}\n\n- c",
		"1. {1}a{/1}{2}b{/2}{3}c{/3}",
		"{{1}} {1}{/1}{2} {/2}{3}\\{/3}",
	} {
		f.Add(s)
	}
	p, _ := authoringtest.Project()
	const id = "m:ladders/b:text-a/body[2]"
	var seg l10n.Segment
	for _, s := range l10n.ProjectSegments(p, nil) {
		if s.ID == id {
			seg = s
		}
	}
	f.Fuzz(func(t *testing.T, target string) {
		tr := l10n.Translations{id: l10n.NewTranslation(seg, target, l10n.Approved, "fuzz", when)}
		res, err := l10n.Localize(p, "ladders", "de", tr, nil)
		if err != nil {
			t.Fatal(err)
		}
		body := res.Module.Blocks[0].Content.(*authoring.Text).Body
		blocks, err := richtext.Parse(body)
		if err != nil {
			t.Fatalf("localized body does not parse: %v\n%s", err, body)
		}
		if len(blocks) != 3 || blocks[1].Type != richtext.Paragraph {
			t.Fatalf("shape changed:\n%s", body)
		}
		var links func([]richtext.Inline) int
		links = func(in []richtext.Inline) int {
			n := 0
			for _, x := range in {
				if x.Type == richtext.Link {
					if x.URL != "https://www.hse.gov.uk" {
						t.Fatalf("link to %q appeared:\n%s", x.URL, body)
					}
					n++
				}
				n += links(x.Children)
			}
			return n
		}
		if n := links(blocks[1].Inlines); n != 1 {
			t.Fatalf("%d links:\n%s", n, body)
		}
		if errs := authoring.Errors(res.Project.Validate(res.Module)); len(errs) > 0 {
			t.Fatalf("module no longer validates: %v", errs)
		}
	})
}

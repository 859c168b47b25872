package player

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/authoringtest"
)

var update = flag.Bool("update", false, "update golden files")

// mediaPaths names media files the way a package does: media/<hash prefix>.<ext>.
func mediaPaths(p *authoring.Project) func(string) string {
	return func(hash string) string {
		m, ok := p.MediaByHash(hash)
		if !ok {
			return ""
		}
		return "media/" + hash[:12] + filepath.Ext(m.Name)
	}
}

func render(t *testing.T, p *authoring.Project, locale authoring.Locale, format authoring.Format) map[string][]byte {
	t.Helper()
	files, err := Render(Options{Project: p, Module: &p.Modules[0], Locale: locale, Format: format, MediaPath: mediaPaths(p)})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestRenderGolden(t *testing.T) {
	tests := []struct {
		golden string
		locale authoring.Locale
		format authoring.Format
	}{
		{"ladders-scorm2004-en-GB", "en-GB", authoring.FormatSCORM2004},
		{"ladders-web-ar", "ar", authoring.FormatWeb},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			p, _ := authoringtest.Project()
			files := render(t, p, tt.locale, tt.format)
			for _, name := range []string{"player.js", "player.css", "theme.css", "index.html"} {
				if len(files[name]) == 0 {
					t.Errorf("%s is missing", name)
				}
			}
			golden(t, tt.golden+".html.golden", files["index.html"])
			golden(t, tt.golden+".theme.css.golden", files["theme.css"])
			if again := render(t, p, tt.locale, tt.format); !bytes.Equal(again["index.html"], files["index.html"]) {
				t.Error("a second render differs: output must be deterministic")
			}
		})
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test -update after checking the change)", name)
	}
}

func TestEveryBlockKindIsRendered(t *testing.T) {
	p, _ := authoringtest.Project()
	html := string(render(t, p, "en", authoring.FormatWeb)["index.html"])
	for _, kind := range authoring.BlockKinds() {
		if !strings.Contains(html, `data-kind="`+string(kind)+`"`) {
			t.Errorf("no section for %s", kind)
		}
	}
	for _, hook := range []string{
		`form class="question`, `data-action="check"`, `data-action="retry"`, `data-role="feedback"`,
		`data-action="continue"`, `data-role="results"`, `data-role="score"`, `data-action="up"`,
		`data-action="down"`, `aria-expanded="false"`, `role="tab"`, `role="tabpanel"`, `aria-pressed="false"`,
		`data-action="next"`, `<track kind="captions"`, `<details class="transcript">`, `<figcaption>Tiny</figcaption>`,
	} {
		if !strings.Contains(html, hook) {
			t.Errorf("page lacks %s", hook)
		}
	}
}

var (
	urlAttr    = regexp.MustCompile(`(?i)<(\w+)[^>]*?\s(src|href|poster|srcset|action|data|formaction|background)\s*=\s*"([^"]*)"`)
	anchorHref = regexp.MustCompile(`(?i)<a\s[^>]*href="(https?://|mailto:)[^"]*"`)
	scriptTag  = regexp.MustCompile(`(?i)<script\b([^>]*)>`)
	inlineCode = regexp.MustCompile(`(?i)<style\b|\sstyle\s*=|\son[a-z]+\s*=|javascript:`)
)

// TestNoOutsideRequestsOrInlineCode: a package runs offline and under the
// page's CSP, so the only absolute URLs are learner links and nothing is
// inline but the JSON data.
func TestNoOutsideRequestsOrInlineCode(t *testing.T) {
	p, _ := authoringtest.Project()
	m := &p.Modules[0]
	m.Blocks = append(m.Blocks, authoring.Block{ID: "links", Content: &authoring.Text{
		Body: "Read [the guide](http://example.com/guide) or [mail us](mailto:help@example.com)."}})
	for _, format := range authoring.Formats {
		files := render(t, p, "en", format)
		html := string(files["index.html"])
		for _, m := range urlAttr.FindAllStringSubmatch(html, -1) {
			tag, attr, val := strings.ToLower(m[1]), strings.ToLower(m[2]), m[3]
			if tag == "a" && attr == "href" {
				continue
			}
			if strings.Contains(val, ":") || strings.HasPrefix(val, "/") {
				t.Errorf("%s: <%s %s=%q> is not a relative path inside the package", format, tag, attr, val)
			}
		}
		rest := anchorHref.ReplaceAllString(html, "<a")
		if strings.Contains(rest, "http://") || strings.Contains(rest, "https://") {
			t.Errorf("%s: page has a URL outside a learner link", format)
		}
		if !strings.Contains(html, `href="http://example.com/guide" rel="noopener" target="_blank"`) {
			t.Errorf("%s: learner link lost", format)
		}
		for _, s := range scriptTag.FindAllStringSubmatch(html, -1) {
			cmi5 := format == authoring.FormatCMI5 && strings.Contains(s[1], `src="cmi5.js"`)
			if !strings.Contains(s[1], `src="player.js"`) && !strings.Contains(s[1], `type="application/json"`) && !cmi5 {
				t.Errorf("%s: script %s is neither player.js, cmi5.js in a cmi5 package nor JSON data", format, s[0])
			}
		}
		if loc := inlineCode.FindStringIndex(html); loc != nil {
			t.Errorf("%s: inline style or script: %q", format, html[loc[0]:min(len(html), loc[1]+40)])
		}
		for _, name := range []string{"player.js", "player.css", "theme.css"} {
			if bytes.Contains(files[name], []byte("http://")) || bytes.Contains(files[name], []byte("https://")) ||
				bytes.Contains(files[name], []byte("@import")) {
				t.Errorf("%s reaches outside the package", name)
			}
		}
	}
}

// TestAssetSizeBudget: the player stays small enough for slow connections and
// LMSs with upload limits.
func TestAssetSizeBudget(t *testing.T) {
	a := Assets()
	// A cmi5 package, the largest, also carries the cmi5 adapter.
	size := len(a["player.js"]) + len(a["player.css"]) + len(cmi5Script())
	if size >= 60*1024 {
		t.Errorf("player.js + player.css + cmi5.js = %d bytes, budget 60 KB", size)
	}
	t.Logf("player.js %d + player.css %d + cmi5.js %d = %d bytes", len(a["player.js"]), len(a["player.css"]), len(cmi5Script()), size)
}

func TestPlayerScriptParses(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node is not installed: it is needed to check player.js")
		}
		t.Skip("node is not installed")
	}
	for _, name := range []string{"player.js", CMI5Script} {
		out, err := exec.Command(node, "--check", filepath.Join("static", name)).CombinedOutput()
		if err != nil {
			t.Fatalf("node --check %s: %v\n%s", name, err, out)
		}
	}
}

var dataBlock = regexp.MustCompile(`(?s)<script type="application/json" id="stacklet-data">(.*?)</script>`)

func pageJSON(t *testing.T, html []byte) pageData {
	t.Helper()
	m := dataBlock.FindSubmatch(html)
	if m == nil {
		t.Fatal("no stacklet-data block")
	}
	var d pageData
	if err := json.Unmarshal(m[1], &d); err != nil {
		t.Fatalf("stacklet-data is not JSON: %v", err)
	}
	return d
}

func TestAnswerKeys(t *testing.T) {
	p, _ := authoringtest.Project()
	d := pageJSON(t, render(t, p, "en", authoring.FormatSCORM12)["index.html"])
	tests := []struct {
		block string
		kind  authoring.BlockKind
		key   string // JSON of the expected key
		ids   []string
	}{
		{"single-choice-o", authoring.KindSingleChoice, `["a"]`, []string{"a", "b"}},
		{"multiple-response-p", authoring.KindMultipleResponse, `["a","b"]`, []string{"a", "b", "c"}},
		{"true-false-q", authoring.KindTrueFalse, `true`, nil},
		{"fill-blank-r", authoring.KindFillBlank, `["ladder"]`, nil},
		{"matching-s", authoring.KindMatching, `{"a":"a","b":"b"}`, []string{"a", "b"}},
		{"ordering-t", authoring.KindOrdering, `["a","b"]`, nil},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind), func(t *testing.T) {
			q, ok := d.Questions[tt.block]
			if !ok {
				t.Fatalf("no data for %s", tt.block)
			}
			key, _ := json.Marshal(q.Key)
			if string(key) != tt.key || q.Kind != tt.kind {
				t.Errorf("%s key %s, want %s %s", q.Kind, key, tt.kind, tt.key)
			}
			if strings.Join(q.IDs, ",") != strings.Join(tt.ids, ",") {
				t.Errorf("ids %v, want %v", q.IDs, tt.ids)
			}
			if !q.Graded || q.Weight != 1 || q.Correct != "Yes." || q.Incorrect != "Not quite." {
				t.Errorf("scoring data %+v", q)
			}
		})
	}
	if len(d.Questions) != len(tests) {
		t.Errorf("%d questions in the data, want %d", len(d.Questions), len(tests))
	}
	if d.Questions["single-choice-o"].Choice["a"] != "Right" {
		t.Errorf("per-choice feedback lost: %v", d.Questions["single-choice-o"].Choice)
	}
	if d.Completion != authoring.CompleteWhenBoth || d.Mastery != 80 || d.Attempts != 2 || !d.Reveal || d.Format != authoring.FormatSCORM12 {
		t.Errorf("module rules %+v", d)
	}
	if len(d.Blocks) != len(p.Modules[0].Blocks) || d.Blocks[0] != "text-a" {
		t.Errorf("block order %v", d.Blocks)
	}
	left, _ := d.Strings["attemptsLeft"].([]any)
	if len(left) != 3 || left[1] != "1 attempt left" || left[2] != "2 attempts left" {
		t.Errorf("attemptsLeft %v", d.Strings["attemptsLeft"])
	}
	if d.Strings["answered"] != "{n} of 6 questions answered" {
		t.Errorf("answered %q", d.Strings["answered"])
	}
}

func TestLocaleSetsLangAndDir(t *testing.T) {
	tests := []struct {
		locale  authoring.Locale
		html    string
		check   string
		dataLng string
	}{
		{"ar", `<html lang="ar" dir="rtl">`, "تحقّق", `"lang":"ar"`},
		{"en-GB", `<html lang="en-GB" dir="ltr">`, "Check", `"lang":"en-GB"`},
		{"pt-BR", `<html lang="pt-BR" dir="ltr">`, "Verificar", `"lang":"pt-BR"`},
		{"fr", `<html lang="fr" dir="ltr">`, "Vérifier", `"lang":"fr"`},
	}
	for _, tt := range tests {
		t.Run(string(tt.locale), func(t *testing.T) {
			p, _ := authoringtest.Project()
			html := string(render(t, p, tt.locale, authoring.FormatWeb)["index.html"])
			for _, want := range []string{tt.html, `data-action="check">` + tt.check + "<", tt.dataLng, `srclang="` + string(tt.locale) + `"`} {
				if !strings.Contains(html, want) {
					t.Errorf("page lacks %s", want)
				}
			}
		})
	}
}

func TestUserTextIsEscaped(t *testing.T) {
	p, _ := authoringtest.Project()
	m := &p.Modules[0]
	m.Title = `<img src=x onerror=alert(1)>`
	m.Blocks[1].Content = &authoring.Statement{Text: `<script>alert(1)</script>`}
	q := m.Blocks[14].Content.(*authoring.SingleChoice)
	q.Prompt = `</script><script>alert(2)</script>`
	html := string(render(t, p, "en", authoring.FormatWeb)["index.html"])
	for _, bad := range []string{"<img src=x", "<script>alert", "</script><script>"} {
		if strings.Contains(html, bad) {
			t.Errorf("unescaped user text %q on the page", bad)
		}
	}
	if d := pageJSON(t, []byte(html)); d.Questions[m.Blocks[14].ID].Prompt != q.Prompt {
		t.Errorf("prompt in data = %q", d.Questions[m.Blocks[14].ID].Prompt)
	}
}

var headingTag = regexp.MustCompile(`<h([1-6])[ >]`)

func TestHeadingsNeverSkipALevel(t *testing.T) {
	p, _ := authoringtest.Project()
	for _, outcomes := range [][]string{{"Inspect a ladder"}, nil} {
		p.Modules[0].Outcomes = outcomes
		html := render(t, p, "en", authoring.FormatWeb)["index.html"]
		prev := 0
		for _, m := range headingTag.FindAllSubmatch(html, -1) {
			level := int(m[1][0] - '0')
			if level > prev+1 {
				t.Errorf("outcomes %v: h%d follows h%d", outcomes, level, prev)
			}
			prev = level
		}
	}
}

func TestShuffledQuestionsNeverStartSolved(t *testing.T) {
	for n := 2; n <= 7; n++ {
		for _, id := range []string{"a", "b", "ordering-t", "q1", "q2", "step-order", "x-9"} {
			p := permutation(n, id, true)
			if isIdentity(p) {
				t.Errorf("permutation(%d, %q) is the identity", n, id)
			}
			seen := map[int]bool{}
			for _, v := range p {
				seen[v] = true
			}
			if len(seen) != n {
				t.Errorf("permutation(%d, %q) = %v is not a permutation", n, id, p)
			}
		}
	}
	if a, b := permutation(5, "same", true), permutation(5, "same", true); !equalInts(a, b) {
		t.Errorf("same seed, different orders: %v %v", a, b)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestRenderErrors(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Options)
	}{
		{"NoModule", func(o *Options) { o.Module = nil }},
		{"NoBlocks", func(o *Options) { o.Module.Blocks = nil }},
		{"UnknownFormat", func(o *Options) { o.Format = "cmi5x" }},
		{"BadLocale", func(o *Options) { o.Locale = "not a locale!" }},
		{"BadAccent", func(o *Options) { o.Project.Theme.Accent = "blue" }},
		{"UnknownFont", func(o *Options) { o.Project.Theme.Font = "comic" }},
		{"MissingMedia", func(o *Options) { o.MediaPath = func(string) string { return "" } }},
		{"BadRichText", func(o *Options) {
			o.Module.Blocks[0].Content = &authoring.Text{Body: "<b>raw html</b>"}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, _ := authoringtest.Project()
			opts := Options{Project: p, Module: &p.Modules[0], Locale: "en", Format: authoring.FormatWeb, MediaPath: mediaPaths(p)}
			tt.change(&opts)
			if _, err := Render(opts); authoring.ErrorCode(err) != authoring.EINVALID {
				t.Errorf("code %q: %v", authoring.ErrorCode(err), err)
			}
		})
	}
}

func BenchmarkRender(b *testing.B) {
	p, _ := authoringtest.Project()
	opts := Options{Project: p, Module: &p.Modules[0], Locale: "de", Format: authoring.FormatSCORM2004, MediaPath: mediaPaths(p)}
	for b.Loop() {
		if _, err := Render(opts); err != nil {
			b.Fatal(err)
		}
	}
}

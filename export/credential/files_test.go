package credential_test

import (
	"bytes"
	"context"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/authoringtest"
	"github.com/stacklet/stacklet/export/credential"
)

func TestSampleModuleCarriesTheCredential(t *testing.T) {
	files := sampleFiles(t, "en")
	var names []string
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	want := []string{"credential/achievement.json", "credential/badge.svg", "credential/context.json",
		"credential/index.html", "credential/microcredential.jsonld"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("files %v, want %v", names, want)
	}
	if !bytes.Equal(files["credential/context.json"], credential.Context()) {
		t.Error("the packaged context is not Stacklet's context")
	}
	again := sampleFiles(t, "en")
	for name, data := range files {
		if !bytes.Equal(data, again[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

func TestFilesRefuseABrokenCredential(t *testing.T) {
	tests := []struct {
		name string
		edit func(p *authoring.Project)
		code string
	}{
		{"EU-compliant without quality assurance", func(p *authoring.Project) { p.Credentials[0].QualityAssurance = "" }, authoring.EINVALID},
		{"EU-compliant without level", func(p *authoring.Project) { p.Credentials[0].EQFLevel = 0 }, authoring.EINVALID},
		{"bad web address", func(p *authoring.Project) { p.Credentials[0].MoreInfoURL = "oldi.example.org" }, authoring.EINVALID},
		{"badge not in the library", func(p *authoring.Project) { p.Credentials[0].Image = "0000" }, authoring.EINVALID},
		{"module that is gone", func(p *authoring.Project) { p.Credentials[0].Modules[1] = "gone" }, authoring.ENOTFOUND},
		{"incomplete but not declared EU-compliant", func(p *authoring.Project) {
			p.Credentials[0].QualityAssurance, p.Credentials[0].EUCompliant = "", false
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, media := sample(t)
			tt.edit(p)
			_, _, err := credential.Files(context.Background(), credential.Module{Project: p, ModuleID: sampleModule, Locale: "en", Media: media})
			if got := authoring.ErrorCode(err); got != tt.code {
				t.Errorf("code %q, want %q: %v", got, tt.code, err)
			}
		})
	}
}

// TestRefusalNamesEveryMissingElement: the error lists each element, so the
// designer fixes them in one go.
func TestRefusalNamesEveryMissingElement(t *testing.T) {
	p, media := sample(t)
	c := &p.Credentials[0]
	c.Assessment, c.QualityAssurance, c.Participation = "", "", ""
	_, _, err := credential.Files(context.Background(), credential.Module{Project: p, ModuleID: sampleModule, Locale: "en", Media: media})
	if n := strings.Count(authoring.ErrorMessage(err), "\n  - "); n != 3 {
		t.Errorf("%d problems listed, want 3: %v", n, err)
	}
}

func TestModuleWithoutCredentialGetsNoFiles(t *testing.T) {
	p, media := sample(t)
	p.Credentials = nil
	files, earns, err := credential.Files(context.Background(), credential.Module{Project: p, ModuleID: sampleModule, Locale: "en", Media: media})
	if err != nil || files != nil || earns != nil {
		t.Errorf("files %v, earns %v, err %v", files, earns, err)
	}
}

// TestSecondCredentialGetsItsOwnFolder: the first credential keeps the
// documented credential/ paths; another goes to credential/<id>/ and its
// page still finds the player's stylesheets.
func TestSecondCredentialGetsItsOwnFolder(t *testing.T) {
	p, media := authoringtest.Project()
	img := p.Media[0].Hash
	base := authoring.Credential{Modules: []string{"ladders"}, Image: img,
		AwardingBody: authoring.Organisation{Name: "Acme", Country: "GB"}}
	first, second := base, base
	first.ID, first.Title = "ladder-user", "Ladder user"
	second.ID, second.Title = "site-safety", "Site safety"
	p.Credentials = []authoring.Credential{first, second}
	files, earns, err := credential.Files(context.Background(), credential.Module{Project: p, ModuleID: "ladders", Locale: "en-GB", Media: media})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]byte{}
	for _, f := range files {
		got[f.Name] = f.Data
	}
	for _, name := range []string{"credential/index.html", "credential/badge.png", "credential/site-safety/index.html", "credential/site-safety/achievement.json"} {
		if got[name] == nil {
			t.Errorf("missing %s", name)
		}
	}
	if !bytes.Contains(got["credential/site-safety/index.html"], []byte(`href="../../player.css"`)) {
		t.Error("the second page does not reach player.css")
	}
	if len(earns) != 2 || earns[1].Href != "credential/site-safety/index.html" || earns[1].Badge != "credential/site-safety/badge.png" {
		t.Errorf("earns %+v", earns)
	}
	want := "Ladder safety, with a score of at least 80\u00a0%"
	if earns[0].Lead != "Complete the module:" || !reflect.DeepEqual(earns[0].Requirements, []string{want}) || earns[0].AwardedBy != "Awarded by Acme" {
		t.Errorf("earn %+v", earns[0])
	}
}

func TestSummaryPage(t *testing.T) {
	tests := []struct {
		locale      authoring.Locale
		dir         string
		heading     string
		notEnglish  bool
		countryName string
	}{
		{"en", "ltr", "How to earn it", false, "Ireland"},
		{"fr", "ltr", "Comment l’obtenir", true, "Irlande"},
		{"ar", "rtl", "كيف تحصل عليها", true, "أيرلندا، Leinster"},
	}
	for _, tt := range tests {
		t.Run(string(tt.locale), func(t *testing.T) {
			html := string(sampleFiles(t, tt.locale)["credential/index.html"])
			for _, want := range []string{
				`<html lang="` + string(tt.locale) + `" dir="` + tt.dir + `">`, "Content-Security-Policy",
				`href="../player.css"`, `href="../theme.css"`, `<img class="badge" src="badge.svg" alt="`,
				`href="achievement.json"`, `href="microcredential.jsonld"`, tt.heading, tt.countryName,
				`href="http://data.europa.eu/esco/skill/33a82b83-c838-4889-ae62-fae1317481eb"`,
				`<a href="mailto:credentials@oldi.example.org">`,
			} {
				if !strings.Contains(html, want) {
					t.Errorf("page lacks %q", want)
				}
			}
			for _, banned := range []string{"<script", "style=", "http://purl", "https://www.w3.org"} {
				if strings.Contains(html, banned) {
					t.Errorf("page has %q", banned)
				}
			}
			if tt.notEnglish && (strings.Contains(html, "Awarding body") || strings.Contains(html, "Learning outcomes")) {
				t.Error("English labels on a translated page")
			}
			checkHeadings(t, html)
		})
	}
}

// checkHeadings: one h1, and no level is skipped on the way down.
func checkHeadings(t *testing.T, html string) {
	t.Helper()
	prev := 0
	for _, m := range regexp.MustCompile(`<h([1-6])[ >]`).FindAllStringSubmatch(html, -1) {
		level := int(m[1][0] - '0')
		if (prev == 0 && level != 1) || level > prev+1 {
			t.Errorf("heading h%d after h%d", level, prev)
		}
		prev = level
	}
}

func TestSummaryEscapesDesignerText(t *testing.T) {
	p, c := small()
	c.Title, c.Criteria = `Ladders <script>alert(1)</script>`, "First <b>paragraph</b>.\n\nSecond."
	page, err := credential.Summary(credential.Source{Project: p, Credential: c, Locale: "en"}, "../")
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	if strings.Contains(html, "<script>") || strings.Contains(html, "<b>") {
		t.Errorf("designer text is not escaped:\n%s", html)
	}
	if !strings.Contains(html, "<p>Second.</p>") {
		t.Error("criteria paragraphs are not kept")
	}
}

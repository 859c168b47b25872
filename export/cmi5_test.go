package export_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"os"
	"strings"
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/export"
	"github.com/stacklet/stacklet/export/archive"
	"github.com/stacklet/stacklet/export/cmi5"
	"github.com/stacklet/stacklet/internal/testenv"
)

// courseAUs reads the AU ids and urls of a cmi5.xml.
func courseAUs(t *testing.T, doc []byte) (ids, urls []string) {
	t.Helper()
	var cs struct {
		AUs []struct {
			ID  string `xml:"id,attr"`
			URL string `xml:"url"`
		} `xml:"au"`
	}
	if err := xml.Unmarshal(doc, &cs); err != nil {
		t.Fatal(err)
	}
	for _, a := range cs.AUs {
		ids, urls = append(ids, a.ID), append(urls, a.URL)
	}
	return ids, urls
}

func TestSampleCMI5PackagesValidate(t *testing.T) {
	p, media := sample(t)
	for _, m := range p.Modules {
		t.Run(m.ID, func(t *testing.T) {
			files := build(t, p, media, m.ID, authoring.FormatCMI5)
			doc := file(files, cmi5.FileName)
			if ok, out := testenv.Xmllint(t, testenv.CMI5, doc); !ok {
				t.Fatalf("xmllint:\n%s\n%s", out, doc)
			}
			if _, urls := courseAUs(t, doc); len(urls) != 1 || urls[0] != "index.html" {
				t.Errorf("AU urls %q, want [index.html]", urls)
			}
			if file(files, "cmi5.js") == nil || file(files, "imsmanifest.xml") != nil {
				t.Error("a cmi5 package carries cmi5.js and no SCORM manifest")
			}
		})
	}
}

func TestStackIsOneCourseWithAnAUPerModule(t *testing.T) {
	p, media := sample(t)
	c := p.Credentials[0]
	files, err := export.BuildCourse(context.Background(), export.CourseJob{Project: p, CredentialID: c.ID, Media: media})
	if err != nil {
		t.Fatal(err)
	}
	doc := file(files, cmi5.FileName)
	if ok, out := testenv.Xmllint(t, testenv.CMI5, doc); !ok {
		t.Fatalf("xmllint:\n%s\n%s", out, doc)
	}
	ids, urls := courseAUs(t, doc)
	if len(urls) != len(c.Modules) {
		t.Fatalf("%d AUs for %d modules", len(urls), len(c.Modules))
	}
	for i, id := range c.Modules {
		if urls[i] != id+"/index.html" || !strings.HasSuffix(ids[i], "/modules/"+id) {
			t.Errorf("AU %d: id %q url %q, want module %s in credential order", i, ids[i], urls[i], id)
		}
		for _, name := range []string{"index.html", "player.js", "cmi5.js", "theme.css"} {
			if file(files, id+"/"+name) == nil {
				t.Errorf("%s/%s is missing", id, name)
			}
		}
		if file(files, id+"/"+cmi5.FileName) != nil {
			t.Errorf("%s keeps its own %s", id, cmi5.FileName)
		}
	}
}

func TestStackZipIsDeterministic(t *testing.T) {
	var zips [][]byte
	for range 2 {
		p, media := sample(t) // a fresh read: no shared caches
		job := export.CourseJob{Project: p, CredentialID: p.Credentials[0].ID, Media: media}
		path, err := export.WriteCourseZip(context.Background(), job, t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(path, p.Credentials[0].ID+"-stack-cmi5-en.zip") {
			t.Errorf("written to %s", path)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		zips = append(zips, data)
	}
	if !bytes.Equal(zips[0], zips[1]) {
		t.Error("two exports of the same stack differ")
	}
}

func TestStackRefusals(t *testing.T) {
	tests := []struct {
		name   string
		change func(p *authoring.Project)
		code   string
	}{
		{"UnknownCredential", func(p *authoring.Project) { p.Credentials[0].ID = "other" }, authoring.ENOTFOUND},
		{"NoModules", func(p *authoring.Project) { p.Credentials[0].Modules = nil }, authoring.EINVALID},
		{"UnknownModule", func(p *authoring.Project) { p.Credentials[0].Modules = append(p.Credentials[0].Modules, "gone") }, authoring.ENOTFOUND},
		{"InvalidModule", func(p *authoring.Project) { p.Modules[1].Title = "" }, authoring.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, media := sample(t)
			id := p.Credentials[0].ID
			tt.change(p)
			_, err := export.BuildCourse(context.Background(), export.CourseJob{Project: p, CredentialID: id, Media: media})
			if authoring.ErrorCode(err) != tt.code {
				t.Errorf("code %q, want %q: %v", authoring.ErrorCode(err), tt.code, err)
			}
		})
	}
}

func TestCMI5SelfCheckCatchesAMissingLaunchPage(t *testing.T) {
	p, media := sample(t)
	var files []archive.File
	for _, f := range build(t, p, media, p.Modules[0].ID, authoring.FormatCMI5) {
		if f.Name != export.Launch {
			files = append(files, f)
		}
	}
	if err := cmi5.Check(files); authoring.ErrorCode(err) != authoring.EINTERNAL {
		t.Errorf("code %q: %v", authoring.ErrorCode(err), err)
	}
}

// TestStackInATargetLocale: a stack exported in Spanish has its course and
// every AU titled in Spanish and every page in Spanish.
func TestStackInATargetLocale(t *testing.T) {
	p, media := sample(t)
	c := p.Credentials[0]
	job := export.CourseJob{Project: p, CredentialID: c.ID, Media: media, Locale: "es",
		Translations: sampleBundle(t, p).Translations["es"], RequireApproved: true}
	files, err := export.BuildCourse(context.Background(), job)
	if err != nil {
		t.Fatal(err)
	}
	doc := file(files, cmi5.FileName)
	if ok, out := testenv.Xmllint(t, testenv.CMI5, doc); !ok {
		t.Fatalf("xmllint:\n%s\n%s", out, doc)
	}
	if bytes.Contains(doc, []byte(`lang="en"`)) || !bytes.Contains(doc, []byte("¿Qué es una microcredencial?")) {
		t.Errorf("cmi5.xml is not all Spanish:\n%s", doc)
	}
	for _, id := range c.Modules {
		if page := file(files, id+"/index.html"); !bytes.Contains(page, []byte(`lang="es"`)) {
			t.Errorf("%s/index.html is not in Spanish", id)
		}
	}
}

package export_test

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/stacklet/stacklet/assets"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/jsondump"
	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/export"
	"github.com/stacklet/stacklet/internal/testenv"
)

func sampleBundle(tb testing.TB, p *authoring.Project) *l10n.Bundle {
	tb.Helper()
	b, err := jsondump.ReadBundleFS(assets.SampleFS(), p)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// TestLocalizedPackages exports the first sample module in Spanish and
// Arabic in every SCORM version: manifests pass the official schemas, the
// page and the manifest are in the target language (right to left for
// Arabic), nothing is pending, and a second export is byte-identical.
func TestLocalizedPackages(t *testing.T) {
	schemas := map[authoring.Format]testenv.Schema{
		authoring.FormatSCORM12: testenv.SCORM12, authoring.FormatSCORM2004: testenv.SCORM2004,
	}
	tests := []struct {
		locale     authoring.Locale
		dir, title string
	}{
		{"es", "ltr", "¿Qué es una microcredencial?"},
		{"ar", "rtl", "ما الشهادة المصغّرة؟"},
	}
	for _, tt := range tests {
		for format, schema := range schemas {
			t.Run(string(tt.locale)+"/"+string(format), func(t *testing.T) {
				p, media := sample(t)
				job := export.Job{Project: p, ModuleID: "what-is-a-micro-credential", Format: format, Media: media,
					Locale: tt.locale, Translations: sampleBundle(t, p).Translations[tt.locale], RequireApproved: true}
				files, pending, err := export.BuildReport(context.Background(), job)
				if err != nil {
					t.Fatal(err)
				}
				if len(pending) > 0 {
					t.Errorf("pending %v", pending)
				}
				manifest, page := file(files, "imsmanifest.xml"), string(file(files, "index.html"))
				if ok, out := testenv.Xmllint(t, schema, manifest); !ok {
					t.Fatalf("xmllint:\n%s\n%s", out, manifest)
				}
				head := `<html lang="` + string(tt.locale) + `" dir="` + tt.dir + `">`
				if !strings.Contains(page, head) || !strings.Contains(page, tt.title) {
					t.Errorf("page lacks %s or the title %q", head, tt.title)
				}
				if strings.Contains(page, "What is a micro-credential?") || strings.Contains(page, "Small courses, real proof") {
					t.Error("English text left in the page")
				}
				if !bytes.Contains(manifest, []byte("language>"+string(tt.locale)+"<")) || !bytes.Contains(manifest, []byte(tt.title)) {
					t.Errorf("manifest is not in %s:\n%s", tt.locale, manifest)
				}
				again, err := export.Build(context.Background(), job)
				if err != nil {
					t.Fatal(err)
				}
				if len(again) != len(files) {
					t.Fatalf("%d files, then %d", len(files), len(again))
				}
				for i := range files {
					if files[i].Name != again[i].Name || !bytes.Equal(files[i].Data, again[i].Data) {
						t.Errorf("%s differs between two exports", files[i].Name)
					}
				}
			})
		}
	}
}

// TestUnapprovedTextIsReportedOrRefused drops one translation and demotes
// another: the export goes ahead listing both, unless approval is required.
func TestUnapprovedTextIsReportedOrRefused(t *testing.T) {
	p, media := sample(t)
	tr := sampleBundle(t, p).Translations["es"]
	const dropped, machine = "m:what-is-a-micro-credential/b:b05-key-point/text", "m:what-is-a-micro-credential/title"
	delete(tr, dropped)
	m := tr[machine]
	m.State = l10n.Machine
	tr[machine] = m
	job := export.Job{Project: p, ModuleID: "what-is-a-micro-credential", Format: authoring.FormatWeb, Media: media,
		Locale: "es", Translations: tr}
	files, pending, err := export.BuildReport(context.Background(), job)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]l10n.State{}
	for _, x := range pending {
		got[x.ID] = x.State
	}
	if len(got) != 2 || got[dropped] != l10n.Untranslated || got[machine] != l10n.Machine {
		t.Errorf("pending %v", pending)
	}
	page := string(file(files, "index.html"))
	if !strings.Contains(page, "A micro-credential proves assessed learning, not attendance.") || !strings.Contains(page, m.Target) {
		t.Error("the source should stand in for the missing text and the machine text be used")
	}

	job.RequireApproved = true
	_, err = export.Build(context.Background(), job)
	if code := authoring.ErrorCode(err); code != authoring.EINVALID || !strings.Contains(err.Error(), dropped) || !strings.Contains(err.Error(), machine) {
		t.Errorf("require approved: code %q, error %v", code, err)
	}

	results := export.WriteAll(context.Background(), []export.Job{{Project: p, ModuleID: job.ModuleID, Format: job.Format,
		Media: media, Locale: "es", Translations: tr}}, t.TempDir(), nil)
	if results[0].Err != nil || len(results[0].Pending) != 2 {
		t.Errorf("batch result: %v, pending %v", results[0].Err, results[0].Pending)
	}

	// A refused job names the texts that refused it, for the caller to list.
	dir := t.TempDir()
	results = export.WriteAll(context.Background(), []export.Job{job}, dir, nil)
	if code := authoring.ErrorCode(results[0].Err); code != authoring.EINVALID || results[0].Path != "" || len(results[0].Pending) != 2 {
		t.Errorf("refused batch result: code %q, path %q, pending %v", code, results[0].Path, results[0].Pending)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("a refused package left %v", left)
	}
}

func TestLocaleOutsideTheProjectIsRefused(t *testing.T) {
	p, media := sample(t)
	_, err := export.Build(context.Background(), export.Job{Project: p, ModuleID: p.Modules[0].ID,
		Format: authoring.FormatWeb, Media: media, Locale: "fr"})
	if code := authoring.ErrorCode(err); code != authoring.EINVALID {
		t.Errorf("code %q (%v)", code, err)
	}
}

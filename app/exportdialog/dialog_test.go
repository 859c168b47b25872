package exportdialog

import (
	"archive/zip"
	"context"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/assets"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/jsondump"
	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/export"
	"github.com/stacklet/stacklet/internal/testenv"
)

func sample(t *testing.T) (*authoring.Project, authoring.MediaSource) {
	t.Helper()
	p, media, err := jsondump.ReadFS(assets.SampleFS())
	if err != nil {
		t.Fatal(err)
	}
	return p, media
}

func newDialog(t *testing.T, o Options) *Dialog {
	t.Helper()
	a := test.NewApp()
	t.Cleanup(a.Quit)
	o.Window = a.NewWindow("")
	o.Window.Resize(fyne.NewSize(900, 760)) // room for the dialog, as on a desktop
	if o.T == nil {
		o.T = tr.New("en")
	}
	o.Prefs = a.Preferences()
	d := New(o)
	d.dlg.Show()
	return d
}

func wait(t *testing.T, d *Dialog) []export.Result {
	t.Helper()
	select {
	case r := <-d.results:
		return r
	case <-time.After(60 * time.Second):
		t.Fatal("export did not finish")
		return nil
	}
}

// TestExportSampleThroughDialog exports every sample module as SCORM 1.2 and
// 2004 and validates each manifest against the official schemas.
func TestExportSampleThroughDialog(t *testing.T) {
	p, media := sample(t)
	var opened *url.URL
	d := newDialog(t, Options{Project: p, Media: media, OpenURL: func(u *url.URL) error { opened = u; return nil }})
	dir := t.TempDir()
	d.Folder.SetText(dir)
	d.Formats.SetSelected([]string{d.opts.T.S("ExportFormatSCORM12"), d.opts.T.S("ExportFormatSCORM2004")})
	test.Tap(d.Export)
	results := wait(t, d)

	if want := 2 * len(p.Modules); len(results) != want {
		t.Fatalf("%d results, want %d", len(results), want)
	}
	schemas := map[authoring.Format]testenv.Schema{authoring.FormatSCORM12: testenv.SCORM12, authoring.FormatSCORM2004: testenv.SCORM2004}
	for _, r := range results {
		if r.Err != nil {
			t.Fatalf("%s: %v", export.FileName(r.Job), r.Err)
		}
		manifest := readZipEntry(t, r.Path, "imsmanifest.xml")
		if ok, out := testenv.Xmllint(t, schemas[r.Job.Format], manifest); !ok {
			t.Errorf("%s: xmllint:\n%s", r.Path, out)
		}
		if !strings.Contains(d.Written.Text, filepath.Base(r.Path)) || d.Written.Hidden {
			t.Errorf("summary does not list %s", filepath.Base(r.Path))
		}
	}
	if strings.Contains(d.Headline.Text, d.opts.T.S("ExportCanceled")) {
		t.Errorf("a finished export says it was canceled: %q", d.Headline.Text)
	}
	if d.summary.view.Visible() == false || d.OpenFolder.Hidden {
		t.Fatal("summary with Open folder not shown")
	}
	test.Tap(d.OpenFolder)
	if opened == nil || opened.Scheme != "file" || filepath.Clean(opened.Path) != dir {
		t.Errorf("opened %v, want file URL of %s", opened, dir)
	}
}

func readZipEntry(t *testing.T, path, name string) []byte {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	f, err := z.Open(name)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestRefusedModuleIsListedWithItsProblems(t *testing.T) {
	p, media := sample(t)
	p.Modules = append(p.Modules, authoring.Module{ID: "empty", Title: "Nothing here yet", Completion: authoring.CompleteWhenViewed})
	d := newDialog(t, Options{Project: p, Media: media})
	d.Folder.SetText(t.TempDir())
	d.Formats.SetSelected([]string{d.opts.T.S("ExportFormatWeb")})
	test.Tap(d.Export)
	results := wait(t, d)
	for _, r := range results {
		want := ""
		if r.Job.ModuleID == "empty" {
			want = authoring.EINVALID
		}
		if got := authoring.ErrorCode(r.Err); got != want {
			t.Errorf("%s: code %q, want %q (%v)", r.Job.ModuleID, got, want, r.Err)
		}
	}
	if problems := textOf(d.Problems); !strings.Contains(problems, "Nothing here yet") || d.Problems.Hidden {
		t.Errorf("problems = %q", problems)
	}
	if !strings.Contains(d.Headline.Text, "1 package was not exported") {
		t.Errorf("headline = %q", d.Headline.Text)
	}
}

func TestFormAsksForWhatIsMissing(t *testing.T) {
	p, media := sample(t)
	tests := []struct {
		name  string
		setup func(d *Dialog)
		want  string
	}{
		{"NoFormat", func(d *Dialog) { d.Formats.SetSelected(nil) }, "ExportNeedFormat"},
		{"NoModule", func(d *Dialog) { d.AllModules.SetChecked(false); d.Modules.SetSelected(nil) }, "ExportNeedModule"},
		{"NoLocale", func(d *Dialog) { d.Locales.SetSelected(nil) }, "ExportNeedLocale"},
		{"NoFolder", func(d *Dialog) { d.Folder.SetText("") }, "ExportNeedFolder"},
		{"FolderMissing", func(d *Dialog) { d.Folder.SetText(filepath.Join(os.TempDir(), "no", "such", "folder")) }, "ExportFolderMissing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDialog(t, Options{Project: p, Media: media})
			d.Folder.SetText(t.TempDir())
			tt.setup(d)
			test.Tap(d.Export)
			if d.Invalid.Hidden || d.Invalid.Text != d.opts.T.S(tt.want) {
				t.Errorf("message %q (hidden %v), want %s", d.Invalid.Text, d.Invalid.Hidden, tt.want)
			}
		})
	}
}

// blockingMedia holds every read until the export is canceled.
type blockingMedia struct{ reading chan struct{} }

func (b blockingMedia) ReadMedia(ctx context.Context, _ string) ([]byte, error) {
	b.reading <- struct{}{}
	<-ctx.Done()
	return nil, ctx.Err()
}

func TestCancelLeavesNoPackage(t *testing.T) {
	p, _ := sample(t)
	media := blockingMedia{reading: make(chan struct{}, 1)}
	d := newDialog(t, Options{Project: p, Media: media})
	dir := t.TempDir()
	d.Folder.SetText(dir)
	test.Tap(d.Export)
	<-media.reading
	test.Tap(d.progress.Cancel)
	for _, r := range wait(t, d) {
		if r.Err == nil || !canceled(r.Err) {
			t.Errorf("%s: %v, want canceled", export.FileName(r.Job), r.Err)
		}
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("canceled export left %v", left)
	}
	if !strings.Contains(d.Headline.Text, d.opts.T.S("ExportCanceled")) || !d.Problems.Hidden {
		t.Errorf("headline %q, problems %q", d.Headline.Text, textOf(d.Problems))
	}
}

// TestExportAgain: a second run from the same dialog finishes and reports
// its own packages, though nobody read the first run's results (the desktop
// froze here once: the UI thread waited to hand them over).
func TestExportAgain(t *testing.T) {
	p, media := sample(t)
	d := newDialog(t, Options{Project: p, Media: media, Module: p.Modules[0].ID})
	d.Formats.SetSelected([]string{d.opts.T.S("ExportFormatWeb")})
	first, second := t.TempDir(), t.TempDir()
	d.Folder.SetText(first)
	test.Tap(d.Export)
	deadline := time.Now().Add(60 * time.Second)
	for len(d.results) == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	test.Tap(d.Back)
	d.Folder.SetText(second)
	test.Tap(d.Export)
	// Leave the first report unread, as the desktop does: the second run's
	// summary appears, and its report replaces the first.
	for d.summary.dir != second && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond) // the report follows the summary at once
	results := wait(t, d)
	if len(results) == 0 || filepath.Dir(results[0].Path) != second {
		t.Fatalf("the second run reported %+v, want packages in %s", results, second)
	}
}

// TestExportInATargetLocale: with the project's translations the packages
// are in Spanish and complete; without them the summary warns, per package,
// that texts are not approved translations.
func TestExportInATargetLocale(t *testing.T) {
	p, media := sample(t)
	bundle, err := jsondump.ReadBundleFS(assets.SampleFS(), p)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name         string
		translations map[authoring.Locale]l10n.Translations
		warn         bool
	}{
		{"translated", bundle.Translations, false},
		{"untranslated", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDialog(t, Options{Project: p, Media: media, Module: p.Modules[0].ID, Translations: tt.translations})
			d.Folder.SetText(t.TempDir())
			d.Formats.SetSelected([]string{d.opts.T.S("ExportFormatWeb")})
			d.Locales.SetSelected(d.Locales.Options[1:2]) // the first target locale: es
			test.Tap(d.Export)
			results := wait(t, d)
			if len(results) != 1 || results[0].Err != nil {
				t.Fatalf("results %+v", results)
			}
			page := string(readZipEntry(t, results[0].Path, "index.html"))
			if !strings.Contains(page, `lang="es"`) {
				t.Errorf("page is not in Spanish")
			}
			warned := strings.Contains(textOf(d.Warnings), "not approved translations") && !d.Warnings.Hidden
			if warned != tt.warn || (tt.warn == strings.Contains(page, "¿Qué es una microcredencial?")) {
				t.Errorf("warned %v (want %v); summary %q", warned, tt.warn, textOf(d.Warnings))
			}
		})
	}
}

// Package export turns a module into a package an LMS or a web server runs:
// the learner player's pages, the module's media and, for SCORM, a manifest.
// Each format has its own package; this one validates, assembles, checks and
// writes.
package export

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/export/archive"
	"github.com/stacklet/stacklet/export/credential"
	"github.com/stacklet/stacklet/export/internal/cp"
	"github.com/stacklet/stacklet/export/media"
	"github.com/stacklet/stacklet/export/player"
	"github.com/stacklet/stacklet/export/scorm12"
	"github.com/stacklet/stacklet/export/scorm2004"
)

// Launch is the page an LMS opens.
const Launch = "index.html"

// Job is one package to build.
type Job struct {
	Project  *authoring.Project
	ModuleID string
	Format   authoring.Format
	Locale   authoring.Locale // empty: the project's source locale
	Media    authoring.MediaSource
	// Processor caches processed media across the jobs of a batch; nil
	// processes afresh.
	Processor *media.Processor
	// Translations are Locale's translations; unused for the source locale.
	Translations l10n.Translations
	// RequireApproved refuses a package in which any text is not an
	// approved translation, instead of reporting it.
	RequireApproved bool
}

// Build validates the module and returns every file of its package, sorted.
func Build(ctx context.Context, job Job) ([]archive.File, error) {
	files, _, err := BuildReport(ctx, job)
	return files, err
}

// BuildReport builds like Build and also returns the segments that went
// into the package without an approved translation (none in the source
// locale), for the caller to warn about. When RequireApproved refuses the
// package, they come with the error: the segments that stopped it.
func BuildReport(ctx context.Context, job Job) ([]archive.File, []l10n.Pending, error) {
	loc, locale, err := job.localize(ctx)
	if err != nil {
		var pending []l10n.Pending
		if loc != nil {
			pending = loc.Pending
		}
		return nil, pending, err
	}
	job.Project = loc.Project // the title and credentials in the package's language
	if len(loc.Media) > 0 {
		job.Media = overlay{files: loc.Media, base: job.Media} // the translated caption tracks
	}
	files, err := job.build(ctx, loc.Module, locale)
	if err != nil {
		return nil, nil, err
	}
	return files, loc.Pending, nil
}

func (job Job) build(ctx context.Context, m *authoring.Module, locale authoring.Locale) ([]archive.File, error) {
	// Credentials first: one with errors refuses the export before any work.
	creds, earns, err := credential.Files(ctx, credential.Module{Project: job.Project, ModuleID: m.ID, Locale: locale, Media: job.Media})
	if err != nil {
		return nil, err
	}
	files, paths, err := job.mediaFiles(ctx, m)
	if err != nil {
		return nil, err
	}
	pages, err := player.Render(player.Options{
		Project: job.Project, Module: m, Locale: locale, Format: job.Format,
		MediaPath: func(hash string) string { return paths[hash] }, Earns: earns,
	})
	if err != nil {
		return nil, fmt.Errorf("render module %q: %w", m.Title, err)
	}
	for name, data := range pages {
		files = append(files, archive.File{Name: name, Data: data})
	}
	files = append(files, creds...)
	archive.Sort(files)
	if files, err = addManifest(job, m, locale, files); err != nil {
		return nil, err
	}
	if err := SelfCheck(files); err != nil {
		return nil, err
	}
	return files, nil
}

// resolve finds the module in the job's locale, refusing it while it has errors.
func (job Job) resolve(ctx context.Context) (*authoring.Module, authoring.Locale, error) {
	loc, locale, err := job.localize(ctx)
	if err != nil {
		return nil, "", err
	}
	return loc.Module, locale, nil
}

// localize validates the module in the source locale, settles the locale
// and translates project and module into it (see l10n.Localize), caption
// tracks included.
func (job Job) localize(ctx context.Context) (*l10n.Localized, authoring.Locale, error) {
	m, err := job.Project.Module(job.ModuleID)
	if err != nil {
		return nil, "", err
	}
	if problems := authoring.Errors(job.Project.Validate(m)); len(problems) > 0 {
		return nil, "", authoring.ProblemsError(problems)
	}
	locale := job.Locale
	if locale == "" || locale == job.Project.SourceLocale {
		return &l10n.Localized{Project: job.Project, Module: m}, job.Project.SourceLocale, nil
	}
	caps, err := l10n.LoadModuleCaptions(ctx, job.Project, m, job.Media)
	if err != nil {
		return nil, "", err
	}
	loc, err := l10n.Localize(job.Project, job.ModuleID, locale, job.Translations, caps)
	if err != nil {
		return nil, "", err
	}
	if job.RequireApproved && len(loc.Pending) > 0 {
		return loc, "", pendingError(m, locale, loc.Pending) // loc for its Pending only
	}
	return loc, locale, nil
}

// overlay serves the caption tracks a translation wrote, which no store
// holds, before the library's files.
type overlay struct {
	files map[string][]byte
	base  authoring.MediaSource
}

func (o overlay) ReadMedia(ctx context.Context, hash string) ([]byte, error) {
	if data, ok := o.files[hash]; ok {
		return data, nil
	}
	return o.base.ReadMedia(ctx, hash)
}

// pendingError lists every segment that stops a --require-approved export.
func pendingError(m *authoring.Module, locale authoring.Locale, pending []l10n.Pending) error {
	lines := make([]string, len(pending))
	for i, p := range pending {
		lines[i] = "  - " + p.String()
	}
	return authoring.Errorf(authoring.EINVALID, "module %q in %s: %d text(s) are not approved translations:\n%s",
		m.Title, locale, len(pending), strings.Join(lines, "\n"))
}

// mediaFiles processes the media the module uses, and the theme logo. Unused
// library files stay out of the package.
func (job Job) mediaFiles(ctx context.Context, m *authoring.Module) ([]archive.File, map[string]string, error) {
	proc := job.Processor
	if proc == nil {
		proc = media.NewProcessor()
	}
	hashes := m.MediaHashes()
	if logo := job.Project.Theme.Logo; logo != "" {
		hashes = append(hashes, logo)
	}
	var files []archive.File
	paths := map[string]string{}
	for _, h := range hashes {
		if _, done := paths[h]; done {
			continue
		}
		f, err := job.processOne(ctx, proc, h)
		if err != nil {
			return nil, nil, err
		}
		paths[h] = f.Name
		files = append(files, archive.File{Name: f.Name, Data: f.Data})
	}
	return files, paths, nil
}

func (job Job) processOne(ctx context.Context, proc *media.Processor, hash string) (media.File, error) {
	if err := ctx.Err(); err != nil {
		return media.File{}, authoring.Errorf(authoring.ECANCELED, "export canceled")
	}
	item, ok := job.Project.MediaByHash(hash)
	if !ok {
		return media.File{}, authoring.Errorf(authoring.ENOTFOUND, "media %s is used but missing from the library", hash)
	}
	data, err := job.Media.ReadMedia(ctx, hash)
	if err != nil {
		return media.File{}, fmt.Errorf("media %q: %w", item.Name, err)
	}
	return proc.Process(item, data)
}

func addManifest(job Job, m *authoring.Module, locale authoring.Locale, files []archive.File) ([]archive.File, error) {
	switch job.Format {
	case authoring.FormatWeb:
		return files, nil
	case authoring.FormatCMI5:
		return addCourseStructure(job.Project, m, locale, files)
	}
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.Name
	}
	in := cp.Input{Project: job.Project, Module: m, Locale: locale, Launch: Launch, Files: names}
	var data []byte
	var err error
	switch job.Format {
	case authoring.FormatSCORM12:
		data, err = scorm12.Manifest(in)
	case authoring.FormatSCORM2004:
		data, err = scorm2004.Manifest(in)
	default:
		return nil, authoring.Errorf(authoring.EINVALID, "unknown format %q", job.Format)
	}
	if err != nil {
		return nil, err
	}
	files = append(files, archive.File{Name: "imsmanifest.xml", Data: data})
	archive.Sort(files)
	return files, nil
}

// FileName is the package's file name: module, format and locale, so a batch
// of exports sits side by side in one folder.
func FileName(job Job) string {
	locale := job.Locale
	if locale == "" {
		locale = job.Project.SourceLocale
	}
	return fmt.Sprintf("%s-%s-%s.zip", job.ModuleID, job.Format, locale)
}

// WriteZip builds the package and writes it to dir/FileName(job), atomically.
func WriteZip(ctx context.Context, job Job, dir string) (string, error) {
	path, _, err := writeZip(ctx, job, dir)
	return path, err
}

func writeZip(ctx context.Context, job Job, dir string) (string, []l10n.Pending, error) {
	files, pending, err := BuildReport(ctx, job)
	if err != nil {
		return "", pending, err
	}
	dst := filepath.Join(dir, FileName(job))
	if err := archive.WriteFileAtomic(ctx, dst, files, checkWritten); err != nil {
		if ctx.Err() != nil {
			return "", nil, authoring.Errorf(authoring.ECANCELED, "export canceled: %s was not written", dst)
		}
		return "", nil, fmt.Errorf("write %s: %w", dst, err)
	}
	return dst, pending, nil
}

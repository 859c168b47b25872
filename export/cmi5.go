package export

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/export/archive"
	"github.com/stacklet/stacklet/export/cmi5"
	"github.com/stacklet/stacklet/export/media"
)

// addCourseStructure gives a single-module cmi5 package its cmi5.xml: a
// course of one AU launched from the package's index.html.
func addCourseStructure(p *authoring.Project, m *authoring.Module, locale authoring.Locale, files []archive.File) ([]archive.File, error) {
	data, err := cmi5.ModuleCourse(p, m, locale, Launch).XML()
	if err != nil {
		return nil, err
	}
	files = append(files, archive.File{Name: cmi5.FileName, Data: data})
	archive.Sort(files)
	return files, cmi5.Check(files)
}

// CourseJob is a stack: the modules of a credential as one cmi5 course.
type CourseJob struct {
	Project      *authoring.Project
	CredentialID string
	Locale       authoring.Locale // empty: the project's source locale
	Media        authoring.MediaSource
	Processor    *media.Processor // nil: process afresh
	// Translations and RequireApproved work as in Job, for every module.
	Translations    l10n.Translations
	RequireApproved bool
}

// BuildCourse returns every file of a stack's package: each module is
// rendered into a folder named after it, and one cmi5.xml at the root lists
// one AU per module in the credential's order.
func BuildCourse(ctx context.Context, job CourseJob) ([]archive.File, error) {
	c, err := job.credential()
	if err != nil {
		return nil, err
	}
	if job.Processor == nil {
		job.Processor = media.NewProcessor() // modules share media: process each file once
	}
	var files []archive.File
	var aus []cmi5.AU
	for _, id := range c.Modules {
		au, mod, loc, err := job.module(ctx, id)
		if err != nil {
			return nil, err
		}
		aus = append(aus, au)
		files = append(files, mod...)
		if tc, err := loc.Project.Credential(c.ID); err == nil {
			c = tc // the course speaks the package's language
		}
	}
	data, err := cmi5.StackCourse(job.Project, c, job.Locale, aus).XML()
	if err != nil {
		return nil, err
	}
	files = append(files, archive.File{Name: cmi5.FileName, Data: data})
	archive.Sort(files)
	return files, cmi5.Check(files)
}

func (job CourseJob) credential() (*authoring.Credential, error) {
	for i, c := range job.Project.Credentials {
		if c.ID != job.CredentialID {
			continue
		}
		if len(c.Modules) == 0 {
			return nil, authoring.Errorf(authoring.EINVALID, "credential %q has no modules: add the modules that earn it", c.Title)
		}
		return &job.Project.Credentials[i], nil
	}
	return nil, authoring.Errorf(authoring.ENOTFOUND, "credential %q not found", job.CredentialID)
}

// module builds one module as its own cmi5 package and moves it into the
// folder <module id>/, leaving its single-module cmi5.xml behind.
func (job CourseJob) module(ctx context.Context, id string) (cmi5.AU, []archive.File, *l10n.Localized, error) {
	one := Job{Project: job.Project, ModuleID: id, Format: authoring.FormatCMI5, Locale: job.Locale,
		Media: job.Media, Processor: job.Processor,
		Translations: job.Translations, RequireApproved: job.RequireApproved}
	built, err := Build(ctx, one)
	if err != nil {
		return cmi5.AU{}, nil, nil, fmt.Errorf("module %q: %w", id, err)
	}
	loc, locale, err := one.localize(ctx)
	if err != nil {
		return cmi5.AU{}, nil, nil, err
	}
	var files []archive.File
	for _, f := range built {
		if f.Name != cmi5.FileName {
			files = append(files, archive.File{Name: id + "/" + f.Name, Data: f.Data})
		}
	}
	return cmi5.ModuleAU(job.Project, loc.Module, locale, id+"/"+Launch), files, loc, nil
}

// CourseFileName is the stack package's file name: credential, format and
// locale, beside the single-module packages of a batch.
func CourseFileName(job CourseJob) string {
	locale := job.Locale
	if locale == "" {
		locale = job.Project.SourceLocale
	}
	return fmt.Sprintf("%s-stack-%s-%s.zip", job.CredentialID, authoring.FormatCMI5, locale)
}

// WriteCourseZip builds the stack's package and writes it to
// dir/CourseFileName(job), atomically.
func WriteCourseZip(ctx context.Context, job CourseJob, dir string) (string, error) {
	files, err := BuildCourse(ctx, job)
	if err != nil {
		return "", err
	}
	dst := filepath.Join(dir, CourseFileName(job))
	if err := archive.WriteFileAtomic(ctx, dst, files, cmi5.Check); err != nil {
		if ctx.Err() != nil {
			return "", authoring.Errorf(authoring.ECANCELED, "export canceled: %s was not written", dst)
		}
		return "", fmt.Errorf("write %s: %w", dst, err)
	}
	return dst, nil
}

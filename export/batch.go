package export

import (
	"context"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/export/media"
	"github.com/stacklet/stacklet/i18n"
)

// Progress reports a batch export's advance after each package.
type Progress struct {
	Done, Total int
	Job         Job
	Path        string // the package written, when Err is nil
	Err         error
}

// Result is the outcome of one job of a batch.
type Result struct {
	Job  Job
	Path string
	Err  error
	// Pending are the texts exported without an approved translation, or,
	// when RequireApproved refused the package, the texts that refused it.
	Pending []l10n.Pending
	// PlayerFallback is the language of the player's buttons and messages
	// when the package's locale has no catalog of its own (see
	// i18n.PlayerFallbackWarning for the English warning); empty when it has
	// one, or when the package was not written.
	PlayerFallback authoring.Locale
}

// WriteAll exports every job into dir, sharing processed media across jobs.
// A module with problems does not stop the others; cancelling ctx stops after
// the package being written is abandoned, leaving no partial file.
func WriteAll(ctx context.Context, jobs []Job, dir string, progress func(Progress)) []Result {
	proc := media.NewProcessor()
	results := make([]Result, 0, len(jobs))
	for i, job := range jobs {
		if ctx.Err() != nil {
			results = append(results, Result{Job: job, Err: authoring.Errorf(authoring.ECANCELED, "export canceled")})
			continue
		}
		job.Processor = proc
		path, pending, err := writeZip(ctx, job, dir)
		r := Result{Job: job, Path: path, Err: err, Pending: pending}
		if err == nil {
			r.PlayerFallback = playerFallback(job)
		}
		results = append(results, r)
		if progress != nil {
			progress(Progress{Done: i + 1, Total: len(jobs), Job: job, Path: path, Err: err})
		}
	}
	return results
}

// playerFallback is the catalog language standing in for the job's locale,
// or "" when the locale has its own.
func playerFallback(job Job) authoring.Locale {
	locale := job.Locale
	if locale == "" {
		locale = job.Project.SourceLocale
	}
	if got, fellBack := i18n.PlayerFallback(locale); fellBack {
		return got
	}
	return ""
}

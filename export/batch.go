package export

import (
	"context"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/export/media"
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
		results = append(results, Result{Job: job, Path: path, Err: err, Pending: pending})
		if progress != nil {
			progress(Progress{Done: i + 1, Total: len(jobs), Job: job, Path: path, Err: err})
		}
	}
	return results
}

package exportdialog

import (
	"context"
	"errors"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/export"
)

// progress is the second view: a bar, what is being written, and Cancel.
type progress struct {
	Bar    *widget.ProgressBar
	Status *widget.Label
	Cancel *widget.Button

	t      *tr.T
	cancel context.CancelFunc
	view   fyne.CanvasObject
}

func newProgress(t *tr.T, onCancel func()) *progress {
	p := &progress{t: t, Bar: widget.NewProgressBar(), Status: widget.NewLabel("")}
	p.Status.Wrapping = fyne.TextWrapWord
	p.Cancel = widget.NewButton(t.S("ExportCancel"), onCancel)
	p.view = container.NewVBox(layout.NewSpacer(), p.Status, p.Bar,
		container.NewHBox(layout.NewSpacer(), p.Cancel), layout.NewSpacer())
	return p
}

// onExport checks the form and starts the export off the UI goroutine.
func (d *Dialog) onExport() {
	jobs, missing := d.form.jobs()
	if missing == "" {
		missing = d.checkFolder()
	}
	if missing != "" {
		d.form.Invalid.SetText(d.opts.T.S(missing))
		d.form.Invalid.Show()
		return
	}
	d.form.Invalid.Hide()
	dir := d.form.folder()
	if d.opts.Prefs != nil {
		d.opts.Prefs.SetString(prefFolder, dir)
		d.opts.Prefs.SetBool(prefRequireApproved, d.form.RequireApproved.Checked)
	}
	ctx, cancel := context.WithCancel(context.Background())
	d.progress.start(cancel, len(jobs))
	d.show(d.progress.view)
	go d.run(ctx, jobs, dir)
}

// checkFolder refuses a destination that is not an existing folder rather
// than creating one where a typo points.
func (d *Dialog) checkFolder() string {
	info, err := os.Stat(d.form.folder())
	if err != nil || !info.IsDir() {
		return "ExportFolderMissing"
	}
	return ""
}

func (d *Dialog) run(ctx context.Context, jobs []export.Job, dir string) {
	results := export.WriteAll(ctx, jobs, dir, func(p export.Progress) {
		fyne.Do(func() { d.progress.advance(p) })
	})
	stopped := ctx.Err() != nil // before the cancel below, which only frees the context
	fyne.Do(func() {
		d.progress.cancel()
		d.summary.fill(d.opts.Project, results, dir, stopped)
		d.show(d.summary.view)
		// The UI thread must never wait on a reader: keep only the latest run.
		select {
		case <-d.results:
		default:
		}
		d.results <- results
	})
}

func (p *progress) start(cancel context.CancelFunc, total int) {
	p.cancel = cancel
	p.Bar.Max = float64(total)
	p.Bar.SetValue(0)
	p.Status.SetText(p.t.N("ExportRunning", total, nil))
	p.Cancel.Enable()
}

func (p *progress) advance(ev export.Progress) {
	p.Bar.SetValue(float64(ev.Done))
	p.Status.SetText(p.t.F("ExportProgress", map[string]any{
		"Done": ev.Done, "Total": ev.Total, "File": export.FileName(ev.Job)}))
}

// onCancel stops the export: WriteAll abandons the package being written,
// so the folder keeps only complete packages.
func (d *Dialog) onCancel() {
	d.progress.Cancel.Disable()
	d.progress.Status.SetText(d.opts.T.S("ExportCanceling"))
	d.progress.cancel()
}

// canceled reports whether err says the user stopped the export; a media
// read interrupted by the cancel reports the context's error.
func canceled(err error) bool {
	return authoring.ErrorCode(err) == authoring.ECANCELED || errors.Is(err, context.Canceled)
}

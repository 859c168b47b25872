package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/export"
	"github.com/stacklet/stacklet/i18n"
)

func init() {
	register(command{name: "export", summary: "write SCORM 1.2, SCORM 2004, cmi5 or web packages", usage: "PROJECT", setup: setupExport})
}

// exportRow is one package of "export --json".
type exportRow struct {
	Module     string           `json:"module"`
	Credential string           `json:"credential,omitempty"` // a stack: the credential's modules in one package
	Format     authoring.Format `json:"format"`
	Locale     authoring.Locale `json:"locale"`
	Path       string           `json:"path,omitempty"`
	Error      string           `json:"error,omitempty"`
	Code       string           `json:"code,omitempty"`
	Pending    []l10n.Pending   `json:"pending,omitempty"` // texts not exported as approved translations
	Warnings   []string         `json:"warnings,omitempty"`
}

func setupExport(fs *flag.FlagSet) func(context.Context, *env, []string) error {
	src := addProjectFlags(fs)
	formats := fs.String("format", "scorm2004", "comma-separated formats: scorm12, scorm2004, cmi5, web")
	module := fs.String("module", "all", "module id, or all")
	locale := fs.String("locale", "", "package locale (default: the project's source locale)")
	out := fs.String("o", ".", "output folder")
	asJSON := fs.Bool("json", false, "write a JSON summary")
	credential := fs.String("credential", "", "credential id: export its modules as one cmi5 course (with --format cmi5)")
	requireApproved := fs.Bool("require-approved", false, "refuse a package whose texts are not all approved translations")
	return func(ctx context.Context, e *env, args []string) error {
		l, _, err := src.open(ctx, args)
		if err != nil {
			return err
		}
		defer l.close()
		if *credential != "" {
			// One probe job settles locale and translations the way module exports do.
			probe := []export.Job{{Project: l.project, Locale: authoring.Locale(*locale)}}
			if err := localizeJobs(ctx, src, l, args, probe, *requireApproved); err != nil {
				return err
			}
			return exportStack(ctx, e, l, stackFlags{*credential, *formats, *module, *out, *asJSON}, probe[0])
		}
		jobs, err := exportJobs(l, *formats, *module, *locale)
		if err != nil {
			return err
		}
		if err := localizeJobs(ctx, src, l, args, jobs, *requireApproved); err != nil {
			return err
		}
		if err := os.MkdirAll(*out, 0o755); err != nil {
			return err
		}
		bar := newProgressBar(e, len(jobs), *asJSON)
		results := export.WriteAll(ctx, jobs, *out, bar.update)
		bar.finish()
		return reportExport(e, results, *asJSON)
	}
}

func exportJobs(l *loaded, formats, module, locale string) ([]export.Job, error) {
	var fmts []authoring.Format
	for _, name := range splitList(formats) {
		f, err := authoring.ParseFormat(name)
		if err != nil {
			return nil, err
		}
		fmts = append(fmts, f)
	}
	if len(fmts) == 0 {
		return nil, usageError("--format names no format")
	}
	ids, err := moduleIDs(l.project, module)
	if err != nil {
		return nil, err
	}
	var jobs []export.Job
	for _, id := range ids {
		for _, f := range fmts {
			jobs = append(jobs, export.Job{Project: l.project, ModuleID: id, Format: f,
				Locale: authoring.Locale(locale), Media: l.media})
		}
	}
	return jobs, nil
}

func moduleIDs(p *authoring.Project, module string) ([]string, error) {
	if module != "all" {
		_, err := p.Module(module)
		return []string{module}, err
	}
	if len(p.Modules) == 0 {
		return nil, authoring.Errorf(authoring.EINVALID, "project %q has no modules to export", p.Title)
	}
	ids := make([]string, len(p.Modules))
	for i, m := range p.Modules {
		ids[i] = m.ID
	}
	return ids, nil
}

func reportExport(e *env, results []export.Result, asJSON bool) error {
	rows := make([]exportRow, len(results))
	var firstErr error
	failed := 0
	for i, r := range results {
		locale := r.Job.Locale
		if locale == "" {
			locale = r.Job.Project.SourceLocale // what the package speaks, as its file name says
		}
		rows[i] = exportRow{Module: r.Job.ModuleID, Format: r.Job.Format, Locale: locale, Path: r.Path, Pending: r.Pending}
		if r.PlayerFallback != "" {
			rows[i].Warnings = []string{i18n.PlayerFallbackWarning(locale)}
		}
		if r.Err != nil {
			failed++
			rows[i].Error, rows[i].Code = authoring.ErrorMessage(r.Err), authoring.ErrorCode(r.Err)
			if firstErr == nil {
				firstErr = r.Err
			}
		}
	}
	if asJSON {
		if err := writeJSON(e.stdout, rows); err != nil {
			return err
		}
	} else {
		printExport(e, rows)
	}
	if failed > 0 {
		return &authoring.Error{Code: authoring.ErrorCode(firstErr),
			Message: fmt.Sprintf("%d of %d package(s) failed", failed, len(results))}
	}
	return nil
}

func printExport(e *env, rows []exportRow) {
	for _, r := range rows {
		if r.Error != "" {
			fmt.Fprintf(e.stderr, "%s (%s): %s\n", r.Module, r.Format, r.Error)
			continue
		}
		fmt.Fprintf(e.stdout, "wrote %s\n", r.Path)
		for _, w := range r.Warnings {
			fmt.Fprintf(e.stderr, "warning: %s (%s, %s): %s\n", r.Module+r.Credential, r.Format, r.Locale, w)
		}
		warnPending(e.stderr, r)
	}
}

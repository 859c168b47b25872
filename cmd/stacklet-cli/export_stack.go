package main

import (
	"context"
	"os"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/export"
	"github.com/stacklet/stacklet/i18n"
)

// stackFlags are the export flags a stack export reads.
type stackFlags struct {
	credential, format, module, out string
	asJSON                          bool
}

// exportStack writes one cmi5 course holding every module of a credential:
// only cmi5 can describe several modules in one package. tr carries the
// locale and its translations.
func exportStack(ctx context.Context, e *env, l *loaded, f stackFlags, tr export.Job) error {
	if f.format != string(authoring.FormatCMI5) {
		return usageError("--credential exports a stack as one cmi5 course: add --format cmi5")
	}
	if f.module != "all" {
		return usageError("--credential exports all of the credential's modules: drop --module")
	}
	if err := os.MkdirAll(f.out, 0o755); err != nil {
		return err
	}
	job := export.CourseJob{Project: l.project, CredentialID: f.credential, Media: l.media,
		Locale: tr.Locale, Translations: tr.Translations, RequireApproved: tr.RequireApproved}
	path, err := export.WriteCourseZip(ctx, job, f.out)
	row := exportRow{Credential: f.credential, Format: authoring.FormatCMI5, Locale: packageLocale(l.project, job.Locale), Path: path}
	if err != nil {
		row.Error, row.Code = authoring.ErrorMessage(err), authoring.ErrorCode(err)
	} else if w := i18n.PlayerFallbackWarning(row.Locale); w != "" {
		row.Warnings = []string{w}
	}
	if f.asJSON {
		if werr := writeJSON(e.stdout, []exportRow{row}); werr != nil {
			return werr
		}
	} else if err == nil {
		printExport(e, []exportRow{row})
	}
	return err
}

// packageLocale is the locale a package speaks: the source locale unless one
// was asked for.
func packageLocale(p *authoring.Project, l authoring.Locale) authoring.Locale {
	if l == "" {
		return p.SourceLocale
	}
	return l
}

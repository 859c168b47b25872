package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/stacklet/stacklet/assets"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/jsondump"
	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/export"
)

func init() {
	register(command{name: "l10n", summary: "translation progress: status counts segments per locale and state",
		usage: "status PROJECT", setup: setupL10n})
}

func setupL10n(fs *flag.FlagSet) func(context.Context, *env, []string) error {
	src := addProjectFlags(fs)
	module := fs.String("module", "all", "module id, or all (all includes the project title and credentials)")
	asJSON := fs.Bool("json", false, "write the counts as JSON")
	return func(ctx context.Context, e *env, args []string) error {
		if len(args) == 0 || args[0] != "status" {
			return usageError("say what to do: status")
		}
		l, rest, err := src.open(ctx, args[1:])
		if err != nil {
			return err
		}
		defer l.close()
		if len(rest) > 0 {
			return usageError(fmt.Sprintf("unexpected argument %q", rest[0]))
		}
		b, err := loadBundle(ctx, src, l, args[1:])
		if err != nil {
			return err
		}
		segs, err := segmentsOf(ctx, l, *module)
		if err != nil {
			return err
		}
		rows := l10nStatus(l.project, segs, *module, b)
		if *asJSON {
			return writeJSON(e.stdout, rows)
		}
		return printL10nStatus(e.stdout, rows)
	}
}

// loadBundle reads the translations and glossary beside a loaded project:
// from the project file, the dump folder (args[0]) or the bundled sample.
func loadBundle(ctx context.Context, src projectSource, l *loaded, args []string) (*l10n.Bundle, error) {
	var b *l10n.Bundle
	var err error
	switch store, ok := l.media.(l10n.Store); {
	case *src.sample:
		b, err = jsondump.ReadBundleFS(assets.SampleFS(), l.project)
	case ok:
		b, err = store.LoadL10n(ctx)
	default:
		b, err = jsondump.ReadBundle(args[0], l.project)
	}
	if err != nil {
		return nil, err
	}
	if b.Translations == nil {
		b.Translations = map[authoring.Locale]l10n.Translations{}
	}
	return b, nil
}

// l10nStatus counts segs, the segments of module (or of the whole
// project), in every target locale, in the project's order.
func l10nStatus(p *authoring.Project, segs []l10n.Segment, module string, b *l10n.Bundle) []l10n.Status {
	rows := make([]l10n.Status, 0, len(p.TargetLocales))
	for _, loc := range p.TargetLocales {
		rows = append(rows, l10n.StatusOf(loc, segs, onlyOf(b.Translations[loc], segs, module)))
	}
	return rows
}

// onlyOf keeps the translations of segs when one module is counted, so the
// rest of the project does not show up as orphaned.
func onlyOf(tr l10n.Translations, segs []l10n.Segment, module string) l10n.Translations {
	if module == "all" {
		return tr
	}
	out := l10n.Translations{}
	for _, s := range segs {
		if t, ok := tr[s.ID]; ok {
			out[s.ID] = t
		}
	}
	return out
}

func printL10nStatus(w io.Writer, rows []l10n.Status) error {
	if len(rows) == 0 {
		_, err := fmt.Fprintln(w, "the project has no target locales: add some with the desktop app or in project.json")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "locale\tsegments\tapproved\tedited\tmachine\tuntranslated\tstale\torphaned\t")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t\n", r.Locale, r.Total, r.Approved, r.Edited, r.Machine,
			r.Untranslated, r.Stale, r.Orphaned)
	}
	return tw.Flush()
}

// localizeJobs settles the jobs' locale (canonical form) and hands them its
// translations; jobs in the source locale need none.
func localizeJobs(ctx context.Context, src projectSource, l *loaded, args []string, jobs []export.Job, requireApproved bool) error {
	if len(jobs) == 0 || jobs[0].Locale == "" {
		return nil
	}
	loc, err := authoring.ParseLocale(string(jobs[0].Locale))
	if err != nil {
		return err
	}
	var tr l10n.Translations
	if loc != l.project.SourceLocale {
		b, err := loadBundle(ctx, src, l, args)
		if err != nil {
			return err
		}
		tr = b.Translations[loc]
	}
	for i := range jobs {
		jobs[i].Locale, jobs[i].Translations, jobs[i].RequireApproved = loc, tr, requireApproved
	}
	return nil
}

// warnPending lists the texts a package carries without an approved
// translation; the package is written all the same.
func warnPending(w io.Writer, r exportRow) {
	if len(r.Pending) == 0 {
		return
	}
	fmt.Fprintf(w, "warning: %s (%s, %s): %d text(s) are not approved translations (use --require-approved to refuse):\n",
		r.Module, r.Format, r.Locale, len(r.Pending))
	for _, p := range r.Pending {
		fmt.Fprintf(w, "  - %s\n", p)
	}
}

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"text/tabwriter"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
)

func init() {
	register(command{name: "style", summary: "show or set how each locale's translations should sound (register, readers, notes)",
		usage: "list|set PROJECT", setup: setupStyle})
}

// styleFlags describe one style change.
type styleFlags struct {
	locale, formality, audience, notes *string
}

func setupStyle(fs *flag.FlagSet) func(context.Context, *env, []string) error {
	src := addProjectFlags(fs)
	f := styleFlags{
		locale:    fs.String("locale", "", "the target locale whose style to set (set)"),
		formality: fs.String("formality", "", "register: formal, informal, or empty to follow the source (set)"),
		audience:  fs.String("audience", "", "who reads the modules, e.g. \"warehouse staff\" (set)"),
		notes:     fs.String("notes", "", "anything else the translator should know: brand voice, spelling variant (set)"),
	}
	asJSON := fs.Bool("json", false, "list the styles as JSON")
	return func(ctx context.Context, e *env, args []string) error {
		if len(args) == 0 || !slices.Contains([]string{"list", "set"}, args[0]) {
			return usageError("say what to do: list or set")
		}
		lp, err := openL10n(ctx, src, args[1:])
		if err != nil {
			return err
		}
		defer lp.close()
		if args[0] == "set" {
			return setStyle(ctx, e, lp, f)
		}
		if *asJSON {
			return writeJSON(e.stdout, stylesOf(lp))
		}
		return printStyles(e.stdout, lp)
	}
}

// setStyle replaces the locale's whole style: a flag left out clears
// that field, so the command line shows the complete result.
func setStyle(ctx context.Context, e *env, lp *l10nProject, f styleFlags) error {
	loc, err := authoring.ParseLocale(*f.locale)
	if err != nil {
		return usageError("--locale names one of the project's target locales")
	}
	if !slices.Contains(lp.project.TargetLocales, loc) {
		return authoring.Errorf(authoring.EINVALID, "%s is not a target locale of %q", loc, lp.project.Title)
	}
	st := l10n.Style{Formality: l10n.Formality(*f.formality), Audience: *f.audience, Notes: *f.notes}.Trimmed()
	if err := st.Validate(); err != nil {
		return err
	}
	if err := lp.saveStyle(ctx, loc, st); err != nil {
		return err
	}
	if st.IsZero() {
		fmt.Fprintf(e.stdout, "%s: translations follow the source's tone\n", loc)
	} else {
		fmt.Fprintf(e.stdout, "saved the %s translation style\n", loc)
	}
	return nil
}

// saveStyle stores st: one transaction in a project file, a rewrite of the
// folder for a dump.
func (lp *l10nProject) saveStyle(ctx context.Context, loc authoring.Locale, st l10n.Style) error {
	if err := lp.writable(); err != nil {
		return err
	}
	if lp.store != nil {
		if err := lp.store.SaveStyle(ctx, loc, st); err != nil {
			return err
		}
	}
	if lp.bundle.Styles == nil {
		lp.bundle.Styles = map[authoring.Locale]l10n.Style{}
	}
	lp.bundle.Styles[loc] = st
	if st.IsZero() {
		delete(lp.bundle.Styles, loc)
	}
	return lp.saveDump(ctx)
}

// localeStyle is one row of the list, in the project's locale order.
type localeStyle struct {
	Locale authoring.Locale `json:"locale"`
	l10n.Style
}

func stylesOf(lp *l10nProject) []localeStyle {
	out := make([]localeStyle, 0, len(lp.project.TargetLocales))
	for _, loc := range lp.project.TargetLocales {
		out = append(out, localeStyle{loc, lp.bundle.Styles[loc]})
	}
	return out
}

func printStyles(w io.Writer, lp *l10nProject) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "locale\tformality\taudience\tnotes")
	for _, s := range stylesOf(lp) {
		formality := string(s.Formality)
		if formality == "" {
			formality = "(follow the source)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", s.Locale, formality, s.Audience, s.Notes)
	}
	return tw.Flush()
}

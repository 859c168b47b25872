package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/i18n"
)

func init() {
	register(command{name: "list", summary: "list the modules of a project", usage: "PROJECT", setup: setupList})
	register(command{name: "validate", summary: "list the problems that stop an export", usage: "PROJECT", setup: setupValidate})
}

// moduleRow is one line of "list".
type moduleRow struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Minutes  int    `json:"minutes"`
	Blocks   int    `json:"blocks"`
	Graded   bool   `json:"graded"`
	Errors   int    `json:"errors"`
	Warnings int    `json:"warnings"`
}

func setupList(fs *flag.FlagSet) func(context.Context, *env, []string) error {
	src := addProjectFlags(fs)
	asJSON := fs.Bool("json", false, "write JSON")
	return func(ctx context.Context, e *env, args []string) error {
		l, _, err := src.open(ctx, args)
		if err != nil {
			return err
		}
		defer l.close()
		rows := make([]moduleRow, 0, len(l.project.Modules))
		for i := range l.project.Modules {
			m := &l.project.Modules[i]
			problems := l.project.Validate(m)
			errs := len(authoring.Errors(problems))
			rows = append(rows, moduleRow{m.ID, m.Title, m.Minutes, len(m.Blocks), m.Graded(), errs, len(problems) - errs})
		}
		if *asJSON {
			return writeJSON(e.stdout, rows)
		}
		fmt.Fprintf(e.stdout, "%s (%s", l.project.Title, l.project.SourceLocale)
		for _, t := range l.project.TargetLocales {
			fmt.Fprintf(e.stdout, ", %s", t)
		}
		fmt.Fprintln(e.stdout, ")")
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tTITLE\tMIN\tBLOCKS\tGRADED\tPROBLEMS")
		for _, r := range rows {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%v\t%d errors, %d warnings\n", r.ID, r.Title, r.Minutes, r.Blocks, r.Graded, r.Errors, r.Warnings)
		}
		return tw.Flush()
	}
}

func setupValidate(fs *flag.FlagSet) func(context.Context, *env, []string) error {
	src := addProjectFlags(fs)
	module := fs.String("module", "all", "module id, or all")
	asJSON := fs.Bool("json", false, "write JSON")
	return func(ctx context.Context, e *env, args []string) error {
		l, _, err := src.open(ctx, args)
		if err != nil {
			return err
		}
		defer l.close()
		problems, err := projectProblems(l.project, *module)
		if err != nil {
			return err
		}
		if *asJSON {
			err = writeJSON(e.stdout, problems)
		} else {
			printProblems(e.stdout, problems)
		}
		if err == nil && len(authoring.Errors(problems)) > 0 {
			return authoring.Errorf(authoring.EINVALID, "%d error(s) found", len(authoring.Errors(problems)))
		}
		return err
	}
}

// projectProblems validates the project, or one module of it, and warns
// about locales whose packages show the player's buttons in another language:
// that touches every module.
func projectProblems(p *authoring.Project, module string) ([]authoring.Problem, error) {
	if module == "all" {
		return append(p.ValidateProject(), i18n.PlayerCatalogProblems(p)...), nil
	}
	m, err := p.Module(module)
	if err != nil {
		return nil, err
	}
	return append(p.Validate(m), i18n.PlayerCatalogProblems(p)...), nil
}

func printProblems(w io.Writer, problems []authoring.Problem) {
	if len(problems) == 0 {
		fmt.Fprintln(w, "no problems found")
	}
	for _, p := range problems {
		fmt.Fprintf(w, "%s: %s\n", p.Severity, p)
	}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

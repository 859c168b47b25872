package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/jsondump"
	"github.com/stacklet/stacklet/authoring/sqlite"
)

func init() {
	register(command{name: "new", summary: "create an empty project file", usage: "FILE.stacklet", setup: setupNew})
	register(command{name: "import", summary: "read a dump folder (or the sample) into a new project file", usage: "[DIR] FILE.stacklet", setup: setupImport})
	register(command{name: "dump", summary: "write a project as a folder of JSON files and media, fit for git", usage: "PROJECT DIR", setup: setupDump})
}

func setupNew(fs *flag.FlagSet) func(context.Context, *env, []string) error {
	title := fs.String("title", "Untitled project", "project title")
	locale := fs.String("locale", "", "source locale, a BCP 47 tag such as en, de or pt-BR (required)")
	targets := fs.String("targets", "", "comma-separated target locales")
	return func(ctx context.Context, e *env, args []string) error {
		if len(args) != 1 {
			return usageError("name the new project file")
		}
		p, err := newProject(*title, *locale, splitList(*targets))
		if err != nil {
			return err
		}
		store, err := sqlite.Create(ctx, args[0], p)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "created %s\n", args[0])
		return store.Close()
	}
}

func newProject(title, source string, targets []string) (*authoring.Project, error) {
	if source == "" {
		return nil, usageError("--locale is required: Stacklet assumes no language")
	}
	src, err := authoring.ParseLocale(source)
	if err != nil {
		return nil, err
	}
	p := &authoring.Project{Title: title, SourceLocale: src,
		Theme: authoring.Theme{Accent: "#1f5fbf", Font: authoring.FontSans}}
	for _, t := range targets {
		l, err := authoring.ParseLocale(t)
		if err != nil {
			return nil, err
		}
		p.TargetLocales = append(p.TargetLocales, l)
	}
	return p, nil
}

func setupImport(fs *flag.FlagSet) func(context.Context, *env, []string) error {
	src := addProjectFlags(fs)
	return func(ctx context.Context, e *env, args []string) error {
		if !*src.sample && len(args) > 0 {
			if st, err := os.Stat(args[0]); err == nil && !st.IsDir() {
				return usageError(args[0] + " is not a dump folder")
			}
		}
		l, rest, err := src.open(ctx, args)
		if err != nil {
			return err
		}
		defer l.close()
		if len(rest) != 1 {
			return usageError("name the project file to create")
		}
		store, err := sqlite.Create(ctx, rest[0], &authoring.Project{
			Title: l.project.Title, SourceLocale: l.project.SourceLocale, Theme: l.project.Theme,
		})
		if err != nil {
			return err
		}
		defer store.Close()
		if err := importAll(ctx, src, l, args, store); err != nil {
			store.Close()
			os.Remove(rest[0])
			return err
		}
		fmt.Fprintf(e.stdout, "imported %d module(s) and %d media file(s) into %s\n",
			len(l.project.Modules), len(l.project.Media), rest[0])
		return nil
	}
}

func setupDump(fs *flag.FlagSet) func(context.Context, *env, []string) error {
	src := addProjectFlags(fs)
	return func(ctx context.Context, e *env, args []string) error {
		l, rest, err := src.open(ctx, args)
		if err != nil {
			return err
		}
		defer l.close()
		if len(rest) != 1 {
			return usageError("name the folder to write")
		}
		b, err := loadBundle(ctx, src, l, args)
		if err != nil {
			return err
		}
		if err := jsondump.WriteBundle(ctx, rest[0], l.project, l.media, b); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "wrote %s\n", rest[0])
		return nil
	}
}

// importAll stores the project, then its translations and glossary.
func importAll(ctx context.Context, src projectSource, l *loaded, args []string, store *sqlite.Store) error {
	b, err := loadBundle(ctx, src, l, args)
	if err != nil {
		return err
	}
	if err := store.Replace(ctx, l.project, l.media); err != nil {
		return err
	}
	return store.ReplaceL10n(ctx, b)
}

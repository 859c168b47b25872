package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/jsondump"
	"github.com/stacklet/stacklet/authoring/l10n"
)

func init() {
	register(command{name: "glossary", summary: "list, add or change, and remove the terms translators and the AI must follow",
		usage: "list|set|remove PROJECT", setup: setupGlossary})
}

// termFlags describe one glossary change.
type termFlags struct {
	term, locale, translation, note *string
	dnt                             *bool
}

func setupGlossary(fs *flag.FlagSet) func(context.Context, *env, []string) error {
	src := addProjectFlags(fs)
	f := termFlags{
		term:        fs.String("term", "", "the term as the source language writes it (set, remove)"),
		locale:      fs.String("locale", "", "target locale of --translation (set)"),
		translation: fs.String("translation", "", "how the term is translated in --locale; empty removes that translation (set)"),
		note:        fs.String("note", "", "a note for translators (set)"),
		dnt:         fs.Bool("dnt", false, "do not translate: the term stays as it is in every language (set)"),
	}
	asJSON := fs.Bool("json", false, "list the glossary as JSON")
	return func(ctx context.Context, e *env, args []string) error {
		if len(args) == 0 || !slices.Contains([]string{"list", "set", "remove"}, args[0]) {
			return usageError("say what to do: list, set or remove")
		}
		lp, err := openL10n(ctx, src, args[1:])
		if err != nil {
			return err
		}
		defer lp.close()
		switch args[0] {
		case "list":
			if *asJSON {
				return writeJSON(e.stdout, nonNilGlossary(lp.bundle.Glossary))
			}
			return printGlossary(e.stdout, lp.bundle.Glossary)
		case "set":
			return setTerm(ctx, e, lp, f, fs)
		default:
			return removeTerm(ctx, e, lp, *f.term)
		}
	}
}

// setTerm adds a term or changes the fields the flags name; the others keep
// their values, so one command per locale builds up a term's translations.
func setTerm(ctx context.Context, e *env, lp *l10nProject, f termFlags, fs *flag.FlagSet) error {
	if *f.term == "" {
		return usageError("--term names the term to add or change")
	}
	t, _ := findTerm(lp.bundle.Glossary, *f.term)
	t.Term = *f.term
	given := map[string]bool{}
	fs.Visit(func(fl *flag.Flag) { given[fl.Name] = true })
	if given["translation"] {
		if err := setTermTranslation(lp.project, &t, *f.locale, *f.translation); err != nil {
			return err
		}
	}
	if given["note"] {
		t.Note = *f.note
	}
	if given["dnt"] {
		t.DoNotTranslate = *f.dnt
	}
	if err := t.Validate(); err != nil {
		return err
	}
	if err := lp.saveTerm(ctx, t); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "saved glossary term %q\n", t.Term)
	return nil
}

func setTermTranslation(p *authoring.Project, t *l10n.Term, locale, text string) error {
	loc, err := authoring.ParseLocale(locale)
	if err != nil {
		return usageError("--translation needs --locale, one of the project's target locales")
	}
	if !slices.Contains(p.TargetLocales, loc) {
		return authoring.Errorf(authoring.EINVALID, "%s is not a target locale of %q", loc, p.Title)
	}
	if t.Translations == nil {
		t.Translations = map[authoring.Locale]string{}
	}
	if text == "" {
		delete(t.Translations, loc)
	} else {
		t.Translations[loc] = text
	}
	return nil
}

func removeTerm(ctx context.Context, e *env, lp *l10nProject, term string) error {
	if term == "" {
		return usageError("--term names the term to remove")
	}
	if _, ok := findTerm(lp.bundle.Glossary, term); !ok {
		return authoring.Errorf(authoring.ENOTFOUND, "the glossary has no term %q", term)
	}
	if err := lp.writable(); err != nil {
		return err
	}
	if lp.store != nil {
		if err := lp.store.DeleteTerm(ctx, term); err != nil {
			return err
		}
	}
	lp.bundle.Glossary = slices.DeleteFunc(lp.bundle.Glossary, func(t l10n.Term) bool { return t.Term == term })
	if err := lp.saveDump(ctx); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "removed glossary term %q\n", term)
	return nil
}

func findTerm(g l10n.Glossary, term string) (l10n.Term, bool) {
	i := slices.IndexFunc(g, func(t l10n.Term) bool { return t.Term == term })
	if i < 0 {
		return l10n.Term{}, false
	}
	t := g[i]
	t.Translations = maps.Clone(t.Translations) // the bundle keeps its copy until saved
	return t, true
}

// saveTerm stores t: one transaction in a project file, a rewrite of the
// folder for a dump.
func (lp *l10nProject) saveTerm(ctx context.Context, t l10n.Term) error {
	if err := lp.writable(); err != nil {
		return err
	}
	if lp.store != nil {
		if err := lp.store.SaveTerm(ctx, t); err != nil {
			return err
		}
	}
	g := slices.DeleteFunc(lp.bundle.Glossary, func(old l10n.Term) bool { return old.Term == t.Term })
	lp.bundle.Glossary = append(g, t)
	lp.bundle.Glossary.Sort()
	return lp.saveDump(ctx)
}

func (lp *l10nProject) saveDump(ctx context.Context) error {
	if lp.store != nil {
		return nil
	}
	return jsondump.WriteBundle(ctx, lp.dir, lp.project, lp.media, lp.bundle)
}

func nonNilGlossary(g l10n.Glossary) l10n.Glossary {
	if g == nil {
		return l10n.Glossary{}
	}
	return g
}

func printGlossary(w io.Writer, g l10n.Glossary) error {
	if len(g) == 0 {
		_, err := fmt.Fprintln(w, "the glossary is empty: add a term with \"stacklet-cli glossary set --term ...\"")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "term\ttranslations\tnote")
	for _, t := range g {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", t.Term, termTranslations(t), t.Note)
	}
	return tw.Flush()
}

func termTranslations(t l10n.Term) string {
	if t.DoNotTranslate {
		return "(do not translate)"
	}
	parts := make([]string, 0, len(t.Translations))
	for loc, text := range t.Translations {
		parts = append(parts, fmt.Sprintf("%s: %s", loc, text))
	}
	sort.Strings(parts)
	return strings.Join(parts, "; ")
}

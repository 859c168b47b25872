package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/stacklet/stacklet/assets"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/jsondump"
	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/i18n/aitranslate"
)

func init() {
	register(command{name: "translate", summary: "machine-translate untranslated segments (OpenAI-compatible endpoint, or pseudo-localisation offline)",
		usage: "PROJECT", setup: setupTranslate})
}

// translateFlags are the choices of one translate run.
type translateFlags struct {
	locales, module     string
	formality, audience string
	dryRun, verbose     bool
}

func setupTranslate(fs *flag.FlagSet) func(context.Context, *env, []string) error {
	src := addProjectFlags(fs)
	var f translateFlags
	fs.StringVar(&f.locales, "locale", "", "target locales, comma-separated (default: every target locale of the project)")
	fs.StringVar(&f.module, "module", "all", "module id, or all (all includes the project title and credentials)")
	fs.StringVar(&f.formality, "formality", "", "register for this run: formal or informal (default: the locale's stored style, see the style command)")
	fs.StringVar(&f.audience, "audience", "", "who reads the modules, for this run, e.g. \"warehouse staff\" (default: the stored style)")
	fs.BoolVar(&f.dryRun, "dry-run", false, "show what would be sent and how many requests, send nothing")
	fs.BoolVar(&f.verbose, "v", false, "with --dry-run: print every request's messages in full")
	return func(ctx context.Context, e *env, args []string) error {
		lp, err := openL10n(ctx, src, args)
		if err != nil {
			return err
		}
		defer lp.close()
		return runTranslate(ctx, e, lp, f)
	}
}

func runTranslate(ctx context.Context, e *env, lp *l10nProject, f translateFlags) error {
	locales, err := targetLocales(lp.project, f.locales)
	if err != nil {
		return err
	}
	segs, err := segmentsOf(ctx, lp.loaded, f.module)
	if err != nil {
		return err
	}
	engine, err := aitranslate.New(aitranslate.Config{}.FromEnv(os.Getenv))
	if err != nil {
		return err
	}
	if !f.dryRun {
		if err := lp.writable(); err != nil {
			return err
		}
	}
	style := l10n.Style{Formality: l10n.Formality(f.formality), Audience: f.audience}.Trimmed()
	if err := style.Validate(); err != nil {
		return usageError(authoring.ErrorMessage(err))
	}
	run := &translateRun{e: e, lp: lp, engine: engine, segs: segs, f: f, style: style}
	for _, loc := range locales {
		if err := run.locale(ctx, loc); err != nil {
			return err
		}
	}
	return nil
}

// translateRun is one translate command over its locales.
type translateRun struct {
	e      *env
	lp     *l10nProject
	engine *aitranslate.Engine
	segs   []l10n.Segment
	style  l10n.Style // the flags' choices, over each locale's stored style
	f      translateFlags
}

// locale translates one locale and saves what was finished, even when the
// run stopped early.
func (r *translateRun) locale(ctx context.Context, loc authoring.Locale) error {
	req, kept := buildRequest(r.lp, loc, r.segs, r.lp.bundle.Styles[loc].Override(r.style))
	if r.f.dryRun {
		plan, err := r.engine.Plan(req)
		if err != nil {
			return err
		}
		printPlan(r.e.stdout, loc, plan, kept, r.f.verbose)
		return nil
	}
	bar := &translateBar{e: r.e}
	req.Progress = bar.update
	rep, runErr := r.engine.Translate(ctx, req)
	bar.finish()
	if rep == nil {
		return runErr
	}
	saved := machineTranslations(rep, r.segs, time.Now())
	// Finished work is saved even when the run was canceled.
	if err := r.lp.save(context.WithoutCancel(ctx), loc, saved); err != nil {
		return err
	}
	printReport(r.e.stdout, rep, kept)
	printStatus(r.e.stdout, loc, r.segs, r.lp.bundle.Translations[loc])
	return runErr
}

// buildRequest lists the segments that need a model in loc: untranslated
// ones and those whose machine translation went stale. A stale translation
// a person wrote is kept for review, not overwritten; kept counts them.
func buildRequest(lp *l10nProject, loc authoring.Locale, segs []l10n.Segment, style l10n.Style) (aitranslate.Request, int) {
	p := lp.project
	req := aitranslate.Request{SourceLocale: p.SourceLocale, TargetLocale: loc, Style: style, Modules: map[string]string{}}
	tr := lp.bundle.Translations[loc]
	kept := 0
	for _, s := range segs {
		t, ok := tr[s.ID]
		switch {
		case ok && t.State != l10n.Untranslated && !t.Stale(s):
			continue
		case ok && t.Stale(s) && t.State != l10n.Machine:
			kept++
			continue
		}
		req.Segments = append(req.Segments, aitranslate.Segment{ID: s.ID, Source: s.Source, Note: segmentNote(s), Module: s.ModuleID})
	}
	for _, m := range p.Modules {
		req.Modules[m.ID] = strings.TrimSpace(fmt.Sprintf("%q, a module of the course %q. %s", m.Title, p.Title, m.Description))
	}
	req.Glossary = glossaryFor(lp.bundle.Glossary, loc)
	memory := l10n.NewMemory(lp.bundle.Translations)
	req.Memory = func(s aitranslate.Segment) (string, bool) {
		t, ok := memory.Lookup(loc, s.Source)
		return t.Target, ok
	}
	return req, kept
}

func segmentNote(s l10n.Segment) string {
	if s.MaxLen > 0 {
		return fmt.Sprintf("%s (at most %d characters)", s.Context, s.MaxLen)
	}
	return s.Context
}

// glossaryFor returns the terms that say something for loc.
func glossaryFor(g l10n.Glossary, loc authoring.Locale) []aitranslate.Term {
	var out []aitranslate.Term
	for _, t := range g {
		target := t.Translations[loc]
		if target == "" && !t.DoNotTranslate {
			continue
		}
		out = append(out, aitranslate.Term{Source: t.Term, Target: target, DoNotTranslate: t.DoNotTranslate, Note: t.Note})
	}
	return out
}

// machineTranslations turns finished results into translations to save.
// Model output is "machine", never approved; a memory match is "edited"
// because it was approved for another place and a person should confirm it
// fits here.
func machineTranslations(rep *aitranslate.Report, segs []l10n.Segment, at time.Time) []l10n.Translation {
	byID := make(map[string]l10n.Segment, len(segs))
	for _, s := range segs {
		byID[s.ID] = s
	}
	var out []l10n.Translation
	for _, r := range rep.Results {
		switch r.Outcome {
		case aitranslate.Machine:
			out = append(out, l10n.NewTranslation(byID[r.ID], r.Target, l10n.Machine, "model:"+rep.Model, at))
		case aitranslate.Memory:
			out = append(out, l10n.NewTranslation(byID[r.ID], r.Target, l10n.Edited, "memory", at))
		}
	}
	return out
}

// targetLocales reads --locale: locales the project translates into.
func targetLocales(p *authoring.Project, list string) ([]authoring.Locale, error) {
	if list == "" {
		if len(p.TargetLocales) == 0 {
			return nil, authoring.Errorf(authoring.EINVALID, "project %q has no target locales: add one in the project settings", p.Title)
		}
		return p.TargetLocales, nil
	}
	var out []authoring.Locale
	for _, name := range splitList(list) {
		loc, err := authoring.ParseLocale(name)
		if err != nil {
			return nil, err
		}
		if !hasLocale(p.TargetLocales, loc) {
			return nil, authoring.Errorf(authoring.EINVALID, "%s is not a target locale of project %q: add it in the project settings", loc, p.Title)
		}
		out = append(out, loc)
	}
	return out, nil
}

func hasLocale(list []authoring.Locale, l authoring.Locale) bool {
	for _, x := range list {
		if x == l {
			return true
		}
	}
	return false
}

// segmentsOf returns the project's segments, or one module's, caption
// cues included.
func segmentsOf(ctx context.Context, l *loaded, module string) ([]l10n.Segment, error) {
	caps, err := captionsOf(ctx, l, module)
	if err != nil {
		return nil, err
	}
	if module == "all" || module == "" {
		return l10n.ProjectSegments(l.project, caps), nil
	}
	m, err := l.project.Module(module)
	if err != nil {
		return nil, err
	}
	return l10n.ModuleSegments(m, caps), nil
}

// captionsOf reads the caption tracks of module, or of every module for
// "all": their cues are segments too.
func captionsOf(ctx context.Context, l *loaded, module string) (l10n.Captions, error) {
	if module == "all" || module == "" {
		return l10n.LoadCaptions(ctx, l.project, l.media)
	}
	m, err := l.project.Module(module)
	if err != nil {
		return nil, err
	}
	return l10n.LoadModuleCaptions(ctx, l.project, m, l.media)
}

// l10nProject is an opened project with its translations and glossary.
type l10nProject struct {
	*loaded
	bundle *l10n.Bundle
	store  l10n.Store // set for a .stacklet file
	dir    string     // set for a dump folder
}

// openL10n opens the project named by args (or --sample) with its bundle.
func openL10n(ctx context.Context, src projectSource, args []string) (*l10nProject, error) {
	l, rest, err := src.open(ctx, args)
	if err != nil {
		return nil, err
	}
	if len(rest) > 0 {
		l.close()
		return nil, usageError(fmt.Sprintf("unexpected argument %q", rest[0]))
	}
	lp := &l10nProject{loaded: l}
	switch store, ok := l.media.(l10n.Store); {
	case *src.sample:
		lp.bundle, err = jsondump.ReadBundleFS(assets.SampleFS(), l.project)
	case ok:
		lp.store = store
		lp.bundle, err = store.LoadL10n(ctx)
	default:
		lp.dir = args[0]
		lp.bundle, err = jsondump.ReadBundle(lp.dir, l.project)
	}
	if err != nil {
		l.close()
		return nil, err
	}
	if lp.bundle.Translations == nil {
		lp.bundle.Translations = map[authoring.Locale]l10n.Translations{}
	}
	return lp, nil
}

func (lp *l10nProject) writable() error {
	if lp.store == nil && lp.dir == "" {
		return errSampleReadOnly()
	}
	return nil
}

func errSampleReadOnly() error {
	return authoring.Errorf(authoring.EINVALID, "the bundled sample is read-only: import it into a project file first (stacklet-cli import --sample FILE.stacklet)")
}

// save stores ts in loc: one transaction in a project file, a rewrite of
// the folder (swapped in whole) for a dump.
func (lp *l10nProject) save(ctx context.Context, loc authoring.Locale, ts []l10n.Translation) error {
	if len(ts) == 0 {
		return nil
	}
	if lp.store != nil {
		if err := lp.store.SaveTranslations(ctx, loc, ts); err != nil {
			return err
		}
	}
	tr := lp.bundle.Translations[loc]
	if tr == nil {
		tr = l10n.Translations{}
		lp.bundle.Translations[loc] = tr
	}
	for _, t := range ts {
		t.Comments = tr[t.ID].Comments
		tr[t.ID] = t
	}
	if lp.store == nil {
		return jsondump.WriteBundle(ctx, lp.dir, lp.project, lp.media, lp.bundle)
	}
	return nil
}

// translateBar draws one locale's progress on stderr.
type translateBar struct {
	e    *env
	last int
}

func (b *translateBar) update(p aitranslate.Progress) {
	if p.Total == 0 || p.Done == b.last {
		return
	}
	b.last = p.Done
	if !b.e.isTerminal {
		fmt.Fprintf(b.e.stderr, "[%d/%d] %s\n", p.Done, p.Total, p.Locale)
		return
	}
	filled := barWidth * p.Done / p.Total
	fmt.Fprintf(b.e.stderr, "\r\033[K[%s%s] %d/%d %s", strings.Repeat("#", filled),
		strings.Repeat(" ", barWidth-filled), p.Done, p.Total, p.Locale)
}

func (b *translateBar) finish() {
	if b.last > 0 && b.e.isTerminal {
		fmt.Fprintln(b.e.stderr)
	}
}

func printPlan(w io.Writer, loc authoring.Locale, plan *aitranslate.Plan, kept int, verbose bool) {
	segs := 0
	for _, r := range plan.Requests {
		segs += len(r.IDs)
	}
	fmt.Fprintf(w, "%s: would send %d segments in %d requests to %s (%d from memory, %d blank, %d stale kept for review)\n",
		loc, segs, len(plan.Requests), plan.Model, plan.Memory, plan.Skipped, kept)
	for i, r := range plan.Requests {
		fmt.Fprintf(w, "  request %d: %d segments, %d characters, %d glossary terms: %s\n",
			i+1, len(r.IDs), r.Chars, r.Terms, strings.Join(r.IDs, " "))
		if verbose {
			fmt.Fprintf(w, "    system: %s\n    user: %s\n", strings.ReplaceAll(r.System, "\n", "\n      "), r.User)
		}
	}
}

func printReport(w io.Writer, rep *aitranslate.Report, kept int) {
	t := rep.Tally
	var counts []string
	for _, o := range aitranslate.Outcomes {
		if n := t.Segments[o]; n > 0 {
			counts = append(counts, fmt.Sprintf("%d %s", n, o))
		}
	}
	if len(counts) == 0 {
		counts = append(counts, "nothing to translate")
	}
	fmt.Fprintf(w, "%s: %s · %d requests (%d retries) · %d prompt + %d completion tokens · %s\n",
		rep.Locale, strings.Join(counts, ", "), t.Requests, t.Retries, t.PromptTokens, t.CompletionTokens, rep.Model)
	if kept > 0 {
		fmt.Fprintf(w, "  %d stale translations written by people were kept for review\n", kept)
	}
	if len(rep.Unknown) > 0 {
		fmt.Fprintf(w, "  the model answered ids it was not asked for (ignored): %s\n", strings.Join(rep.Unknown, " "))
	}
	for _, r := range rep.Results {
		if r.Err != nil && r.Outcome != aitranslate.Skipped && r.Outcome != aitranslate.Canceled {
			fmt.Fprintf(w, "  %s %s: %s\n", r.Outcome, r.ID, authoring.ErrorMessage(r.Err))
		}
	}
}

func printStatus(w io.Writer, loc authoring.Locale, segs []l10n.Segment, tr l10n.Translations) {
	st := l10n.StatusOf(loc, segs, tr)
	fmt.Fprintf(w, "%s now: %d untranslated · %d machine · %d edited · %d approved · %d stale (of %d)\n",
		loc, st.Untranslated, st.Machine, st.Edited, st.Approved, st.Stale, st.Total)
}

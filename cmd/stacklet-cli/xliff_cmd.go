package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
	"github.com/stacklet/stacklet/i18n/xliff"
)

func init() {
	register(command{name: "xliff", summary: "export and import XLIFF 1.2 files for translation tools",
		usage: "export PROJECT --locale L [-o FILE] | import PROJECT FILE...", setup: setupXLIFF})
}

func setupXLIFF(fs *flag.FlagSet) func(context.Context, *env, []string) error {
	src := addProjectFlags(fs)
	locale := fs.String("locale", "", "export: the target locale")
	module := fs.String("module", "all", "export: module id, or all (all includes the project title and credentials)")
	out := fs.String("o", "-", "export: output file, - for standard output")
	return func(ctx context.Context, e *env, args []string) error {
		if len(args) == 0 || (args[0] != "export" && args[0] != "import") {
			return usageError("name a subcommand: export or import")
		}
		if args[0] == "export" {
			return xliffExport(ctx, e, src, args[1:], *locale, *module, *out)
		}
		return xliffImport(ctx, e, src, args[1:])
	}
}

func xliffExport(ctx context.Context, e *env, src projectSource, args []string, locale, module, out string) error {
	if locale == "" {
		return usageError("name the target locale with --locale")
	}
	lp, err := openL10n(ctx, src, args)
	if err != nil {
		return err
	}
	defer lp.close()
	locs, err := targetLocales(lp.project, locale)
	if err != nil {
		return err
	}
	if len(locs) != 1 {
		return usageError("--locale names one locale per file")
	}
	segs, err := segmentsOf(ctx, lp.loaded, module)
	if err != nil {
		return err
	}
	doc := xliff.Build(lp.project.SourceLocale, locs[0], segs, lp.bundle.Translations[locs[0]])
	var buf bytes.Buffer
	if err := xliff.Write(&buf, doc); err != nil {
		return err
	}
	if out == "-" {
		_, err := e.stdout.Write(buf.Bytes())
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return authoring.Errorf(authoring.EINVALID, "cannot write %s: %v", out, err)
	}
	fmt.Fprintf(e.stderr, "wrote %d segments in %d files for %s to %s\n", len(segs), len(doc.Files), locs[0], out)
	return nil
}

func xliffImport(ctx context.Context, e *env, src projectSource, args []string) error {
	if *src.sample {
		return errSampleReadOnly()
	}
	if len(args) < 2 {
		return usageError("name the project and at least one XLIFF file")
	}
	lp, err := openL10n(ctx, src, args[:1])
	if err != nil {
		return err
	}
	defer lp.close()
	if err := lp.writable(); err != nil {
		return err
	}
	all, err := segmentsOf(ctx, lp.loaded, "all")
	if err != nil {
		return err
	}
	segs := map[string]l10n.Segment{}
	for _, s := range all {
		segs[s.ID] = s
	}
	// Every document is read and every <file> checked first, so that a
	// refusal leaves the project as it was.
	paths := args[1:]
	docs := make([]*xliff.Document, len(paths))
	for i, path := range paths {
		if docs[i], err = readXLIFF(path); err != nil {
			return err
		}
		for j := range docs[i].Files {
			if err := checkFileLocales(lp.project, &docs[i].Files[j], path); err != nil {
				return err
			}
		}
	}
	for i, path := range paths {
		if err := importDoc(ctx, e.stdout, lp, segs, path, docs[i]); err != nil {
			return err
		}
	}
	return nil
}

// importDoc applies one checked XLIFF document: every applicable unit is
// written as edited; stale, unknown and invalid units are reported, not
// applied.
func importDoc(ctx context.Context, w io.Writer, lp *l10nProject, segs map[string]l10n.Segment, path string, doc *xliff.Document) error {
	by := "xliff:" + filepath.Base(path)
	for i := range doc.Files {
		f := &doc.Files[i]
		decisions := xliff.Plan(f, segs, lp.bundle.Translations[f.TargetLanguage])
		var ts []l10n.Translation
		for _, d := range decisions {
			if d.Action == xliff.Apply {
				ts = append(ts, l10n.NewTranslation(segs[d.ID], d.Target, l10n.Edited, by, time.Now()))
			}
		}
		if err := lp.save(ctx, f.TargetLanguage, ts); err != nil {
			return err
		}
		printImport(w, path, f, decisions)
	}
	return nil
}

func readXLIFF(path string) (*xliff.Document, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, authoring.Errorf(authoring.ENOTFOUND, "XLIFF file %s not found", path)
	}
	defer fh.Close()
	doc, err := xliff.Read(fh)
	if err != nil {
		return nil, authoring.Errorf(authoring.ErrorCode(err), "%s: %s", path, authoring.ErrorMessage(err))
	}
	return doc, nil
}

func checkFileLocales(p *authoring.Project, f *xliff.File, path string) error {
	if f.SourceLanguage != p.SourceLocale {
		return authoring.Errorf(authoring.EINVALID, "%s: file %q translates from %s, but the project is written in %s",
			path, f.Original, f.SourceLanguage, p.SourceLocale)
	}
	if !hasLocale(p.TargetLocales, f.TargetLanguage) {
		return authoring.Errorf(authoring.EINVALID, "%s: %s is not a target locale of project %q: add it in the project settings",
			path, f.TargetLanguage, p.Title)
	}
	return nil
}

func printImport(w io.Writer, path string, f *xliff.File, decisions []xliff.Decision) {
	count := map[xliff.Action]int{}
	for _, d := range decisions {
		count[d.Action]++
	}
	fmt.Fprintf(w, "%s (%s, %s): %d applied, %d unchanged, %d without target, %d skipped-stale, %d errors\n",
		path, f.Original, f.TargetLanguage, count[xliff.Apply], count[xliff.Unchanged], count[xliff.Empty],
		count[xliff.Stale], count[xliff.Unknown]+count[xliff.Invalid])
	for _, d := range decisions {
		if d.Err != nil {
			fmt.Fprintf(w, "  %s: %s\n", d.Action, authoring.ErrorMessage(d.Err))
		}
	}
}

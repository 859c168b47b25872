package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/export"
	"github.com/stacklet/stacklet/export/preview"
)

func init() {
	register(command{name: "preview", summary: "serve a package on 127.0.0.1 with an LMS simulator showing live tracking",
		usage: "PACKAGE.zip | PROJECT", setup: setupPreview})
}

func setupPreview(fs *flag.FlagSet) func(context.Context, *env, []string) error {
	src := addProjectFlags(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (loopback only)")
	format := fs.String("format", "scorm2004", "format to build when previewing a project")
	module := fs.String("module", "", "module to build when previewing a project (default: the first)")
	return func(ctx context.Context, e *env, args []string) error {
		if !strings.HasPrefix(*addr, "127.0.0.1:") && !strings.HasPrefix(*addr, "localhost:") {
			return usageError("--addr must be on 127.0.0.1: previews are not for the network")
		}
		pkg, opts, cleanup, err := previewPackage(ctx, src, args, *format, *module)
		if err != nil {
			return err
		}
		defer cleanup()
		return preview.Serve(ctx, *addr, preview.Handler(pkg, opts), func(url string) {
			fmt.Fprintf(e.stdout, "previewing %q (%s) at %s\npress Ctrl+C to stop\n", opts.Title, opts.Format, url)
		})
	}
}

// previewPackage opens a package zip or builds one from a project.
func previewPackage(ctx context.Context, src projectSource, args []string, format, module string) (fs.FS, preview.Options, func(), error) {
	if !*src.sample && len(args) == 1 && strings.HasSuffix(strings.ToLower(args[0]), ".zip") {
		return zipPackage(args[0])
	}
	l, _, err := src.open(ctx, args)
	if err != nil {
		return nil, preview.Options{}, nil, err
	}
	defer l.close()
	f, err := authoring.ParseFormat(format)
	if err != nil {
		return nil, preview.Options{}, nil, err
	}
	if module == "" && len(l.project.Modules) > 0 {
		module = l.project.Modules[0].ID
	}
	files, err := export.Build(ctx, export.Job{Project: l.project, ModuleID: module, Format: f, Media: l.media})
	if err != nil {
		return nil, preview.Options{}, nil, err
	}
	dir, err := os.MkdirTemp("", "stacklet-preview-")
	if err != nil {
		return nil, preview.Options{}, nil, err
	}
	cleanup := func() { os.RemoveAll(dir) }
	for _, file := range files {
		path := filepath.Join(dir, filepath.FromSlash(file.Name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err == nil {
			err = os.WriteFile(path, file.Data, 0o644)
		}
		if err != nil {
			cleanup()
			return nil, preview.Options{}, nil, err
		}
	}
	m, _ := l.project.Module(module)
	return os.DirFS(dir), preview.Options{Format: f, Title: m.Title, Launch: export.Launch}, cleanup, nil
}

func zipPackage(path string) (fs.FS, preview.Options, func(), error) {
	pkg, closer, err := preview.ZipFS(path)
	if err != nil {
		return nil, preview.Options{}, nil, authoring.Errorf(authoring.ECORRUPT, "%s is not a readable zip package: %v", path, err)
	}
	opts := preview.Options{Format: detectFormat(pkg), Title: filepath.Base(path), Launch: export.Launch}
	return pkg, opts, func() { closer.Close() }, nil
}

// detectFormat reads the manifest's schemaversion; no manifest means web.
func detectFormat(pkg fs.FS) authoring.Format {
	f, err := pkg.Open("imsmanifest.xml")
	if err != nil {
		return authoring.FormatWeb
	}
	defer f.Close()
	data, _ := io.ReadAll(io.LimitReader(f, 1<<20))
	if bytes.Contains(data, []byte("<schemaversion>1.2</schemaversion>")) {
		return authoring.FormatSCORM12
	}
	return authoring.FormatSCORM2004
}

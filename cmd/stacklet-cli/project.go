package main

import (
	"context"
	"flag"
	"os"
	"strings"

	"github.com/stacklet/stacklet/assets"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/jsondump"
	"github.com/stacklet/stacklet/authoring/sqlite"
)

// projectSource names where a command reads a project from: a .stacklet
// file, a dump folder, or the bundled sample.
type projectSource struct{ sample *bool }

func addProjectFlags(fs *flag.FlagSet) projectSource {
	return projectSource{sample: fs.Bool("sample", false, "read the bundled sample project instead of a file or dump folder named as the first argument")}
}

// loaded is an opened project and where its media bytes come from.
type loaded struct {
	project *authoring.Project
	media   authoring.MediaSource
	close   func() error
}

// open reads the project named by --sample or by the first argument and
// returns the remaining arguments.
func (s projectSource) open(ctx context.Context, args []string) (*loaded, []string, error) {
	if *s.sample {
		p, media, err := jsondump.ReadFS(assets.SampleFS())
		return &loaded{p, media, noClose}, args, err
	}
	if len(args) == 0 {
		return nil, nil, usageError("name a project (.stacklet file or dump folder) or use --sample")
	}
	l, err := openPath(ctx, args[0])
	return l, args[1:], err
}

func openPath(ctx context.Context, path string) (*loaded, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, authoring.Errorf(authoring.ENOTFOUND, "project %s not found", path)
	}
	if st.IsDir() {
		p, media, err := jsondump.Read(path)
		return &loaded{p, media, noClose}, err
	}
	store, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	p, err := store.Load(ctx)
	if err != nil {
		store.Close()
		return nil, err
	}
	return &loaded{p, store, store.Close}, nil
}

func noClose() error { return nil }

// splitList reads a comma-separated flag value.
func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

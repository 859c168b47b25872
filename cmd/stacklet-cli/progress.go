package main

import (
	"fmt"
	"strings"

	"github.com/stacklet/stacklet/export"
)

// progressBar draws batch progress on stderr: a redrawn bar on a terminal,
// one line per package otherwise (CI logs), nothing for --json or one job.
type progressBar struct {
	e     *env
	total int
	quiet bool
}

func newProgressBar(e *env, total int, quiet bool) *progressBar {
	return &progressBar{e: e, total: total, quiet: quiet || total < 2}
}

const barWidth = 30

func (b *progressBar) update(p export.Progress) {
	if b.quiet {
		return
	}
	label := fmt.Sprintf("%s (%s)", p.Job.ModuleID, p.Job.Format)
	if !b.e.isTerminal {
		fmt.Fprintf(b.e.stderr, "[%d/%d] %s\n", p.Done, p.Total, label)
		return
	}
	filled := barWidth * p.Done / p.Total
	fmt.Fprintf(b.e.stderr, "\r\033[K[%s%s] %d/%d %s", strings.Repeat("#", filled),
		strings.Repeat(" ", barWidth-filled), p.Done, p.Total, label)
}

func (b *progressBar) finish() {
	if !b.quiet && b.e.isTerminal {
		fmt.Fprintln(b.e.stderr)
	}
}

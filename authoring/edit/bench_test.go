package edit_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/authoringtest"
	"github.com/stacklet/stacklet/authoring/edit"
	"github.com/stacklet/stacklet/authoring/sqlite"
)

// bigProject writes a project of modules x blocks (every kind, padded with
// text blocks) and returns its path.
func bigProject(b *testing.B, modules, blocks int) string {
	b.Helper()
	p, media := authoringtest.Project()
	base := p.Modules[0]
	p.Modules = nil
	for i := range modules {
		m := base
		m.ID = fmt.Sprintf("module-%03d", i)
		m.Title = fmt.Sprintf("Module %d", i+1)
		m.Blocks = slices.Clone(base.Blocks)
		for j := len(m.Blocks); j < blocks; j++ {
			m.Blocks = append(m.Blocks, authoring.Block{ID: fmt.Sprintf("extra-%d", j),
				Content: &authoring.Text{Body: "Some **rich** text that makes a block of an ordinary size, with a [link](https://example.org)."}})
		}
		p.Modules = append(p.Modules, m)
	}
	path := filepath.Join(b.TempDir(), "big.stacklet")
	st, err := sqlite.Create(ctx, path, p)
	if err != nil {
		b.Fatal(err)
	}
	if err := st.Replace(ctx, p, media); err != nil {
		b.Fatal(err)
	}
	if err := st.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

// openForEditing is what the app does before it shows a project: open the
// file, load it, start a session, and build the sidebar (every module with
// its block count) and the outline and problems of the first module.
func openForEditing(b *testing.B, path string) (*edit.Session, int) {
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	p, err := st.Load(ctx)
	if err != nil {
		b.Fatal(err)
	}
	s := edit.New(p, st, edit.Options{})
	rows := 0
	for i := range p.Modules {
		rows += len(edit.Outline(p, &p.Modules[i]))
	}
	_ = p.Validate(&p.Modules[0])
	return s, rows
}

// BenchmarkOpenLargeProject opens 200 modules x 50 blocks and builds every
// outline row; the target is under 500 ms and 300 MB resident.
func BenchmarkOpenLargeProject(b *testing.B) {
	path := bigProject(b, 200, 50)
	var peak uint64
	for b.Loop() {
		s, rows := openForEditing(b, path)
		if rows != 200*50 {
			b.Fatalf("%d outline rows, want %d", rows, 200*50)
		}
		peak = max(peak, residentBytes())
		s.Close()
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapSys)/(1<<20), "heap-MB")
	b.ReportMetric(float64(peak)/(1<<20), "rss-MB")
}

// residentBytes is the process's resident set from /proc (Linux), else the
// memory the Go runtime holds from the system.
func residentBytes() uint64 {
	if data, err := os.ReadFile("/proc/self/statm"); err == nil {
		if f := strings.Fields(string(data)); len(f) > 1 {
			if pages, err := strconv.ParseUint(f[1], 10, 64); err == nil {
				return pages * uint64(os.Getpagesize())
			}
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.Sys
}

// BenchmarkKeystroke measures what one keystroke in a text block costs the
// caller (ns/op: the UI goroutine's share) and how long until it is
// committed to disk by the writer on its own (to-disk-ms, with the default
// save delay) and when flushed at once (flushed-ms).
func BenchmarkKeystroke(b *testing.B) {
	s, _ := mustSession(b, edit.Options{})
	written := make(chan time.Time, 1)
	edit.OnWritten(s, func(_ string, at time.Time) {
		select {
		case written <- at:
		default:
		}
	})
	body := strings.Repeat("A sentence of a paragraph in a text block. ", 20)
	keystroke := func(i int) {
		err := s.EditBlock(moduleID, "text-a", edit.Typing("body"), func(c authoring.Content) {
			c.(*authoring.Text).Body = body + strconv.Itoa(i)
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	var caller, toDisk, flushed time.Duration
	n := 0
	for b.Loop() {
		n++
		start := time.Now()
		keystroke(n)
		caller += time.Since(start)
		toDisk += (<-written).Sub(start)

		start = time.Now()
		keystroke(-n)
		if err := s.Flush(); err != nil {
			b.Fatal(err)
		}
		flushed += time.Since(start)
		<-written
	}
	b.ReportMetric(float64(caller.Nanoseconds())/float64(n), "caller-ns/key")
	b.ReportMetric(toDisk.Seconds()*1000/float64(n), "to-disk-ms")
	b.ReportMetric(flushed.Seconds()*1000/float64(n), "flushed-ms")
}

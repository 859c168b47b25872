package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/authoringtest"
	"github.com/stacklet/stacklet/authoring/sqlite"
)

// BenchmarkOpenLargeProjectWindow opens a project of 200 modules x 50
// blocks in the window, up to the outline and problems of the first module
// on screen. Targets: under 500 ms, under 300 MB resident.
func BenchmarkOpenLargeProjectWindow(b *testing.B) {
	path := writeBigProject(b, 200, 50)
	fa := test.NewTempApp(b)
	a := New(fa, Options{Language: "en"})
	a.Window().Resize(fyne.NewSize(1280, 820))
	var peak uint64
	for b.Loop() {
		a.OpenProject(path)
		if a.project == nil || len(a.project.outline.Rows()) != 50 {
			b.Fatal("the outline of the first module is not on show")
		}
		peak = max(peak, resident())
		a.closeProject()
	}
	b.ReportMetric(float64(peak)/(1<<20), "rss-MB")
}

func writeBigProject(b *testing.B, modules, blocks int) string {
	p, media := authoringtest.Project()
	base := p.Modules[0]
	p.Modules = nil
	for i := range modules {
		m := base
		m.ID, m.Title = fmt.Sprintf("module-%03d", i), fmt.Sprintf("Module %d", i+1)
		m.Blocks = slices.Clone(base.Blocks)
		for j := len(m.Blocks); j < blocks; j++ {
			m.Blocks = append(m.Blocks, authoring.Block{ID: fmt.Sprintf("extra-%d", j),
				Content: &authoring.Text{Body: "Some **rich** text of an ordinary size, with a [link](https://example.org)."}})
		}
		p.Modules = append(p.Modules, m)
	}
	path := filepath.Join(b.TempDir(), "big.stacklet")
	ctx := context.Background()
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

// resident is the process's resident set (Linux), else what Go holds.
func resident() uint64 {
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

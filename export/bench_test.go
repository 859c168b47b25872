package export_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/export"
	"github.com/stacklet/stacklet/export/archive"
	"github.com/stacklet/stacklet/export/media"
)

// BenchmarkExportModule builds the sample's largest module as a SCORM 2004 zip
// with media already processed (target: under 25 ms).
func BenchmarkExportModule(b *testing.B) {
	p, src := sample(b)
	id := largest(p)
	proc := media.NewProcessor()
	job := export.Job{Project: p, ModuleID: id, Format: authoring.FormatSCORM2004, Media: src, Processor: proc}
	if _, err := export.Build(context.Background(), job); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		files, err := export.Build(context.Background(), job)
		if err != nil {
			b.Fatal(err)
		}
		if err := archive.Write(discard{}, files); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExportBatch100 writes 100 modules (copies of the sample's) to disk.
func BenchmarkExportBatch100(b *testing.B) {
	p, src := sample(b)
	base := p.Modules
	var jobs []export.Job
	for i := 0; len(p.Modules) < 100; i++ {
		m := base[i%len(base)]
		m.ID = fmt.Sprintf("%s-%d", m.ID, i)
		p.Modules = append(p.Modules, m)
	}
	for _, m := range p.Modules {
		jobs = append(jobs, export.Job{Project: p, ModuleID: m.ID, Format: authoring.FormatSCORM2004, Media: src})
	}
	for b.Loop() {
		for _, r := range export.WriteAll(context.Background(), jobs, b.TempDir(), nil) {
			if r.Err != nil {
				b.Fatal(r.Err)
			}
		}
	}
}

func largest(p *authoring.Project) string {
	best := p.Modules[0]
	for _, m := range p.Modules {
		if len(m.Blocks) > len(best.Blocks) {
			best = m
		}
	}
	return best.ID
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

package export_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/export"
)

// TestEveryPackageCarriesTheCredential: each format of each module of the
// sample holds the credential files, the player links to the summary page,
// and SCORM manifests list the files as their own resource.
func TestEveryPackageCarriesTheCredential(t *testing.T) {
	p, media := sample(t)
	for _, m := range p.Modules {
		for _, f := range authoring.Formats {
			t.Run(m.ID+"/"+string(f), func(t *testing.T) {
				files := build(t, p, media, m.ID, f)
				for _, name := range []string{"credential/index.html", "credential/achievement.json",
					"credential/microcredential.jsonld", "credential/context.json", "credential/badge.svg"} {
					if file(files, name) == nil {
						t.Errorf("no %s", name)
					}
				}
				page := file(files, export.Launch)
				if !bytes.Contains(page, []byte(`href="credential/index.html"`)) || !bytes.Contains(page, []byte("What you earn")) {
					t.Error("the player does not show what the learner earns")
				}
				if man := file(files, "imsmanifest.xml"); man != nil && !bytes.Contains(man, []byte(`adlcp:scorm`)) {
					t.Error("manifest without SCORM resources")
				}
				if man := file(files, "imsmanifest.xml"); man != nil && !strings.Contains(strings.ToLower(string(man)), `scormtype="asset" href="credential/index.html"`) {
					t.Error("manifest lacks the credential resource")
				}
			})
		}
	}
}

func TestEUIncompleteCredentialRefusesExport(t *testing.T) {
	p, media := sample(t)
	p.Credentials[0].Participation = ""
	_, err := export.Build(context.Background(), export.Job{Project: p, ModuleID: p.Modules[0].ID, Format: authoring.FormatSCORM12, Media: media})
	if authoring.ErrorCode(err) != authoring.EINVALID {
		t.Fatalf("code %q: %v", authoring.ErrorCode(err), err)
	}
	p.Credentials[0].EUCompliant = false
	if _, err := export.Build(context.Background(), export.Job{Project: p, ModuleID: p.Modules[0].ID, Format: authoring.FormatSCORM12, Media: media}); err != nil {
		t.Errorf("not declared EU-compliant, the export should go ahead: %v", err)
	}
}

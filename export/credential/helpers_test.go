package credential_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/piprate/json-gold/ld"

	"github.com/stacklet/stacklet/assets"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/jsondump"
	"github.com/stacklet/stacklet/export/credential"
	"github.com/stacklet/stacklet/internal/testenv"
)

const sampleModule = "what-is-a-micro-credential"

// sample returns the bundled sample project: its one credential is complete
// and declared EU-compliant.
func sample(t *testing.T) (*authoring.Project, authoring.MediaSource) {
	t.Helper()
	p, media, err := jsondump.ReadFS(assets.SampleFS())
	if err != nil {
		t.Fatal(err)
	}
	return p, media
}

// sampleFiles builds the credential files of the sample's first module.
func sampleFiles(t *testing.T, locale authoring.Locale) map[string][]byte {
	t.Helper()
	p, media := sample(t)
	files, _, err := credential.Files(context.Background(), credential.Module{Project: p, ModuleID: sampleModule, Locale: locale, Media: media})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		out[f.Name] = f.Data
	}
	return out
}

func decode(t *testing.T, data []byte) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, data)
	}
	return doc
}

// localLoader serves JSON-LD contexts from local files and Stacklet's own
// context from memory; any other URL fails, so a test can never pass by
// fetching something.
type localLoader map[string][]byte

func (l localLoader) LoadDocument(url string) (*ld.RemoteDocument, error) {
	data, ok := l[url]
	if !ok {
		return nil, ld.NewJsonLdError(ld.LoadingDocumentFailed, "no local copy of "+url)
	}
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	return &ld.RemoteDocument{DocumentURL: url, Document: doc}, nil
}

func readStandard(t *testing.T, rel string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testenv.Standards(t), rel))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// obLoader knows the VC 2.0 and Open Badges 3.0 contexts from the standards
// folder and Stacklet's context.
func obLoader(t *testing.T) localLoader {
	return localLoader{
		credential.CredentialsV2URL: readStandard(t, "openbadges3/credentials-v2.jsonld"),
		credential.OpenBadgesURL:    readStandard(t, "openbadges3/context-3.0.3.json"),
		credential.ContextURL:       credential.Context(),
	}
}

// expandSafe expands doc in safe mode: a property no context defines is an
// error instead of being dropped in silence.
func expandSafe(t *testing.T, doc any, loader ld.DocumentLoader) []any {
	t.Helper()
	out, err := ldProcessor().Expand(doc, ldOptions(loader))
	if err != nil {
		t.Fatalf("JSON-LD expansion in safe mode: %v", err)
	}
	return out
}

// nquads canonicalises doc (RDFC-1.0) and returns the N-Quads.
func nquads(t *testing.T, doc any, loader ld.DocumentLoader) string {
	t.Helper()
	opts := ldOptions(loader)
	opts.Algorithm = ld.AlgorithmURDNA2015
	opts.Format = "application/n-quads"
	out, err := ldProcessor().Normalize(doc, opts)
	if err != nil {
		t.Fatalf("canonicalisation: %v", err)
	}
	return out.(string)
}

func ldProcessor() *ld.JsonLdProcessor { return ld.NewJsonLdProcessor() }

// ldOptions are safe-mode options with only local documents.
func ldOptions(loader ld.DocumentLoader) *ld.JsonLdOptions {
	opts := ld.NewJsonLdOptions("")
	opts.SafeMode = true
	opts.DocumentLoader = loader
	return opts
}

// Package vctest gives tests the official Open Badges 3.0 files: the
// standards folder with the pinned contexts, and validation against the
// AchievementCredential JSON Schemas. They are read from ../shared/standards
// and never copied into the repository.
package vctest

import (
	"bytes"
	"path/filepath"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/stacklet/stacklet/internal/testenv"
)

// OpenBadgesDir is the standards folder for Open Badges 3.0.
func OpenBadgesDir(tb testing.TB) string {
	tb.Helper()
	return filepath.Join(testenv.Standards(tb), "openbadges3")
}

// SchemaDirs are the two official AchievementCredential schemas: the strict
// 2024 download and the JSON-LD adaptation served since (see NOTES.md).
var SchemaDirs = []string{"schema-formal", "schema-jsonld-adapted"}

var (
	compileOnce sync.Once
	compiled    map[string]*jsonschema.Schema
	compileErr  error
)

func schemas(tb testing.TB) map[string]*jsonschema.Schema {
	tb.Helper()
	dir := OpenBadgesDir(tb)
	compileOnce.Do(func() {
		compiled = map[string]*jsonschema.Schema{}
		for _, name := range SchemaDirs {
			c := jsonschema.NewCompiler()
			c.AssertFormat()
			s, err := c.Compile(filepath.Join(dir, name, "ob_v3p0_achievementcredential_schema.json"))
			if err != nil {
				compileErr = err
				return
			}
			compiled[name] = s
		}
	})
	if compileErr != nil {
		tb.Fatal(compileErr)
	}
	return compiled
}

// AchievementCredentialErrors validates a credential's bytes against every
// official schema and returns the failures by schema folder (empty: valid).
func AchievementCredentialErrors(tb testing.TB, data []byte) map[string]error {
	tb.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		tb.Fatalf("not JSON: %v", err)
	}
	out := map[string]error{}
	for name, s := range schemas(tb) {
		if err := s.Validate(doc); err != nil {
			out[name] = err
		}
	}
	return out
}

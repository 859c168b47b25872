package vc

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// obSchemas are the official AchievementCredential JSON Schemas: the strict
// 2024 download and the JSON-LD adaptation served since (see NOTES.md there).
func obSchemas(tb testing.TB) map[string]*jsonschema.Schema {
	tb.Helper()
	out := map[string]*jsonschema.Schema{}
	for _, dir := range []string{"schema-formal", "schema-jsonld-adapted"} {
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		s, err := c.Compile(filepath.Join(obDir(tb), dir, "ob_v3p0_achievementcredential_schema.json"))
		if err != nil {
			tb.Fatal(err)
		}
		out[dir] = s
	}
	return out
}

// schemaErrors validates a credential's bytes against every official
// schema and returns the failures by schema.
func schemaErrors(tb testing.TB, data []byte) map[string]error {
	tb.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		tb.Fatal(err)
	}
	out := map[string]error{}
	for name, s := range obSchemas(tb) {
		if err := s.Validate(doc); err != nil {
			out[name] = err
		}
	}
	return out
}

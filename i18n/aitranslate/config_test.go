package aitranslate

import (
	"testing"

	"github.com/stacklet/stacklet/authoring"
)

func TestConfig(t *testing.T) {
	env := map[string]string{EnvBaseURL: "http://localhost:11434/v1", EnvModel: "llama3", EnvAPIKey: "k"}
	getenv := func(k string) string { return env[k] }
	tests := []struct {
		name      string
		cfg       Config
		code      string
		wantModel string
	}{
		{"NothingIsPseudo", Config{}, "", PseudoModel},
		{"KeyOnlyUsesOpenAIDefaultModel", Config{APIKey: "k"}, "", DefaultModel},
		{"LocalServerNeedsModel", Config{BaseURL: "http://localhost:8080/v1"}, authoring.EINVALID, ""},
		{"EnvFillsBlanks", Config{}.FromEnv(getenv), "", "llama3"},
		{"SettingsWinOverEnv", Config{Model: "mistral"}.FromEnv(getenv), "", "mistral"},
		{"UnknownFormat", Config{APIKey: "k", ResponseFormat: "xml"}, authoring.EINVALID, ""},
		{"NegativeConcurrency", Config{Concurrency: -1}, authoring.EINVALID, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := New(tt.cfg)
			if authoring.ErrorCode(err) != tt.code {
				t.Fatalf("error %v, want code %q", err, tt.code)
			}
			if err == nil && e.Model() != tt.wantModel {
				t.Errorf("model %q, want %q", e.Model(), tt.wantModel)
			}
		})
	}
}

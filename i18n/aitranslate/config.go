package aitranslate

import (
	"strconv"
	"time"

	"github.com/stacklet/stacklet/authoring"
)

// Config says where and how to translate. Zero fields take the defaults
// below; with no BaseURL, Model or APIKey at all the engine pseudo-localises.
type Config struct {
	BaseURL string // e.g. http://localhost:11434/v1 for Ollama; empty means OpenAI
	Model   string
	APIKey  string

	// ResponseFormat asks the server for JSON: "json_object" (default, widely
	// supported), "json_schema" (strict schema per batch) or "text" (prompt
	// only, for servers that reject both).
	ResponseFormat string

	Concurrency    int           // requests in flight at once
	BatchSegments  int           // most segments per request
	BatchChars     int           // most source characters per request
	RequestTimeout time.Duration // one attempt, not the whole run
	MaxRetries     int           // further attempts after a retryable failure; negative for none
	MaxWait        time.Duration // longest Retry-After honoured; longer gives up
}

// Defaults. A batch of 40 short strings keeps requests few without making a
// reply so long that a truncated answer loses much work.
const (
	DefaultModel          = "gpt-4o-mini"
	DefaultResponseFormat = "json_object"
	DefaultConcurrency    = 4
	DefaultBatchSegments  = 40
	DefaultBatchChars     = 6000
	DefaultRequestTimeout = 2 * time.Minute
	DefaultMaxRetries     = 4
	DefaultMaxWait        = 2 * time.Minute
)

// Environment variables read by FromEnv.
const (
	EnvBaseURL = "OPENAI_BASE_URL"
	EnvModel   = "OPENAI_MODEL"
	EnvAPIKey  = "OPENAI_API_KEY"
)

// FromEnv fills the endpoint fields that c leaves empty from the environment,
// read through getenv (os.Getenv in programs): settings the user typed win
// over a variable left in a shell profile.
func (c Config) FromEnv(getenv func(string) string) Config {
	fill := func(field *string, name string) {
		if *field == "" {
			*field = getenv(name)
		}
	}
	fill(&c.BaseURL, EnvBaseURL)
	fill(&c.Model, EnvModel)
	fill(&c.APIKey, EnvAPIKey)
	return c
}

// Pseudo reports whether c names no endpoint, so the engine pseudo-localises.
func (c Config) Pseudo() bool { return c.BaseURL == "" && c.Model == "" && c.APIKey == "" }

// withDefaults returns c with every zero field set and checks the rest.
func (c Config) withDefaults() (Config, error) {
	if !c.Pseudo() && c.Model == "" {
		if c.BaseURL != "" {
			return c, authoring.Errorf(authoring.EINVALID, "no model named for %s: set %s or the model in settings", c.BaseURL, EnvModel)
		}
		c.Model = DefaultModel
	}
	if c.ResponseFormat == "" {
		c.ResponseFormat = DefaultResponseFormat
	}
	switch c.ResponseFormat {
	case "json_object", "json_schema", "text":
	default:
		return c, authoring.Errorf(authoring.EINVALID, "response format %q is unknown: use json_object, json_schema or text", c.ResponseFormat)
	}
	setInt(&c.Concurrency, DefaultConcurrency)
	setInt(&c.BatchSegments, DefaultBatchSegments)
	setInt(&c.BatchChars, DefaultBatchChars)
	setInt(&c.MaxRetries, DefaultMaxRetries)
	setDuration(&c.RequestTimeout, DefaultRequestTimeout)
	setDuration(&c.MaxWait, DefaultMaxWait)
	for name, v := range map[string]int{"concurrency": c.Concurrency, "batch size": c.BatchSegments, "batch characters": c.BatchChars} {
		if v < 1 {
			return c, authoring.Errorf(authoring.EINVALID, "%s must be at least 1, not %s", name, strconv.Itoa(v))
		}
	}
	return c, nil
}

func setInt(v *int, def int) {
	if *v == 0 {
		*v = def
	}
}

func setDuration(v *time.Duration, def time.Duration) {
	if *v == 0 {
		*v = def
	}
}

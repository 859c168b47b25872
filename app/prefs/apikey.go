package prefs

import (
	"errors"
	"os"
	"sync"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/stacklet/stacklet/authoring"
)

// Where the OS keyring keeps the AI provider's key.
const (
	keyringService = "io.stacklet.app"
	keyringUser    = "ai-api-key"
	// EnvAPIKey is read when the keyring holds no key or there is no keyring.
	EnvAPIKey = "OPENAI_API_KEY"
)

// probeTimeout bounds the first keyring call: a session bus without a
// Secret Service can leave the call waiting for service activation.
const probeTimeout = 3 * time.Second

// KeySource says where the API key in use comes from.
type KeySource string

const (
	KeyFromKeyring KeySource = "keyring"
	KeyFromEnv     KeySource = "env"
	KeyMissing     KeySource = "none"
)

// Keys reads and stores the AI provider's API key: in the OS keyring (macOS
// Keychain, Windows Credential Manager, Secret Service on Linux) when one
// answers, else only from the environment. Servers and CI usually have no
// Secret Service, so availability is probed once rather than assumed.
type Keys struct {
	Getenv func(string) string // os.Getenv unless a test sets it

	probe     sync.Once
	available bool
}

// NewKeys returns Keys reading the real environment.
func NewKeys() *Keys { return &Keys{Getenv: os.Getenv} }

// KeyringAvailable reports whether the OS keyring answers.
func (k *Keys) KeyringAvailable() bool {
	k.probe.Do(func() { k.available = probeKeyring() })
	return k.available
}

func probeKeyring() bool {
	done := make(chan error, 1)
	go func() {
		_, err := keyring.Get(keyringService, keyringUser)
		done <- err
	}()
	select {
	case err := <-done:
		return err == nil || errors.Is(err, keyring.ErrNotFound)
	case <-time.After(probeTimeout):
		return false
	}
}

// Key returns the key in use and where it comes from; the keyring wins over
// the environment so that a key set in the app is the one used.
func (k *Keys) Key() (string, KeySource) {
	if k.KeyringAvailable() {
		if key, err := keyring.Get(keyringService, keyringUser); err == nil && key != "" {
			return key, KeyFromKeyring
		}
	}
	if key := k.Getenv(EnvAPIKey); key != "" {
		return key, KeyFromEnv
	}
	return "", KeyMissing
}

// errNoKeyring refuses a key when there is nowhere to keep it; the screen
// tells the designer in the interface language.
var errNoKeyring = authoring.Errorf(authoring.EINVALID,
	"there is no system keyring to keep the key in: set the %s environment variable instead", EnvAPIKey)

// SetKey stores key in the keyring; an empty key removes it.
func (k *Keys) SetKey(key string) error {
	if !k.KeyringAvailable() {
		return errNoKeyring
	}
	var err error
	if key == "" {
		err = keyring.Delete(keyringService, keyringUser)
		if errors.Is(err, keyring.ErrNotFound) {
			err = nil
		}
	} else {
		err = keyring.Set(keyringService, keyringUser, key)
	}
	if err != nil {
		return authoring.Errorf(authoring.EINTERNAL, "system keyring: %v", err)
	}
	return nil
}

// AI is the provider configuration the AI features use.
type AI struct {
	BaseURL   string // "" means the provider library's default
	Model     string
	Key       string
	KeySource KeySource
}

// Env variables that stand in for unset settings (the names go-openai users know).
const (
	EnvBaseURL = "OPENAI_BASE_URL"
	EnvModel   = "OPENAI_MODEL"
)

// ResolveAI combines the settings, the key and the environment: a setting
// made in the app wins over the environment.
func ResolveAI(s Settings, k *Keys) AI {
	ai := AI{BaseURL: s.AIBaseURL, Model: s.AIModel}
	if ai.BaseURL == "" {
		ai.BaseURL = k.Getenv(EnvBaseURL)
	}
	if ai.Model == "" {
		ai.Model = k.Getenv(EnvModel)
	}
	ai.Key, ai.KeySource = k.Key()
	return ai
}

package prefs

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/zalando/go-keyring"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/authoring"
)

func newTestScreen(t *testing.T, keys *Keys, onSaved func(Settings)) *Screen {
	t.Helper()
	a := test.NewApp()
	t.Cleanup(a.Quit)
	s := NewScreen(Options{Prefs: a.Preferences(), Keys: keys, T: tr.New("en"), OnSaved: onSaved})
	<-s.keyChecked
	return s
}

func TestScreenSavesSettingsAndKeyToKeyring(t *testing.T) {
	keyring.MockInit()
	var saved Settings
	s := newTestScreen(t, &Keys{Getenv: env(nil)}, func(v Settings) { saved = v })
	if got, want := s.KeyStatus.Text, s.opts.T.S("PrefsAIKeyMissing"); got != want {
		t.Fatalf("status before = %q, want %q", got, want)
	}
	s.Language.SetSelected(languageName("de"))
	s.Theme.SetSelected(s.opts.T.S("PrefsThemeDark"))
	test.Type(s.BaseURL, "http://127.0.0.1:8080/v1 ")
	test.Type(s.Model, "gpt-test")
	test.Type(s.Key, "sk-secret")

	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	want := Settings{Language: "de", Theme: ThemeDark, AIBaseURL: "http://127.0.0.1:8080/v1", AIModel: "gpt-test"}
	if saved != want || Load(s.opts.Prefs) != want {
		t.Errorf("saved %+v, preferences %+v; want %+v", saved, Load(s.opts.Prefs), want)
	}
	if key, _ := keyring.Get(keyringService, keyringUser); key != "sk-secret" {
		t.Errorf("keyring holds %q", key)
	}
	if s.Key.Text != "" || s.ForgetKey.Disabled() {
		t.Errorf("after save: key entry %q, remove disabled %v", s.Key.Text, s.ForgetKey.Disabled())
	}
	if got, want := s.KeyStatus.Text, s.opts.T.S("PrefsAIKeyInKeyring"); got != want {
		t.Errorf("status after = %q, want %q", got, want)
	}
}

func TestScreenForgetsKey(t *testing.T) {
	keyring.MockInit()
	keyring.Set(keyringService, keyringUser, "sk-old")
	s := newTestScreen(t, &Keys{Getenv: env(nil)}, func(Settings) {})
	test.Tap(s.ForgetKey)
	if _, err := keyring.Get(keyringService, keyringUser); !errors.Is(err, keyring.ErrNotFound) {
		t.Errorf("key still stored: %v", err)
	}
	if !s.ForgetKey.Disabled() {
		t.Error("remove button still enabled")
	}
}

func TestScreenWithoutKeyringReadsEnv(t *testing.T) {
	keyring.MockInitWithError(errors.New("no secret service"))
	s := newTestScreen(t, &Keys{Getenv: env(map[string]string{EnvAPIKey: "sk-env"})}, func(Settings) {})
	if !s.Key.Disabled() {
		t.Error("key entry enabled with nowhere to keep the key")
	}
	if got, want := s.KeyStatus.Text, s.opts.T.S("PrefsAIKeyNoKeyringEnv"); got != want {
		t.Errorf("status = %q, want %q", got, want)
	}
}

func TestScreenSpeaksItsLanguage(t *testing.T) {
	keyring.MockInit()
	a := test.NewApp()
	defer a.Quit()
	s := NewScreen(Options{Prefs: a.Preferences(), Keys: &Keys{Getenv: env(nil)}, T: tr.New("fr"), OnSaved: func(Settings) {}})
	<-s.keyChecked
	if got := s.Theme.Options[2]; got != "Sombre" {
		t.Errorf("dark theme option in French = %q", got)
	}
}

// TestKeyRefusalSpeaksTheScreenLanguage: why a key was not stored is shown
// in the settings' language, with the keyring's own reason as the detail.
func TestKeyRefusalSpeaksTheScreenLanguage(t *testing.T) {
	keyring.MockInitWithError(errors.New("no secret service"))
	a := test.NewApp()
	defer a.Quit()
	fr := tr.New("fr")
	s := NewScreen(Options{Prefs: a.Preferences(), Keys: &Keys{Getenv: env(nil)}, T: fr, OnSaved: func(Settings) {}})
	<-s.keyChecked
	refused := s.userError(s.opts.Keys.SetKey("sk-test"))
	if got, want := refused.Error(), fr.F("PrefsNoKeyring", map[string]any{"Var": EnvAPIKey}); got != want || !strings.Contains(got, "trousseau") {
		t.Errorf("no keyring: %q, want the French %q", got, want)
	}
	if authoring.ErrorCode(refused) != authoring.EINVALID {
		t.Errorf("no keyring: code %q", authoring.ErrorCode(refused))
	}
	failed := s.userError(authoring.Errorf(authoring.EINTERNAL, "system keyring: locked"))
	if got, want := failed.Error(), fr.F("PrefsKeyringFailed", map[string]any{"Detail": "system keyring: locked"}); got != want {
		t.Errorf("keyring failure: %q, want %q", got, want)
	}
}

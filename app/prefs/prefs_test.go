package prefs

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/zalando/go-keyring"

	"github.com/stacklet/stacklet/authoring"
)

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestSettingsRoundTrip(t *testing.T) {
	a := test.NewApp()
	defer a.Quit()
	want := Settings{Language: "pt-BR", Theme: ThemeDark, AIBaseURL: "http://127.0.0.1:11434/v1", AIModel: "llama3"}
	want.Save(a.Preferences())
	if got := Load(a.Preferences()); got != want {
		t.Errorf("Load = %+v, want %+v", got, want)
	}
	a.Preferences().SetString(prefLanguage, "xx")
	a.Preferences().SetString(prefTheme, "sepia")
	if got := Load(a.Preferences()); got.Language != "" || got.Theme != ThemeSystem {
		t.Errorf("unknown values read as %q/%q, want the defaults", got.Language, got.Theme)
	}
}

func TestKeySources(t *testing.T) {
	unavailable := errors.New("org.freedesktop.DBus.Error.ServiceUnknown")
	tests := []struct {
		name       string
		keyringErr error  // non-nil: no keyring
		stored     string // key already in the keyring
		env        string
		wantKey    string
		wantSource KeySource
	}{
		{"KeyringWinsOverEnv", nil, "from-keyring", "from-env", "from-keyring", KeyFromKeyring},
		{"EmptyKeyringUsesEnv", nil, "", "from-env", "from-env", KeyFromEnv},
		{"NoKeyringUsesEnv", unavailable, "", "from-env", "from-env", KeyFromEnv},
		{"NothingAnywhere", unavailable, "", "", "", KeyMissing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keyring.MockInit()
			if tt.stored != "" {
				keyring.Set(keyringService, keyringUser, tt.stored)
			}
			if tt.keyringErr != nil {
				keyring.MockInitWithError(tt.keyringErr)
			}
			k := &Keys{Getenv: env(map[string]string{EnvAPIKey: tt.env})}
			key, source := k.Key()
			if key != tt.wantKey || source != tt.wantSource {
				t.Errorf("Key() = %q, %s; want %q, %s", key, source, tt.wantKey, tt.wantSource)
			}
		})
	}
}

func TestSetKeyWithoutKeyringIsRefused(t *testing.T) {
	keyring.MockInitWithError(errors.New("no secret service"))
	k := &Keys{Getenv: env(nil)}
	if err := k.SetKey("sk-test"); authoring.ErrorCode(err) != authoring.EINVALID {
		t.Errorf("SetKey without keyring: code %q, want %q", authoring.ErrorCode(err), authoring.EINVALID)
	}
}

func TestResolveAISettingsWinOverEnv(t *testing.T) {
	keyring.MockInit()
	k := &Keys{Getenv: env(map[string]string{EnvBaseURL: "http://env/v1", EnvModel: "env-model", EnvAPIKey: "env-key"})}
	got := ResolveAI(Settings{AIModel: "chosen"}, k)
	want := AI{BaseURL: "http://env/v1", Model: "chosen", Key: "env-key", KeySource: KeyFromEnv}
	if got != want {
		t.Errorf("ResolveAI = %+v, want %+v", got, want)
	}
}

func TestWithModeForcesVariant(t *testing.T) {
	base := theme.DefaultTheme()
	for _, tt := range []struct {
		mode ThemeMode
		want fyne.ThemeVariant
	}{{ThemeLight, theme.VariantLight}, {ThemeDark, theme.VariantDark}} {
		t.Run(string(tt.mode), func(t *testing.T) {
			got := WithMode(base, tt.mode).Color(theme.ColorNameBackground, 1-tt.want)
			if want := base.Color(theme.ColorNameBackground, tt.want); got != want {
				t.Errorf("background = %v, want %v", got, want)
			}
		})
	}
	if WithMode(base, ThemeSystem) != base {
		t.Error("system mode should leave the theme as it is")
	}
}

func TestLanguagesNameThemselves(t *testing.T) {
	seen := map[string]authoring.Locale{}
	for _, l := range Languages() {
		name := languageName(l)
		if other, dup := seen[name]; dup || name == "PrefsLanguageSelfName" {
			t.Errorf("%s is named %q (also %s)", l, name, other)
		}
		seen[name] = l
	}
	if len(seen) != 6 {
		t.Errorf("%d languages, want 6", len(seen))
	}
}

package prefs

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/authoring"
)

// Options are what the settings screen works on.
type Options struct {
	Prefs fyne.Preferences
	Keys  *Keys
	T     *tr.T // the language the screen speaks
	// OnSaved runs on the UI goroutine after a save; nil applies the theme
	// to the current app.
	OnSaved func(Settings)
}

// Screen is the settings form; its widgets are exported for tests.
type Screen struct {
	Language  *widget.Select
	Theme     *widget.RadioGroup
	BaseURL   *widget.Entry
	Model     *widget.Entry
	Key       *widget.Entry
	ForgetKey *widget.Button
	KeyStatus *widget.Label

	opts       Options
	saved      Settings
	langs      []string // locale per Language option; "" is the system's
	modes      map[string]ThemeMode
	keyChecked chan struct{} // closed once the keyring probe has answered
	content    fyne.CanvasObject
}

// NewScreen builds the form filled with the saved settings.
func NewScreen(o Options) *Screen {
	s := &Screen{opts: o, saved: Load(o.Prefs), keyChecked: make(chan struct{})}
	s.buildLanguage()
	s.buildTheme()
	s.buildAI()
	s.content = s.layout()
	go s.checkKeyring()
	return s
}

// Content is the form, for a dialog or a window.
func (s *Screen) Content() fyne.CanvasObject { return s.content }

func (s *Screen) buildLanguage() {
	system := s.opts.T.F("PrefsLanguageSystem", map[string]any{"Language": languageName(Settings{}.T().Lang())})
	options := []string{system}
	s.langs = []string{""}
	for _, l := range Languages() {
		options = append(options, languageName(l))
		s.langs = append(s.langs, string(l))
	}
	s.Language = widget.NewSelect(options, nil)
	s.Language.SetSelectedIndex(indexOf(s.langs, s.saved.Language))
}

func (s *Screen) buildTheme() {
	labels := map[ThemeMode]string{
		ThemeSystem: s.opts.T.S("PrefsThemeSystem"),
		ThemeLight:  s.opts.T.S("PrefsThemeLight"),
		ThemeDark:   s.opts.T.S("PrefsThemeDark"),
	}
	s.modes = map[string]ThemeMode{}
	var options []string
	for _, m := range ThemeModes {
		options = append(options, labels[m])
		s.modes[labels[m]] = m
	}
	s.Theme = widget.NewRadioGroup(options, nil)
	s.Theme.Horizontal = true
	s.Theme.Required = true
	s.Theme.SetSelected(labels[s.saved.Theme])
}

func (s *Screen) buildAI() {
	s.BaseURL = widget.NewEntry()
	s.BaseURL.SetPlaceHolder(s.opts.T.S("PrefsAIBaseURLHint"))
	s.BaseURL.SetText(s.saved.AIBaseURL)
	s.Model = widget.NewEntry()
	s.Model.SetPlaceHolder(s.opts.T.S("PrefsAIModelHint"))
	s.Model.SetText(s.saved.AIModel)
	s.Key = widget.NewPasswordEntry()
	s.Key.SetPlaceHolder(s.opts.T.S("PrefsAIKeyHint"))
	s.Key.Disable() // until the keyring has answered
	s.ForgetKey = widget.NewButton(s.opts.T.S("PrefsAIKeyForget"), s.onForgetKey)
	s.ForgetKey.Disable()
	s.KeyStatus = widget.NewLabel(s.opts.T.S("PrefsAIKeyChecking"))
	s.KeyStatus.Wrapping = fyne.TextWrapWord
}

func (s *Screen) layout() fyne.CanvasObject {
	general := widget.NewForm(
		widget.NewFormItem(s.opts.T.S("PrefsLanguage"), s.Language),
		widget.NewFormItem(s.opts.T.S("PrefsTheme"), s.Theme),
	)
	ai := widget.NewForm(
		widget.NewFormItem(s.opts.T.S("PrefsAIBaseURL"), s.BaseURL),
		widget.NewFormItem(s.opts.T.S("PrefsAIModel"), s.Model),
		widget.NewFormItem(s.opts.T.S("PrefsAIKey"), container.NewBorder(nil, nil, nil, s.ForgetKey, s.Key)),
		widget.NewFormItem("", s.KeyStatus),
	)
	privacy := widget.NewLabelWithStyle(s.opts.T.S("PrefsAIKeyPrivacy"), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	privacy.Wrapping = fyne.TextWrapWord
	return container.NewVBox(
		widget.NewCard(s.opts.T.S("PrefsGeneral"), "", general),
		widget.NewCard(s.opts.T.S("PrefsAI"), "", container.NewVBox(ai, privacy)),
	)
}

// Settings are the values the form holds now.
func (s *Screen) Settings() Settings {
	return Settings{
		Language:  s.selectedLanguage(),
		Theme:     s.modes[s.Theme.Selected],
		AIBaseURL: trimmed(s.BaseURL.Text),
		AIModel:   trimmed(s.Model.Text),
	}
}

func (s *Screen) selectedLanguage() string {
	if i := s.Language.SelectedIndex(); i > 0 {
		return s.langs[i]
	}
	return ""
}

// Save stores the form: settings in the preferences, a newly typed key in
// the keyring. The settings are saved even when the key cannot be.
func (s *Screen) Save() error {
	settings := s.Settings()
	settings.Save(s.opts.Prefs)
	s.saved = settings
	var err error
	if key := trimmed(s.Key.Text); key != "" {
		err = s.opts.Keys.SetKey(key)
		if err == nil {
			s.Key.SetText("")
		}
	}
	s.refreshKeyStatus()
	s.notifySaved(settings)
	return err
}

func (s *Screen) notifySaved(settings Settings) {
	if s.opts.OnSaved != nil {
		s.opts.OnSaved(settings)
		return
	}
	if a := fyne.CurrentApp(); a != nil {
		ApplyTheme(a, settings.Theme)
	}
}

// Show opens the settings as a dialog over win with Save and Cancel.
func Show(win fyne.Window, o Options) *Screen {
	s := NewScreen(o)
	d := dialog.NewCustomConfirm(s.opts.T.S("PrefsTitle"), s.opts.T.S("PrefsSave"), s.opts.T.S("PrefsCancel"), s.content,
		func(ok bool) {
			if !ok {
				return
			}
			if err := s.Save(); err != nil {
				dialog.ShowError(s.userError(err), win)
			}
		}, win)
	d.Resize(fyne.NewSize(620, 0))
	d.Show()
	return s
}

// userError says in the interface language why the key was not stored,
// keeping the keyring's own reason as the detail and hiding internals.
func (s *Screen) userError(err error) error {
	t := s.opts.T
	msg := t.F("PrefsKeyringFailed", map[string]any{"Detail": authoring.ErrorMessage(err)})
	if errors.Is(err, errNoKeyring) {
		msg = t.F("PrefsNoKeyring", map[string]any{"Var": EnvAPIKey})
	}
	return &authoring.Error{Code: authoring.ErrorCode(err), Message: msg}
}

func indexOf(list []string, v string) int {
	for i, x := range list {
		if x == v {
			return i
		}
	}
	return 0
}

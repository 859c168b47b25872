package forms

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/mediapick"
	"github.com/stacklet/stacklet/app/uikit"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/edit"
)

// Project is the project settings form: title, languages and theme.
func Project(c Context, locales []string) *Form {
	t := c.T
	b := newBuilder(c)
	p := c.Session.Project
	set := func(t edit.Target, fn func(p *authoring.Project)) {
		if err := c.Session.EditProject(t, fn); err != nil {
			c.OnError(err)
		}
	}
	b.add(t.S("FieldProjectTitle"), "title", b.text(false, func() string { return p().Title },
		func(s string) { set(edit.Typing("title"), func(p *authoring.Project) { p.Title = s }) }), "")
	b.add(t.S("FieldSourceLocale"), "sourceLocale", sourceLocale(c, locales, set), t.S("SourceLocaleHint"))
	b.add(t.S("FieldTargetLocales"), "targetLocales", targetLocales(c, set), t.S("TargetLocalesHint"))
	b.add(t.S("FieldTranslationProgress"), "", translationProgress(c), t.S("TranslationProgressHint"))
	b.add(t.S("FieldAccent"), "theme.accent", accent(c, set), "")
	logo := mediapick.New(c.media(), "image", p().Theme.Logo, true, func(h string) {
		set(edit.Field("theme.logo"), func(p *authoring.Project) { p.Theme.Logo = h })
	})
	b.add(t.S("FieldLogo"), "theme.logo", logo.Object(), t.S("LogoHint"))
	b.form.fields["theme.logo"] = logo.Choose // the picker is no widget to focus; its button is
	b.add(t.S("FieldFont"), "theme.font", fontSelect(c, set), t.S("FontHint"))
	return b.done(t.S("ProjectSettingsTitle"))
}

type setProject func(edit.Target, func(*authoring.Project))

func sourceLocale(c Context, locales []string, set setProject) *uikit.SelectEntry {
	e := uikit.NewSelectEntry(c.History, locales)
	e.SetText(string(c.Session.Project().SourceLocale))
	e.Validator = func(s string) error {
		_, err := authoring.ParseLocale(s)
		return err
	}
	e.OnChanged = func(s string) {
		l, err := authoring.ParseLocale(s)
		if err == nil && l != c.Session.Project().SourceLocale {
			set(edit.Typing("sourceLocale"), func(p *authoring.Project) { p.SourceLocale = l })
		}
	}
	return e
}

// targetLocales is a comma-separated list of tags, saved when all parse.
func targetLocales(c Context, set setProject) *uikit.Entry {
	e := uikit.NewEntry(c.History)
	join := func(ls []authoring.Locale) string {
		s := make([]string, len(ls))
		for i, l := range ls {
			s[i] = string(l)
		}
		return strings.Join(s, ", ")
	}
	parse := func(s string) ([]authoring.Locale, error) {
		var out []authoring.Locale
		for _, part := range lines(s, ",") {
			l, err := authoring.ParseLocale(part)
			if err != nil {
				return nil, err
			}
			if !slices.Contains(out, l) {
				out = append(out, l)
			}
		}
		return out, nil
	}
	e.SetText(join(c.Session.Project().TargetLocales))
	e.SetPlaceHolder(c.T.S("TargetLocalesPlaceholder"))
	e.Validator = func(s string) error {
		_, err := parse(s)
		return err
	}
	e.OnChanged = func(s string) {
		ls, err := parse(s)
		if err == nil && !slices.Equal(ls, c.Session.Project().TargetLocales) {
			set(edit.Typing("targetLocales"), func(p *authoring.Project) { p.TargetLocales = ls })
		}
	}
	return e
}

// accent shows the theme colour and opens Fyne's colour picker.
func accent(c Context, set setProject) fyne.CanvasObject {
	swatch := canvas.NewRectangle(parseHex(c.Session.Project().Theme.Accent))
	swatch.SetMinSize(fyne.NewSize(64, 32))
	swatch.CornerRadius = 6
	code := widget.NewLabel(c.Session.Project().Theme.Accent)
	btn := widget.NewButtonWithIcon(c.T.S("AccentChoose"), theme.ColorPaletteIcon(), func() {
		d := dialog.NewColorPicker(c.T.S("AccentDialog"), c.T.S("AccentDialogHint"), func(col color.Color) {
			hex := toHex(col)
			swatch.FillColor = col
			swatch.Refresh()
			code.SetText(hex)
			set(edit.Field("theme.accent"), func(p *authoring.Project) { p.Theme.Accent = hex })
		}, c.Window)
		d.Advanced = true
		d.SetColor(parseHex(c.Session.Project().Theme.Accent))
		d.Show()
	})
	return container.NewHBox(swatch, code, btn)
}

func toHex(col color.Color) string {
	r, g, b, _ := col.RGBA()
	return fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8)
}

func parseHex(s string) color.Color {
	var r, g, b uint8
	if _, err := fmt.Sscanf(s, "#%02x%02x%02x", &r, &g, &b); err != nil {
		return color.Gray{Y: 128}
	}
	return color.NRGBA{R: r, G: g, B: b, A: 255}
}

func fontSelect(c Context, set setProject) *widget.Select {
	labels := map[authoring.Font]string{
		authoring.FontSans: c.T.S("FontSans"), authoring.FontSerif: c.T.S("FontSerif"),
		authoring.FontRounded: c.T.S("FontRounded"), authoring.FontMonospace: c.T.S("FontMonospace"),
	}
	opts := make([]string, len(authoring.Fonts))
	for i, f := range authoring.Fonts {
		opts[i] = labels[f]
	}
	sel := widget.NewSelect(opts, nil)
	sel.SetSelectedIndex(slices.Index(authoring.Fonts, c.Session.Project().Theme.Font))
	sel.OnChanged = func(string) {
		f := authoring.Fonts[sel.SelectedIndex()]
		if f != c.Session.Project().Theme.Font {
			set(edit.Field("theme.font"), func(p *authoring.Project) { p.Theme.Font = f })
		}
	}
	return sel
}

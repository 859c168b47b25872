package credential

import (
	"errors"
	"net/mail"
	"net/url"
	"slices"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/stacklet/stacklet/authoring"
)

// country is a select of every ISO 3166-1 country, named in the interface
// language and sorted by name; the code follows each name.
func (e *editor) country() *widget.Select {
	codes := countryCodes()
	tag := language.Make(string(e.t.Lang()))
	names := display.Regions(tag)
	type option struct{ code, label string }
	opts := make([]option, len(codes))
	for i, code := range codes {
		name := names.Name(language.MustParseRegion(code))
		if name == "" {
			name = code
		}
		opts[i] = option{code, name + " (" + code + ")"}
	}
	col := collate.New(tag)
	sort.SliceStable(opts, func(i, j int) bool { return col.CompareString(opts[i].label, opts[j].label) < 0 })
	values := []string{""}
	labels := []string{e.t.S("CredNotSet")}
	for _, o := range opts {
		values = append(values, o.code)
		labels = append(labels, o.label)
	}
	return e.choice("awardingBody.country", labels,
		func(c *authoring.Credential) int { return slices.Index(values, c.AwardingBody.Country) },
		func(c *authoring.Credential, i int) { c.AwardingBody.Country = values[i] })
}

// countryCodes are the assigned ISO 3166-1 alpha-2 codes, as the domain
// validates them.
func countryCodes() []string {
	var out []string
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			if code := string([]rune{a, b}); authoring.ValidCountry(code) {
				out = append(out, code)
			}
		}
	}
	return out
}

// eqf offers "not set", "not applicable" and levels 1 to 8: stating that no
// level applies is itself an answer the Recommendation accepts.
func (e *editor) eqf() *widget.Select {
	labels := []string{e.t.S("CredNotSet"), e.t.S("CredEQFNotApplicable")}
	for l := 1; l <= 8; l++ {
		labels = append(labels, e.t.F("CredEQFLevel", map[string]any{"Level": l}))
	}
	w := e.choice("eqfLevel", labels,
		func(c *authoring.Credential) int {
			switch {
			case c.EQFLevel >= 1 && c.EQFLevel <= 8:
				return c.EQFLevel + 1
			case c.LevelNotApplicable:
				return 1
			case c.EQFLevel == 0:
				return 0
			}
			return -1
		},
		func(c *authoring.Credential, i int) {
			c.LevelNotApplicable = i == 1
			c.EQFLevel = max(0, i-1)
			if i == 1 {
				c.EQFLevel = 0
			}
		})
	e.fields["levelNotApplicable"] = w
	return w
}

func (e *editor) participation() *widget.Select {
	values := []authoring.Participation{"", authoring.ParticipationOnline, authoring.ParticipationOnsite, authoring.ParticipationBlended}
	labels := []string{e.t.S("CredNotSet"), e.t.S("CredParticipationOnline"), e.t.S("CredParticipationOnsite"), e.t.S("CredParticipationBlended")}
	return e.choice("participation", labels,
		func(c *authoring.Credential) int { return slices.Index(values, c.Participation) },
		func(c *authoring.Credential, i int) { c.Participation = values[i] })
}

func (e *editor) supervision() *widget.Select {
	values := []authoring.Supervision{"", authoring.SupervisionNone, authoring.SupervisionSupervised,
		authoring.SupervisionOnlineVerified, authoring.SupervisionOnsiteVerified}
	labels := []string{e.t.S("CredNotSet"), e.t.S("CredSupervisionNone"), e.t.S("CredSupervisionSupervised"),
		e.t.S("CredSupervisionOnline"), e.t.S("CredSupervisionOnsite")}
	return e.choice("supervision", labels,
		func(c *authoring.Credential) int { return slices.Index(values, c.Supervision) },
		func(c *authoring.Credential, i int) { c.Supervision = values[i] })
}

// required offers "all" or any n of the m modules chosen.
func (e *editor) required() *widget.Select {
	c, _ := e.cred()
	m := len(c.Modules)
	labels := []string{e.t.N("CredRequiredAll", m, nil)}
	for n := 1; n < m; n++ {
		labels = append(labels, e.t.N("CredRequiredSome", n, map[string]any{"Total": m}))
	}
	w := e.choice("required", labels,
		func(c *authoring.Credential) int {
			if c.Required >= len(c.Modules) {
				return 0
			}
			return c.Required
		},
		func(c *authoring.Credential, i int) { c.Required = i })
	if m < 2 {
		w.Disable()
	}
	return w
}

// stackability is stand-alone, or stackable towards a named credential.
func (e *editor) stackability() fyne.CanvasObject {
	t := e.t
	st := func(c *authoring.Credential) *authoring.Stackability { return &c.Stackability }
	radio := widget.NewRadioGroup([]string{t.S("CredStandAlone"), t.S("CredStackable")}, nil)
	radio.Required = true
	e.onLoad(func(c *authoring.Credential) {
		want := t.S("CredStandAlone")
		if st(c).Stackable {
			want = t.S("CredStackable")
		}
		radio.SetSelected(want)
	})
	radio.OnChanged = func(v string) {
		if e.loading {
			return
		}
		stack := v == t.S("CredStackable")
		if c, _ := e.cred(); c != nil && stack != st(c).Stackable {
			e.set("stackability.stackable", false, func(c *authoring.Credential) { st(c).Stackable = stack })
			e.rebuild("stackability.towards")
		}
	}
	c, _ := e.cred()
	if !st(c).Stackable {
		return radio
	}
	towards := e.text("stackability.towards", false, func(c *authoring.Credential) string { return st(c).Towards },
		func(c *authoring.Credential, s string) { st(c).Towards = s })
	towards.SetPlaceHolder(t.S("CredTowardsPlaceholder"))
	link := e.text("stackability.url", false, func(c *authoring.Credential) string { return st(c).URL },
		func(c *authoring.Credential, s string) { st(c).URL = strings.TrimSpace(s) })
	link.SetPlaceHolder("https://")
	link.Validator = e.urlValidator
	return container.NewVBox(radio,
		pair(row(t.S("CredFieldTowards"), towards, ""), row(t.S("CredFieldTowardsURL"), link, "")))
}

// urlValidator accepts "" or an absolute http(s) address, as the domain does.
func (e *editor) urlValidator(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return errors.New(e.t.S("CredBadURL"))
	}
	return nil
}

func (e *editor) emailValidator(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if a, err := mail.ParseAddress(s); err != nil || a.Address != s {
		return errors.New(e.t.S("CredBadEmail"))
	}
	return nil
}

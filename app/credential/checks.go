package credential

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/authoring"
)

// Checks is the panel beside the form: the EU mandatory elements the
// credential still misses, then its other problems. Choosing one focuses
// its field.
type Checks struct {
	// Missing has a button per missing EU element, Other one per other
	// problem; tests tap them.
	Missing []*CheckItem
	Other   []*CheckItem
	// Fields are the credential fields of Missing, in order.
	Fields []string

	t     *tr.T
	focus func(field string)
	box   *fyne.Container
	view  fyne.CanvasObject
}

func newChecks(t *tr.T, focus func(string)) *Checks {
	c := &Checks{t: t, focus: focus, box: container.NewVBox()}
	c.view = container.NewVScroll(container.NewPadded(c.box))
	return c
}

// elementLabels name the EU elements by their key in elements.json.
var elementLabels = map[string]string{
	"title":             "CredElementTitle",
	"issuerCountry":     "CredElementCountry",
	"awardingBody":      "CredElementAwardingBody",
	"learningOutcomes":  "CredElementOutcomes",
	"workload":          "CredElementWorkload",
	"level":             "CredElementLevel",
	"assessmentType":    "CredElementAssessment",
	"participationForm": "CredElementParticipation",
	"qualityAssurance":  "CredElementQA",
}

// show lists the checks of cred (nil: nothing to check).
func (c *Checks) show(p *authoring.Project, cred *authoring.Credential) {
	t := c.t
	c.Missing, c.Other, c.Fields = nil, nil, nil
	objs := []fyne.CanvasObject{heading(t.S("CredChecksHeading"))}
	if cred == nil {
		c.box.Objects = objs
		c.box.Refresh()
		return
	}
	missing := p.MissingEUElements(cred)
	taken := map[string]bool{}
	if len(missing) == 0 {
		objs = append(objs, caption(t.S("CredChecksComplete"), theme.SizeNameText, theme.ConfirmIcon()))
	} else {
		objs = append(objs, caption(t.N("CredChecksMissing", len(missing), nil), theme.SizeNameText, nil))
		for _, m := range missing {
			taken[m.Field] = true
			c.Fields = append(c.Fields, m.Field)
			b := c.button(t.S(elementLabel(m.Key)), m.Field, theme.WarningIcon())
			c.Missing = append(c.Missing, b)
			objs = append(objs, b)
		}
		if cred.EUCompliant {
			objs = append(objs, caption(t.S("CredChecksRefused"), theme.SizeNameCaptionText, nil))
		}
	}
	var others []authoring.Problem
	for _, pr := range p.ValidateCredential(cred) {
		if !taken[pr.Field] {
			others = append(others, pr)
		}
	}
	if len(others) > 0 {
		objs = append(objs, widget.NewSeparator(), heading(t.S("CredChecksOtherHeading")))
		for _, pr := range others {
			id, icon := "CredCheckFix", theme.ErrorIcon()
			if pr.Severity == authoring.SeverityWarning {
				id, icon = "CredCheckAdvice", theme.InfoIcon()
			}
			b := c.button(t.F(id, map[string]any{"Field": fieldLabel(t, pr.Field)}), pr.Field, icon)
			c.Other = append(c.Other, b)
			objs = append(objs, b)
		}
	}
	c.box.Objects = objs
	c.box.Refresh()
}

func elementLabel(key string) string {
	if id, ok := elementLabels[key]; ok {
		return id
	}
	return "CredElementOther"
}

func (c *Checks) button(text, field string, icon fyne.Resource) *CheckItem {
	return newCheckItem(text, icon, func() { c.focus(field) })
}

func caption(text string, size fyne.ThemeSizeName, icon fyne.Resource) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = size
	if icon == nil {
		return l
	}
	return container.NewBorder(nil, nil, widget.NewIcon(icon), nil, l)
}

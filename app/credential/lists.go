package credential

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/authoring"
)

// modules is a tick box per module of the project, in project order.
func (e *editor) modules() fyne.CanvasObject {
	p := e.s.project()
	if len(p.Modules) == 0 {
		return widget.NewLabel(e.t.S("CredNoModules"))
	}
	box := container.NewVBox()
	for i, m := range p.Modules {
		id := m.ID
		label := m.Title
		if label == "" {
			label = m.ID
		}
		w := widget.NewCheck(label, nil)
		e.onLoad(func(c *authoring.Credential) {
			if on := slices.Contains(c.Modules, id); on != w.Checked {
				w.SetChecked(on)
			}
		})
		w.OnChanged = func(on bool) {
			if c, _ := e.cred(); c == nil || e.loading || on == slices.Contains(c.Modules, id) {
				return
			}
			e.set("modules", false, func(c *authoring.Credential) {
				c.Modules = e.toggle(c.Modules, id, on)
				if c.Required >= len(c.Modules) {
					c.Required = 0 // "n of m" with n >= m is all of them
				}
			})
			e.rebuild("")
		}
		if i == 0 {
			e.fields["modules"] = w
		}
		box.Add(w)
	}
	return box
}

// toggle adds or removes module id, keeping the project's module order
// (and any id the project no longer has, for the validation to name).
func (e *editor) toggle(ids []string, id string, on bool) []string {
	var out []string
	for _, m := range e.s.project().Modules {
		if (m.ID == id && on) || (m.ID != id && slices.Contains(ids, m.ID)) {
			out = append(out, m.ID)
		}
	}
	for _, x := range ids {
		if _, err := e.s.project().Module(x); err != nil {
			out = append(out, x)
		}
	}
	return out
}

// outcomes is the credential's own list of learning outcomes, with a button
// that copies those of its modules to start from.
func (e *editor) outcomes() fyne.CanvasObject {
	t := e.t
	c, _ := e.cred()
	rows := container.NewVBox()
	for i := range c.Outcomes {
		field := fmt.Sprintf("outcomes[%d]", i)
		w := e.text(field, true, func(c *authoring.Credential) string { return at(c.Outcomes, i) },
			func(c *authoring.Credential, s string) {
				if i < len(c.Outcomes) {
					c.Outcomes[i] = s
				}
			})
		w.SetMinRowsVisible(2)
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			e.set("outcomes", false, func(c *authoring.Credential) { c.Outcomes = slices.Delete(c.Outcomes, i, i+1) })
			e.rebuild("")
		})
		remove.Importance = widget.LowImportance
		rows.Add(container.NewBorder(nil, nil, nil, container.NewVBox(remove), w))
	}
	add := widget.NewButtonWithIcon(t.S("CredOutcomeAdd"), theme.ContentAddIcon(), func() {
		c, _ := e.cred()
		n := len(c.Outcomes)
		e.set("outcomes", false, func(c *authoring.Credential) { c.Outcomes = append(c.Outcomes, "") })
		e.rebuild(fmt.Sprintf("outcomes[%d]", n))
	})
	take := widget.NewButtonWithIcon(t.S("CredOutcomesTake"), theme.DownloadIcon(), e.takeOutcomes)
	fromModules := moduleOutcomes(e.s.project(), c)
	if len(fromModules) == 0 {
		take.Disable()
	}
	e.fields["outcomes"] = take
	if len(c.Outcomes) > 0 {
		e.fields["outcomes"] = e.fields["outcomes[0]"]
	}
	objs := []fyne.CanvasObject{rows, container.NewHBox(add, take)}
	if len(c.Outcomes) == 0 {
		hint := t.S("CredOutcomesNone")
		if n := len(fromModules); n > 0 {
			hint = t.N("CredOutcomesInherited", n, nil)
		}
		l := widget.NewLabel(hint)
		l.Wrapping = fyne.TextWrapWord
		l.SizeName = theme.SizeNameCaptionText
		objs = append([]fyne.CanvasObject{l}, objs...)
	}
	return container.NewVBox(objs...)
}

func at(list []string, i int) string {
	if i < len(list) {
		return list[i]
	}
	return ""
}

// moduleOutcomes are the outcomes of the credential's modules, each once.
func moduleOutcomes(p *authoring.Project, c *authoring.Credential) []string {
	own := *c
	own.Outcomes = nil
	return p.CredentialOutcomes(&own)
}

// takeOutcomes copies the modules' outcomes into the credential, after
// those it already has, so that the designer can edit them.
func (e *editor) takeOutcomes() {
	c, _ := e.cred()
	var add []string
	for _, o := range moduleOutcomes(e.s.project(), c) {
		if !slices.Contains(c.Outcomes, o) {
			add = append(add, o)
		}
	}
	if len(add) == 0 {
		return
	}
	e.set("outcomes", false, func(c *authoring.Credential) { c.Outcomes = append(c.Outcomes, add...) })
	e.rebuild("outcomes[0]")
}

// skills lists the skills, each an URI and a label, with the ESCO picker.
func (e *editor) skills() fyne.CanvasObject {
	t := e.t
	c, _ := e.cred()
	rows := container.NewVBox()
	for i := range c.Skills {
		sk := func(c *authoring.Credential) *authoring.Skill {
			if i < len(c.Skills) {
				return &c.Skills[i]
			}
			return &authoring.Skill{}
		}
		label := e.text(fmt.Sprintf("skills[%d].label", i), false, func(c *authoring.Credential) string { return sk(c).Label },
			func(c *authoring.Credential, s string) { sk(c).Label = s })
		label.SetPlaceHolder(t.S("CredSkillLabelPlaceholder"))
		uri := e.text(fmt.Sprintf("skills[%d].uri", i), false, func(c *authoring.Credential) string { return sk(c).URI },
			func(c *authoring.Credential, s string) { sk(c).URI = s })
		uri.SetPlaceHolder(t.S("CredSkillURIPlaceholder"))
		uri.TextStyle = fyne.TextStyle{Monospace: true}
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			e.set("skills", false, func(c *authoring.Credential) { c.Skills = slices.Delete(c.Skills, i, i+1) })
			e.rebuild("")
		})
		remove.Importance = widget.LowImportance
		rows.Add(container.NewBorder(nil, nil, nil, remove, container.NewVBox(label, uri)))
		if i < len(c.Skills)-1 {
			rows.Add(widget.NewSeparator())
		}
	}
	pick := widget.NewButtonWithIcon(t.S("CredSkillPick"), theme.SearchIcon(), func() {
		e.s.Picker = showSkillPicker(e.t, e.s.opts.Window, e.addSkill)
	})
	pick.Importance = widget.HighImportance
	other := widget.NewButtonWithIcon(t.S("CredSkillOther"), theme.ContentAddIcon(), func() {
		c, _ := e.cred()
		n := len(c.Skills)
		e.set("skills", false, func(c *authoring.Credential) { c.Skills = append(c.Skills, authoring.Skill{}) })
		e.rebuild(fmt.Sprintf("skills[%d].label", n))
	})
	e.fields["skills"] = pick
	return container.NewVBox(rows, container.NewHBox(pick, other))
}

// addSkill adds a picked skill unless the credential has it already.
func (e *editor) addSkill(sk authoring.Skill) {
	c, _ := e.cred()
	if c == nil || slices.ContainsFunc(c.Skills, func(x authoring.Skill) bool { return x.URI == sk.URI }) {
		return
	}
	e.set("skills", false, func(c *authoring.Credential) { c.Skills = append(c.Skills, sk) })
	e.rebuild("")
}

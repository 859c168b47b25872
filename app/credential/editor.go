package credential

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/mediapick"
	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/app/uikit"
	"github.com/stacklet/stacklet/authoring"
)

// editor is the form of one credential.
type editor struct {
	s       *Screen
	t       *tr.T
	id      string
	fields  map[string]fyne.Focusable
	loads   []func(c *authoring.Credential)
	loading bool
	shape   string // what reload cannot update in place (see shapeOf)
	scroll  *container.Scroll
}

func newEditor(s *Screen, id string) *editor {
	e := &editor{s: s, t: s.opts.T, id: id, fields: map[string]fyne.Focusable{}}
	c, _ := e.cred()
	e.shape = e.shapeOf(c)
	groups := []fyne.CanvasObject{
		e.basics(), e.earnedBy(), e.awardingBody(), e.learning(), e.assessment(), e.recognition(),
	}
	body := container.NewVBox(groups...)
	// The form never scrolls sideways: it takes the width there is.
	e.scroll = container.NewVScroll(container.NewPadded(narrow(uikit.MaxWidth(body, uikit.FormWidth), 360)))
	return e
}

// shapeOf is what the form's structure depends on: rows of lists, the
// modules to tick and the badge. When it changes, the form is rebuilt.
func (e *editor) shapeOf(c *authoring.Credential) string {
	if c == nil {
		return ""
	}
	var mods []string
	for _, m := range e.s.project().Modules {
		mods = append(mods, m.ID+"\x00"+m.Title)
	}
	return fmt.Sprint(len(c.Outcomes), len(c.Skills), len(c.Modules), c.Image, c.Stackability.Stackable, mods)
}

// reload fills the widgets from the model after undo or redo, in place so
// that focus and scrolling stay; false when the form must be rebuilt.
func (e *editor) reload() bool {
	c, _ := e.cred()
	if c == nil || e.id != e.s.selected || e.shapeOf(c) != e.shape {
		return false
	}
	e.loading = true
	defer func() { e.loading = false }()
	for _, fn := range e.loads {
		fn(c)
	}
	return true
}

// rebuild redraws the form after an edit that changed its structure and
// focuses field ("" for none).
func (e *editor) rebuild(field string) {
	e.s.showEditor()
	if field != "" {
		e.s.focus(field)
	}
}

// field finds the widget of a field, or of the nearest field holding it:
// "skills[2].uri", else "skills[2]", else "skills".
func (e *editor) field(name string) fyne.Focusable {
	for name != "" {
		if f, ok := e.fields[name]; ok {
			return f
		}
		name = parentField(name)
	}
	return nil
}

func parentField(name string) string {
	if strings.HasSuffix(name, "]") {
		if i := strings.LastIndex(name, "["); i >= 0 {
			return name[:i]
		}
	}
	if i := strings.LastIndex(name, "."); i >= 0 {
		return name[:i]
	}
	return ""
}

// focus scrolls a field into view and gives it the keyboard focus.
func (e *editor) focus(name string) {
	f := e.field(name)
	if f == nil {
		return
	}
	obj := f.(fyne.CanvasObject)
	d := fyne.CurrentApp().Driver()
	if content := e.scroll.Content; content != nil {
		y := d.AbsolutePositionForObject(obj).Y - d.AbsolutePositionForObject(content).Y
		e.scroll.Offset.Y = max(0, y-theme.Padding()*20) // its label and some context stay in view
		e.scroll.Refresh()
	}
	if c := d.CanvasForObject(obj); c != nil {
		c.Focus(f)
	}
}

// group is a titled section of the form.
func group(title string, rows ...fyne.CanvasObject) fyne.CanvasObject {
	head := heading(title)
	return container.NewVBox(layout.NewSpacer(), head, widget.NewSeparator(), container.NewVBox(rows...))
}

// row is a labelled field with an optional hint under it.
func row(label string, w fyne.CanvasObject, hint string) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	if _, ok := w.(*widget.Select); ok {
		w = narrow(w, 120)
	}
	objs := []fyne.CanvasObject{l, w}
	if hint != "" {
		h := widget.NewLabel(hint)
		h.Wrapping = fyne.TextWrapWord
		h.SizeName = theme.SizeNameCaptionText
		objs = append(objs, h)
	}
	return container.NewVBox(objs...)
}

// pair puts two short fields side by side.
func pair(a, b fyne.CanvasObject) fyne.CanvasObject { return container.NewGridWithColumns(2, a, b) }

func (e *editor) basics() fyne.CanvasObject {
	t := e.t
	title := e.text("title", false, func(c *authoring.Credential) string { return c.Title },
		func(c *authoring.Credential, s string) { c.Title = s })
	desc := e.text("description", true, func(c *authoring.Credential) string { return c.Description },
		func(c *authoring.Credential, s string) { c.Description = s })
	tags := e.text("tags", false, func(c *authoring.Credential) string { return tagsText(c.Tags) },
		func(c *authoring.Credential, s string) { c.Tags = parseTags(s) })
	tags.SetPlaceHolder(t.S("CredTagsPlaceholder"))
	return group(t.S("CredGroupBasics"),
		row(t.S("CredFieldTitle"), title, ""),
		row(t.S("CredFieldDescription"), desc, t.S("CredDescriptionHint")),
		row(t.S("CredFieldTags"), tags, t.S("CredTagsHint")),
		row(t.S("CredFieldImage"), e.badge(), t.S("CredImageHint")),
	)
}

// badge is the badge image picker with its preview.
func (e *editor) badge() fyne.CanvasObject {
	c, _ := e.cred()
	s := e.s
	ctx := mediapick.Context{T: e.t, Session: s.opts.Session, Window: s.opts.Window, OnError: s.showError}
	p := mediapick.New(ctx, "badge", c.Image, true, func(hash string) {
		e.set("image", false, func(c *authoring.Credential) { c.Image = hash })
		e.rebuild("")
	})
	e.fields["image"] = p.Choose
	return p.Object()
}

func (e *editor) earnedBy() fyne.CanvasObject {
	t := e.t
	return group(t.S("CredGroupEarnedBy"),
		row(t.S("CredFieldModules"), e.modules(), t.S("CredModulesHint")),
		row(t.S("CredFieldRequired"), e.required(), ""),
	)
}

func (e *editor) awardingBody() fyne.CanvasObject {
	t := e.t
	org := func(c *authoring.Credential) *authoring.Organisation { return &c.AwardingBody }
	name := e.text("awardingBody.name", false, func(c *authoring.Credential) string { return org(c).Name },
		func(c *authoring.Credential, s string) { org(c).Name = s })
	url := e.text("awardingBody.url", false, func(c *authoring.Credential) string { return org(c).URL },
		func(c *authoring.Credential, s string) { org(c).URL = strings.TrimSpace(s) })
	url.SetPlaceHolder("https://")
	url.Validator = e.urlValidator
	email := e.text("awardingBody.email", false, func(c *authoring.Credential) string { return org(c).Email },
		func(c *authoring.Credential, s string) { org(c).Email = strings.TrimSpace(s) })
	email.Validator = e.emailValidator
	region := e.text("awardingBody.region", false, func(c *authoring.Credential) string { return org(c).Region },
		func(c *authoring.Credential, s string) { org(c).Region = s })
	return group(t.S("CredGroupAwardingBody"),
		row(t.S("CredFieldBodyName"), name, ""),
		pair(row(t.S("CredFieldBodyURL"), url, ""), row(t.S("CredFieldBodyEmail"), email, "")),
		pair(row(t.S("CredFieldCountry"), e.country(), ""), row(t.S("CredFieldRegion"), region, "")),
	)
}

func (e *editor) learning() fyne.CanvasObject {
	t := e.t
	hours := e.number("workloadHours", false, func(c *authoring.Credential) float64 { return c.WorkloadHours },
		func(c *authoring.Credential, v float64) { c.WorkloadHours = v })
	ects := e.number("ects", false, func(c *authoring.Credential) float64 { return c.ECTS },
		func(c *authoring.Credential, v float64) { c.ECTS = v })
	national := e.text("nationalLevel", false, func(c *authoring.Credential) string { return c.NationalLevel },
		func(c *authoring.Credential, s string) { c.NationalLevel = s })
	national.SetPlaceHolder(t.S("CredNationalPlaceholder"))
	return group(t.S("CredGroupLearning"),
		row(t.S("CredFieldOutcomes"), e.outcomes(), ""),
		pair(row(t.S("CredFieldWorkload"), hours, t.S("CredWorkloadHint")), row(t.S("CredFieldECTS"), ects, t.S("CredECTSHint"))),
		pair(row(t.S("CredFieldEQF"), e.eqf(), t.S("CredEQFHint")), row(t.S("CredFieldNational"), national, "")),
	)
}

func (e *editor) assessment() fyne.CanvasObject {
	t := e.t
	assess := e.text("assessment", true, func(c *authoring.Credential) string { return c.Assessment },
		func(c *authoring.Credential, s string) { c.Assessment = s })
	assess.SetPlaceHolder(t.S("CredAssessmentPlaceholder"))
	qa := e.text("qualityAssurance", true, func(c *authoring.Credential) string { return c.QualityAssurance },
		func(c *authoring.Credential, s string) { c.QualityAssurance = s })
	qa.SetPlaceHolder(t.S("CredQAPlaceholder"))
	prereq := e.text("prerequisites", true, func(c *authoring.Credential) string { return c.Prerequisites },
		func(c *authoring.Credential, s string) { c.Prerequisites = s })
	grading := e.text("gradingScheme", false, func(c *authoring.Credential) string { return c.GradingScheme },
		func(c *authoring.Credential, s string) { c.GradingScheme = s })
	grading.SetPlaceHolder(t.S("CredGradingPlaceholder"))
	return group(t.S("CredGroupAssessment"),
		row(t.S("CredFieldAssessment"), assess, ""),
		pair(row(t.S("CredFieldParticipation"), e.participation(), ""), row(t.S("CredFieldSupervision"), e.supervision(), "")),
		row(t.S("CredFieldQA"), qa, ""),
		row(t.S("CredFieldPrerequisites"), prereq, ""),
		row(t.S("CredFieldGrading"), grading, ""),
	)
}

func (e *editor) recognition() fyne.CanvasObject {
	t := e.t
	criteria := e.text("criteria", true, func(c *authoring.Credential) string { return c.Criteria },
		func(c *authoring.Credential, s string) { c.Criteria = s })
	criteria.SetPlaceHolder(t.S("CredCriteriaPlaceholder"))
	validity := e.number("validityMonths", true, func(c *authoring.Credential) float64 { return float64(c.ValidityMonths) },
		func(c *authoring.Credential, v float64) { c.ValidityMonths = int(v) })
	validity.SetPlaceHolder(t.S("CredValidityPlaceholder"))
	more := e.text("moreInfoUrl", false, func(c *authoring.Credential) string { return c.MoreInfoURL },
		func(c *authoring.Credential, s string) { c.MoreInfoURL = strings.TrimSpace(s) })
	more.SetPlaceHolder("https://")
	more.Validator = e.urlValidator
	compliant := e.check("euCompliant", t.S("CredEUCompliant"), func(c *authoring.Credential) bool { return c.EUCompliant },
		func(c *authoring.Credential, v bool) { c.EUCompliant = v })
	return group(t.S("CredGroupRecognition"),
		row(t.S("CredFieldStackability"), e.stackability(), ""),
		row(t.S("CredFieldSkills"), e.skills(), t.S("CredSkillsHint")),
		row(t.S("CredFieldCriteria"), criteria, ""),
		pair(row(t.S("CredFieldValidity"), validity, t.S("CredValidityHint")), row(t.S("CredFieldMoreInfo"), more, "")),
		row(t.S("CredFieldCompliance"), compliant, t.S("CredEUCompliantHint")),
	)
}

// Package problems is the live list of a module's validation problems;
// choosing one takes the designer to the block and field to fix.
package problems

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/app/uikit"
	"github.com/stacklet/stacklet/authoring"
)

// Panel shows the problems of one module.
type Panel struct {
	List     *widget.List
	OnSelect func(p authoring.Problem)

	t      *tr.T
	items  []authoring.Problem
	header *widget.Label
	empty  *widget.Label
	obj    fyne.CanvasObject
}

// New returns an empty panel.
func New(t *tr.T) *Panel {
	p := &Panel{t: t, header: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	p.List = widget.NewList(func() int { return len(p.items) }, p.newRow, p.updateRow)
	p.List.OnSelected = func(i widget.ListItemID) {
		if i < len(p.items) && p.OnSelect != nil {
			p.OnSelect(p.items[i])
		}
		p.List.UnselectAll() // a second click on the same problem works too
	}
	p.empty = widget.NewLabel(t.S("ProblemsNone"))
	p.empty.Importance = widget.SuccessImportance
	p.obj = container.NewBorder(p.header, nil, nil, nil, container.NewStack(p.List, container.NewPadded(p.empty)))
	p.Set(nil)
	return p
}

// Object is the panel's canvas object.
func (p *Panel) Object() fyne.CanvasObject { return p.obj }

// Items are the problems on show.
func (p *Panel) Items() []authoring.Problem { return p.items }

// Set shows problems, errors first.
func (p *Panel) Set(problems []authoring.Problem) {
	p.items = append(authoring.Errors(problems), warnings(problems)...)
	errs := len(authoring.Errors(problems))
	p.header.SetText(p.t.N("ProblemsHeader", len(p.items), map[string]any{"Errors": errs}))
	if len(p.items) == 0 {
		p.header.Hide()
		p.empty.Show()
		p.List.Hide()
	} else {
		p.header.Show()
		p.empty.Hide()
		p.List.Show()
	}
	p.List.Refresh()
}

func warnings(problems []authoring.Problem) []authoring.Problem {
	var out []authoring.Problem
	for _, p := range problems {
		if p.Severity != authoring.SeverityError {
			out = append(out, p)
		}
	}
	return out
}

type row struct {
	icon       *widget.Icon
	where, msg *widget.Label
}

func (p *Panel) newRow() fyne.CanvasObject {
	r := &row{icon: widget.NewIcon(theme.ErrorIcon()), where: widget.NewLabel(""), msg: widget.NewLabel("")}
	r.where.TextStyle = fyne.TextStyle{Bold: true}
	r.msg.Truncation = fyne.TextTruncateEllipsis
	return uikit.NewRow(r, container.NewBorder(nil, nil, container.NewHBox(r.icon, uikit.MinWidth(r.where, 170)), nil, r.msg))
}

func (p *Panel) updateRow(i widget.ListItemID, obj fyne.CanvasObject) {
	if i >= len(p.items) {
		return
	}
	r, pr := obj.(*uikit.Row[*row]).Parts, p.items[i]
	if pr.Severity == authoring.SeverityError {
		r.icon.SetResource(theme.ErrorIcon())
	} else {
		r.icon.SetResource(theme.WarningIcon())
	}
	r.where.SetText(p.where(pr))
	r.msg.SetText(Message(p.t, pr))
	obj.Refresh() // lay the row out again for the new texts
}

// where names the block ("Block 3 · Image") or the module settings.
func (p *Panel) where(pr authoring.Problem) string {
	if pr.Block == 0 {
		return p.t.S("ProblemsModuleSettings")
	}
	return p.t.F("ProblemsBlock", map[string]any{"N": pr.Block, "Kind": uikit.KindLabel(p.t, pr.Kind)})
}

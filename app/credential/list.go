package credential

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/uikit"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/edit"
)

type rowParts struct {
	title, state *widget.Label
}

func (s *Screen) buildList() {
	s.List = widget.NewList(
		func() int { return len(s.ids) },
		func() fyne.CanvasObject {
			title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			title.Truncation = fyne.TextTruncateEllipsis
			state := widget.NewLabel("")
			state.SizeName = theme.SizeNameCaptionText
			state.Truncation = fyne.TextTruncateEllipsis
			return uikit.NewRow(rowParts{title, state}, container.NewVBox(title, state))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			parts := o.(*uikit.Row[rowParts]).Parts
			c, err := s.project().Credential(s.ids[i])
			if err != nil {
				return
			}
			parts.title.SetText(displayTitle(s.opts.T.S("CredUntitled"), c))
			parts.state.SetText(s.rowState(c))
		})
	s.List.OnSelected = func(i widget.ListItemID) {
		if i < len(s.ids) && s.ids[i] != s.selected {
			s.selected = s.ids[i]
			s.showEditor()
		}
	}
}

func displayTitle(untitled string, c *authoring.Credential) string {
	if t := strings.TrimSpace(c.Title); t != "" {
		return t
	}
	return untitled
}

// rowState says under the title how far the credential is from the EU list.
func (s *Screen) rowState(c *authoring.Credential) string {
	if n := len(s.project().MissingEUElements(c)); n > 0 {
		return s.opts.T.N("CredRowMissing", n, nil)
	}
	return s.opts.T.S("CredRowComplete")
}

// reloadList reads the credential ids and keeps the selection on screen.
func (s *Screen) reloadList() {
	p := s.project()
	s.ids = s.ids[:0]
	for _, c := range p.Credentials {
		s.ids = append(s.ids, c.ID)
	}
	s.List.Refresh()
	for i, id := range s.ids {
		if id == s.selected {
			s.List.Select(i) // no-op when already selected
			return
		}
	}
	s.List.UnselectAll()
}

func (s *Screen) onAdd() {
	p := s.project()
	c := authoring.Credential{ID: uniqueID(p, "credential"), Title: s.opts.T.S("CredNewTitle")}
	if m := s.defaultModule(); m != "" {
		c.Modules = []string{m}
	}
	s.insert(c)
}

// defaultModule earns a new credential: the module on screen, else the first.
func (s *Screen) defaultModule() string {
	p := s.project()
	if _, err := p.Module(s.opts.CurrentModule); err == nil && s.opts.CurrentModule != "" {
		return s.opts.CurrentModule
	}
	if len(p.Modules) > 0 {
		return p.Modules[0].ID
	}
	return ""
}

func (s *Screen) onDuplicate() {
	p := s.project()
	orig, err := p.Credential(s.selected)
	if err != nil {
		return
	}
	c := cloneCredential(*orig)
	c.ID = uniqueID(p, orig.ID)
	c.Title = s.opts.T.F("CredCopyOf", map[string]any{"Title": displayTitle(s.opts.T.S("CredUntitled"), orig)})
	s.insert(c)
}

// insert adds c after the selected credential (or at the end) and shows it.
func (s *Screen) insert(c authoring.Credential) {
	at := len(s.project().Credentials)
	for i, x := range s.project().Credentials {
		if x.ID == s.selected {
			at = i + 1
		}
	}
	s.selected = c.ID
	s.structural(func(p *authoring.Project) {
		p.Credentials = append(p.Credentials[:at], append([]authoring.Credential{c}, p.Credentials[at:]...)...)
	})
}

func (s *Screen) onDelete() {
	c, err := s.project().Credential(s.selected)
	if err != nil {
		return
	}
	t := s.opts.T
	id := c.ID
	msg := t.F("CredDeleteMessage", map[string]any{"Title": displayTitle(t.S("CredUntitled"), c)})
	s.confirm(t.S("CredDeleteTitle"), msg, t.S("CredDeleteConfirm"), func() {
		s.structural(func(p *authoring.Project) {
			for i := range p.Credentials {
				if p.Credentials[i].ID == id {
					p.Credentials = append(p.Credentials[:i], p.Credentials[i+1:]...)
					return
				}
			}
		})
	})
}

// uniqueID is base, or base-2, base-3, ... whichever no credential has.
func uniqueID(p *authoring.Project, base string) string {
	id := base
	for n := 2; ; n++ {
		if _, err := p.Credential(id); err != nil {
			return id
		}
		id = base + "-" + strconv.Itoa(n)
	}
}

// structural adds or removes credentials: the observer redraws the list
// and the editor, as it does for undo.
func (s *Screen) structural(fn func(p *authoring.Project)) {
	if err := s.opts.Session.EditProject(edit.Field("credentials"), fn); err != nil {
		s.showError(err)
	}
}

// cloneCredential is a deep copy: no slice shared with the original.
func cloneCredential(c authoring.Credential) authoring.Credential {
	c.Modules = slices.Clone(c.Modules)
	c.Outcomes = slices.Clone(c.Outcomes)
	c.Skills = slices.Clone(c.Skills)
	c.Tags = slices.Clone(c.Tags)
	return c
}

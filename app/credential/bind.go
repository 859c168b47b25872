package credential

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/widget"

	"github.com/stacklet/stacklet/app/uikit"
	"github.com/stacklet/stacklet/authoring"
)

// cred is the credential being edited, looked up afresh: undo replaces the
// project's credentials slice, so a pointer kept from before goes stale.
func (e *editor) cred() (*authoring.Credential, int) {
	for i := range e.s.project().Credentials {
		if e.s.project().Credentials[i].ID == e.id {
			return &e.s.project().Credentials[i], i
		}
	}
	return nil, -1
}

// set changes one field of the credential; typing edits of the same field
// in a row become one undo step.
func (e *editor) set(field string, typing bool, fn func(c *authoring.Credential)) {
	if e.loading {
		return
	}
	_, i := e.cred()
	if i < 0 {
		return
	}
	e.s.edit(target(i, field, typing), func(p *authoring.Project) { fn(&p.Credentials[i]) })
}

// onLoad registers how a widget is filled from the model after undo/redo.
func (e *editor) onLoad(fn func(c *authoring.Credential)) {
	e.loads = append(e.loads, fn)
	if c, _ := e.cred(); c != nil {
		fn(c)
	}
}

// text is an entry bound to a string field.
func (e *editor) text(field string, multi bool, get func(*authoring.Credential) string,
	put func(*authoring.Credential, string)) *uikit.Entry {
	w := e.entry(multi)
	e.onLoad(func(c *authoring.Credential) {
		if w.Text != get(c) {
			w.SetText(get(c))
		}
	})
	w.OnChanged = func(s string) {
		if c, _ := e.cred(); c != nil && s != get(c) {
			e.set(field, true, func(c *authoring.Credential) { put(c, s) })
		}
	}
	e.fields[field] = w
	return w
}

func (e *editor) entry(multi bool) *uikit.Entry {
	if multi {
		return uikit.NewMultiLineEntry(e.s.opts.History, 3)
	}
	return uikit.NewEntry(e.s.opts.History)
}

// number is an entry bound to a number from 0 up: empty is 0, whole
// numbers only when whole is set. What does not parse is not saved.
func (e *editor) number(field string, whole bool, get func(*authoring.Credential) float64,
	put func(*authoring.Credential, float64)) *uikit.Entry {
	w := e.entry(false)
	parse := func(s string) (float64, error) {
		s = strings.ReplaceAll(strings.TrimSpace(s), ",", ".")
		if s == "" {
			return 0, nil
		}
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || v < 0 || (whole && v != float64(int(v))) {
			if whole {
				return 0, errors.New(e.t.S("CredBadWhole"))
			}
			return 0, errors.New(e.t.S("CredBadNumber"))
		}
		return v, nil
	}
	w.Validator = func(s string) error { _, err := parse(s); return err }
	e.onLoad(func(c *authoring.Credential) {
		if v, err := parse(w.Text); err != nil || v != get(c) {
			w.SetText(formatNumber(get(c)))
		}
	})
	w.OnChanged = func(s string) {
		v, err := parse(s)
		if c, _ := e.cred(); c != nil && err == nil && v != get(c) {
			e.set(field, true, func(c *authoring.Credential) { put(c, v) })
		}
	}
	e.fields[field] = w
	return w
}

func formatNumber(v float64) string {
	if v == 0 {
		return ""
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// choice is a select of labels bound to the index of a value.
func (e *editor) choice(field string, labels []string, get func(*authoring.Credential) int,
	put func(*authoring.Credential, int)) *widget.Select {
	w := widget.NewSelect(labels, nil)
	e.onLoad(func(c *authoring.Credential) {
		if i := get(c); i != w.SelectedIndex() {
			if i < 0 {
				w.ClearSelected()
			} else {
				w.SetSelectedIndex(i)
			}
		}
	})
	w.OnChanged = func(string) {
		i := w.SelectedIndex()
		if c, _ := e.cred(); c != nil && i >= 0 && i != get(c) {
			e.set(field, false, func(c *authoring.Credential) { put(c, i) })
		}
	}
	e.fields[field] = w
	return w
}

// check is a tick box bound to a bool field.
func (e *editor) check(field, label string, get func(*authoring.Credential) bool,
	put func(*authoring.Credential, bool)) *widget.Check {
	w := widget.NewCheck(label, nil)
	e.onLoad(func(c *authoring.Credential) {
		if w.Checked != get(c) {
			w.SetChecked(get(c))
		}
	})
	w.OnChanged = func(v bool) {
		if c, _ := e.cred(); c != nil && v != get(c) {
			e.set(field, false, func(c *authoring.Credential) { put(c, v) })
		}
	}
	e.fields[field] = w
	return w
}

// tagsText is the tags as the designer types them: comma separated.
func tagsText(tags []string) string { return strings.Join(tags, ", ") }

// parseTags splits on commas, dropping empty parts; repeats stay for the
// validation to name them.
func parseTags(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

func sameTags(a, b []string) bool { return slices.Equal(a, b) }

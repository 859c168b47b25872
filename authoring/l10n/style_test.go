package l10n_test

import (
	"strings"
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
)

func TestStyleOverrideFieldByField(t *testing.T) {
	stored := l10n.Style{Formality: l10n.Formal, Audience: "site managers", Notes: "British spelling"}
	got := stored.Override(l10n.Style{Audience: "apprentices"})
	want := l10n.Style{Formality: l10n.Formal, Audience: "apprentices", Notes: "British spelling"}
	if got != want {
		t.Errorf("override %+v, want %+v", got, want)
	}
	if got := stored.Override(l10n.Style{}); got != stored {
		t.Errorf("an empty override changed the style: %+v", got)
	}
}

func TestStyleValidate(t *testing.T) {
	for name, c := range map[string]struct {
		style l10n.Style
		ok    bool
	}{
		"empty":          {l10n.Style{}, true},
		"informal":       {l10n.Style{Formality: l10n.Informal, Audience: "nurses"}, true},
		"unknown":        {l10n.Style{Formality: "polite"}, false},
		"audience 200":   {l10n.Style{Audience: strings.Repeat("é", 200)}, true},
		"audience 201":   {l10n.Style{Audience: strings.Repeat("é", 201)}, false},
		"notes too long": {l10n.Style{Notes: strings.Repeat("n", 1001)}, false},
	} {
		t.Run(name, func(t *testing.T) {
			err := c.style.Validate()
			if c.ok != (err == nil) || (err != nil && authoring.ErrorCode(err) != authoring.EINVALID) {
				t.Errorf("Validate() = %v, want ok=%v", err, c.ok)
			}
		})
	}
}

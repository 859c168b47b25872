package l10n_test

import (
	"testing"

	"github.com/stacklet/stacklet/authoring/l10n"
)

func TestApprovedByKeepsTheModel(t *testing.T) {
	machine := l10n.Translation{Target: "Hola", State: l10n.Machine, By: "model:gpt-4o-mini"}
	tests := []struct {
		name   string
		prev   l10n.Translation
		target string
		want   string
	}{
		{"machine text approved as it stands", machine, "Hola", "ana, from model:gpt-4o-mini"},
		{"machine text changed before approval", machine, "Hola a todos", "ana"},
		{"edited text", l10n.Translation{Target: "Hola", State: l10n.Edited, By: "luis"}, "Hola", "ana"},
		{"nothing before", l10n.Translation{}, "Hola", "ana"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := l10n.ApprovedBy("ana", tt.prev, tt.target); got != tt.want {
				t.Errorf("ApprovedBy = %q, want %q", got, tt.want)
			}
		})
	}
}

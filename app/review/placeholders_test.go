package review

import "testing"

func TestDisplayRoundTrip(t *testing.T) {
	tests := []struct{ segment, display string }{
		{"Plain text", "Plain text"},
		{"Use {1}bold{/1} and {2}a link{/2}", "Use ⟨1⟩bold⟨/1⟩ and ⟨2⟩a link⟨/2⟩"},
		{"A break {3/} here", "A break ⟨3/⟩ here"},
		{"Braces {{like this} stay", "Braces {like this} stay"},
		{"{{1} is not a tag", "{1} is not a tag"},
	}
	for _, tt := range tests {
		t.Run(tt.segment, func(t *testing.T) {
			if got := toDisplay(tt.segment); got != tt.display {
				t.Errorf("toDisplay = %q, want %q", got, tt.display)
			}
			if got := fromDisplay(tt.display); got != tt.segment {
				t.Errorf("fromDisplay = %q, want %q", got, tt.segment)
			}
		})
	}
}

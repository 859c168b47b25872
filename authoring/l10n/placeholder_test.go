package l10n

import "testing"

func TestTagsSkipsEscapedBraces(t *testing.T) {
	got := Tags("{{1} is text, {1}bold{/1} and {2/}")
	want := []string{"{1}", "{/1}", "{2/}"}
	if len(got) != len(want) {
		t.Fatalf("Tags = %v, want %v", got, want)
	}
	for i, tag := range got {
		if tag.String() != want[i] {
			t.Errorf("tag %d = %s, want %s", i, tag, want[i])
		}
	}
}

func TestCheckPlaceholders(t *testing.T) {
	source := "Read {1}the guide{/1} and {2}ask{/2}.{3/}"
	tests := []struct {
		name   string
		target string
		ok     bool
	}{
		{"same", "Lee {1}la guía{/1} y {2}pregunta{/2}.{3/}", true},
		{"reordered pairs", "{2}Pregunta{/2} tras {1}la guía{/1}.{3/}", true},
		{"missing", "Lee la guía y {2}pregunta{/2}.{3/}", false},
		{"added", "Lee {1}la guía{/1} y {2}pregunta{/2}.{3/}{4/}", false},
		{"repeated", "{1}Lee{/1} {1}la guía{/1} y {2}pregunta{/2}.{3/}", false},
		{"crossed", "Lee {1}la {2}guía{/1} y pregunta{/2}.{3/}", false},
		{"closed before open", "Lee {/1}la guía{1} y {2}pregunta{/2}.{3/}", false},
		{"escaped lookalike is text", "Lee {1}la guía{/1} y {2}pregunta{/2}.{3/} {{4/}", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckPlaceholders(source, tt.target)
			if (err == nil) != tt.ok {
				t.Fatalf("CheckPlaceholders(%q) = %v, want ok=%v", tt.target, err, tt.ok)
			}
		})
	}
}

func TestEscapeRoundTrip(t *testing.T) {
	for _, s := range []string{"", "plain", "{1}", "a {{ b", "{/2} {3/}"} {
		if got := UnescapeText(EscapeText(s)); got != s {
			t.Errorf("round trip of %q = %q", s, got)
		}
		if tags := Tags(EscapeText(s)); len(tags) != 0 {
			t.Errorf("escaped %q still has placeholders %v", s, tags)
		}
	}
}

package l10n_test

import (
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
)

func TestMemory(t *testing.T) {
	seg := func(id, source string) l10n.Segment { return l10n.Segment{ID: id, Source: source} }
	older, newer := when, when.Add(1)
	es := l10n.Translations{
		"a": l10n.NewTranslation(seg("a", "Next"), "Siguiente", l10n.Approved, "ana", older),
		"b": l10n.NewTranslation(seg("b", "Next"), "Próximo", l10n.Approved, "ana", newer),
		"c": l10n.NewTranslation(seg("c", "Back"), "Atrás", l10n.Machine, "model:x", newer),
		"d": l10n.NewTranslation(seg("d", "Go {1}now{/1}"), "Ve ahora", l10n.Approved, "ana", newer),
		"e": l10n.NewTranslation(seg("e", "Done"), "Hecho", l10n.Approved, "ana", older),
		"f": l10n.NewTranslation(seg("f", "Done"), "Terminado", l10n.Approved, "ana", older),
	}
	m := l10n.NewMemory(map[authoring.Locale]l10n.Translations{"es": es})
	tests := []struct {
		name, source string
		locale       authoring.Locale
		want         string
		ok           bool
	}{
		{"newest approved wins", "Next", "es", "Próximo", true},
		{"ties go to the smallest id", "Done", "es", "Hecho", true},
		{"machine output is not memory", "Back", "es", "", false},
		{"broken placeholders are not memory", "Go {1}now{/1}", "es", "", false},
		{"other locale", "Next", "fr", "", false},
		{"exact text only", "next", "es", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := m.Lookup(tt.locale, tt.source)
			if ok != tt.ok || got.Target != tt.want {
				t.Errorf("Lookup = %q, %v; want %q, %v", got.Target, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestStatus(t *testing.T) {
	segs := []l10n.Segment{{ID: "a", Source: "A"}, {ID: "b", Source: "B"}, {ID: "c", Source: "C"}, {ID: "d", Source: "D"}}
	tr := l10n.Translations{
		"a": l10n.NewTranslation(segs[0], "A!", l10n.Approved, "x", when),
		"b": l10n.NewTranslation(l10n.Segment{ID: "b", Source: "old B"}, "B!", l10n.Approved, "x", when),
		"c": l10n.NewTranslation(segs[2], "C!", l10n.Machine, "x", when),
		"z": l10n.NewTranslation(l10n.Segment{ID: "z", Source: "Z"}, "Z!", l10n.Edited, "x", when),
	}
	got := l10n.StatusOf("es", segs, tr)
	want := l10n.Status{Locale: "es", Total: 4, Untranslated: 1, Machine: 1, Approved: 2, Stale: 1, Orphaned: 1}
	if got != want {
		t.Errorf("status %+v, want %+v", got, want)
	}
}

func TestTranslationValidate(t *testing.T) {
	tests := []struct {
		name string
		tr   l10n.Translation
		ok   bool
	}{
		{"good", l10n.Translation{ID: "a", Source: "A", Target: "B", State: l10n.Approved}, true},
		{"comment holder", l10n.Translation{ID: "a", State: l10n.Untranslated}, true},
		{"no id", l10n.Translation{Target: "B", State: l10n.Edited}, false},
		{"unknown state", l10n.Translation{ID: "a", Target: "B", State: "done"}, false},
		{"machine without text", l10n.Translation{ID: "a", State: l10n.Machine}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.tr.Validate()
			if tt.ok != (err == nil) || (err != nil && authoring.ErrorCode(err) != authoring.EINVALID) {
				t.Errorf("Validate = %v (%s), want ok=%v", err, authoring.ErrorCode(err), tt.ok)
			}
		})
	}
}

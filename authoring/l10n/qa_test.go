package l10n_test

import (
	"slices"
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/l10n"
)

func checks(w []l10n.Warning) []string {
	var out []string
	for _, x := range w {
		out = append(out, x.Check)
	}
	return out
}

func TestQA(t *testing.T) {
	g := l10n.Glossary{
		{Term: "micro-credential", Translations: map[authoring.Locale]string{"es": "microcredencial", "ar": "الشهادة المصغّرة"}},
		{Term: "ESCO", DoNotTranslate: true},
	}
	tests := []struct {
		name, source, target string
		locale               authoring.Locale
		maxLen               int
		want                 []string
	}{
		{"clean", "Read {1}the guide{/1}.", "Lee {1}la guía{/1}.", "es", 0, nil},
		{"untranslated", "Read the guide.", "", "es", 0, nil},
		{"placeholder missing", "Read {1}the guide{/1}.", "Lee la guía.", "es", 0, []string{l10n.WarnPlaceholders}},
		{"number changed", "It takes 25 to 30 hours.", "Lleva de 25 a 35 horas.", "es", 0, []string{l10n.WarnNumbers}},
		{"decimal comma is the same number", "Worth 2.5 credits.", "Vale 2,5 créditos.", "es", 0, nil},
		{"arabic digits are the same number", "Level 8.", "المستوى ٨.", "ar", 0, nil},
		{"trailing space", "Next ", "Siguiente", "es", 0, []string{l10n.WarnWhitespace}},
		{"end punctuation lost", "Is it true?", "Es verdad", "es", 0, []string{l10n.WarnPunctuation}},
		{"arabic question mark agrees", "Is it true?", "هل هذا صحيح؟", "ar", 0, nil},
		{"closing quote looked past", "He said “stop.”", "Dijo «para.»", "es", 0, nil},
		{"far too long", "Short text here.", "Un texto que es muchísimo más largo de lo que debería ser jamás aquí.", "es", 0, []string{l10n.WarnLength}},
		{"short strings have slack", "OK", "Aceptar", "es", 0, nil},
		{"over the length hint", "Continue", "Continuar con el módulo", "es", 10, []string{l10n.WarnLength}},
		{"glossary term not used", "A micro-credential counts.", "Una credencial pequeña cuenta.", "es", 0, []string{l10n.WarnGlossary}},
		{"glossary term used", "A micro-credential counts.", "Una microcredencial cuenta.", "es", 0, nil},
		{"do-not-translate kept", "Tag skills with ESCO.", "Etiqueta las competencias con ESCO.", "es", 0, nil},
		{"do-not-translate translated", "Tag skills with ESCO.", "Etiqueta las competencias con CEEO.", "es", 0, []string{l10n.WarnGlossary}},
		{"arabic article and clitics", "The micro-credential and ESCO.", "وللشهادةِ المصغّرة وESCO.", "ar", 0, nil},
		{"arabic term missing", "A micro-credential.", "شارة رقمية.", "ar", 0, []string{l10n.WarnGlossary}},
		{"identical", "Quality assurance", "Quality assurance", "es", 0, []string{l10n.WarnIdentical}},
		{"identical acronym is fine", "EQF", "EQF", "es", 0, nil},
		{"identical do-not-translate name", "ESCO and more", "ESCO and more", "es", 0, []string{l10n.WarnIdentical}},
		{"identical name with version", "ESCO 2.0", "ESCO 2.0", "es", 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seg := l10n.Segment{ID: "x", Source: tt.source, Hash: l10n.HashText(tt.source), MaxLen: tt.maxLen}
			got := checks(l10n.QA(seg, tt.target, tt.locale, g))
			if !slices.Equal(got, tt.want) {
				t.Errorf("checks %v, want %v (%v)", got, tt.want, l10n.QA(seg, tt.target, tt.locale, g))
			}
		})
	}
}

func TestGlossaryHitsWholeWords(t *testing.T) {
	g := l10n.Glossary{{Term: "ECTS"}, {Term: "badge"}, {Term: "Open Badges"}}
	got := g.Hits("Credits in ECTS, not OBJECTS; see Open Badges.")
	var terms []string
	for _, h := range got {
		terms = append(terms, h.Term)
	}
	if !slices.Equal(terms, []string{"ECTS", "Open Badges"}) {
		t.Errorf("hits %v", terms)
	}
}

func TestTermValidate(t *testing.T) {
	tests := []struct {
		name string
		term l10n.Term
		ok   bool
	}{
		{"good", l10n.Term{Term: "badge", Translations: map[authoring.Locale]string{"es": "insignia"}}, true},
		{"empty", l10n.Term{Term: " "}, false},
		{"padded", l10n.Term{Term: "badge "}, false},
		{"dnt with translations", l10n.Term{Term: "ESCO", DoNotTranslate: true, Translations: map[authoring.Locale]string{"es": "x"}}, false},
		{"bad locale", l10n.Term{Term: "badge", Translations: map[authoring.Locale]string{"not a tag": "x"}}, false},
		{"empty translation", l10n.Term{Term: "badge", Translations: map[authoring.Locale]string{"es": ""}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.term.Validate()
			if tt.ok != (err == nil) {
				t.Fatalf("Validate = %v, want ok=%v", err, tt.ok)
			}
			if err != nil && authoring.ErrorCode(err) != authoring.EINVALID {
				t.Errorf("code %q", authoring.ErrorCode(err))
			}
		})
	}
}

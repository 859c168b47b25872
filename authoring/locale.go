package authoring

import (
	"golang.org/x/text/language"
)

// Locale is a BCP 47 language tag such as "en", "pt-BR" or "ar".
type Locale string

// ParseLocale checks tag and returns it in canonical form ("pt-br" becomes
// "pt-BR"). Any well-formed tag is accepted: no language is assumed.
func ParseLocale(tag string) (Locale, error) {
	if tag == "" {
		return "", Errorf(EINVALID, "locale is empty: use a BCP 47 tag such as \"en\" or \"pt-BR\"")
	}
	t, err := language.Parse(tag)
	if err != nil {
		return "", Errorf(EINVALID, "locale %q is not a valid BCP 47 tag", tag)
	}
	return Locale(t.String()), nil
}

// rtlScripts are the scripts written right to left (ISO 15924 codes).
var rtlScripts = map[string]bool{
	"Arab": true, "Hebr": true, "Thaa": true, "Syrc": true, "Nkoo": true,
	"Adlm": true, "Rohg": true, "Mand": true, "Samr": true,
}

// Dir returns "rtl" when the locale's script is written right to left, else "ltr".
func (l Locale) Dir() string {
	t, err := language.Parse(string(l))
	if err != nil {
		return "ltr"
	}
	script, _ := t.Script()
	if rtlScripts[script.String()] {
		return "rtl"
	}
	return "ltr"
}

// Base returns the language subtag, "pt" for "pt-BR".
func (l Locale) Base() string {
	t, err := language.Parse(string(l))
	if err != nil {
		return string(l)
	}
	b, _ := t.Base()
	return b.String()
}

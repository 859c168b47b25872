package i18n

import (
	"path"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/stacklet/stacklet/authoring"
)

// readCatalog returns each message of a catalog file as its plural forms
// ("other" for a plain string); descriptions are left out.
func readCatalog(t *testing.T, l authoring.Locale) map[string]map[string]string {
	t.Helper()
	data, err := playerFS.ReadFile(path.Join("player", "active."+string(l)+".toml"))
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := toml.Unmarshal(data, &raw); err != nil {
		t.Fatalf("%s: %v", l, err)
	}
	out := map[string]map[string]string{}
	for id, v := range raw {
		forms := map[string]string{}
		switch v := v.(type) {
		case string:
			forms["other"] = v
		case map[string]any:
			for form, text := range v {
				if form != "description" {
					forms[form] = text.(string)
				}
			}
		default:
			t.Fatalf("%s: %s has unexpected type %T", l, id, v)
		}
		out[id] = forms
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func TestPlayerLocales(t *testing.T) {
	want := []authoring.Locale{"ar", "de", "en", "es", "fr", "id", "pt-BR"}
	if got := PlayerLocales(); !reflect.DeepEqual(got, want) {
		t.Errorf("PlayerLocales() = %v, want %v", got, want)
	}
}

// TestCatalogsHaveEnglishKeys: every catalog has exactly English's ids, and
// each translation uses the same template fields as English.
func TestCatalogsHaveEnglishKeys(t *testing.T) {
	en := readCatalog(t, "en")
	if got := sortedKeys(en); !reflect.DeepEqual(got, PlayerMessageIDs()) {
		t.Fatalf("PlayerMessageIDs() disagrees with the English file")
	}
	field := regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`)
	fields := func(s string) []string {
		var out []string
		for _, m := range field.FindAllStringSubmatch(s, -1) {
			out = append(out, m[1])
		}
		sort.Strings(out)
		return out
	}
	for _, l := range PlayerLocales() {
		t.Run(string(l), func(t *testing.T) {
			cat := readCatalog(t, l)
			for _, id := range sortedKeys(en) {
				forms, ok := cat[id]
				if !ok {
					t.Errorf("missing %s", id)
					continue
				}
				if got, want := fields(forms["other"]), fields(en[id]["other"]); !reflect.DeepEqual(got, want) {
					t.Errorf("%s uses fields %v, English uses %v", id, got, want)
				}
				for form, text := range forms {
					if strings.TrimSpace(text) == "" {
						t.Errorf("%s.%s is empty", id, form)
					}
				}
			}
			for id := range cat {
				if _, ok := en[id]; !ok {
					t.Errorf("extra key %s (not in English)", id)
				}
			}
		})
	}
}

// TestPluralFormsRender renders every plural message in every language for
// counts that hit each CLDR category; go-i18n fails when a needed form is
// missing.
func TestPluralFormsRender(t *testing.T) {
	en := readCatalog(t, "en")
	var plurals []string
	for _, id := range sortedKeys(en) {
		if len(en[id]) > 1 {
			plurals = append(plurals, id)
		}
	}
	if len(plurals) < 3 {
		t.Fatalf("only %d plural messages: %v", len(plurals), plurals)
	}
	counts := []int{0, 1, 2, 3, 5, 11, 21, 100, 102, 1000000}
	for _, l := range PlayerLocales() {
		s, err := PlayerStrings(l)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range plurals {
			for _, n := range counts {
				got, err := s.Plural(id, n, map[string]any{"Total": n})
				if err != nil || got == "" {
					t.Errorf("%s %s(%d) = %q, %v", l, id, n, got, err)
				}
			}
		}
	}
}

func TestArabicPluralCategories(t *testing.T) {
	s, err := PlayerStrings("ar")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		n    int
		want string
	}{
		{0, "لم تتبقَّ أي محاولة"},        // zero
		{1, "تبقّت محاولة واحدة"},         // one
		{2, "تبقّت محاولتان"},             // two
		{3, "تبقّت 3 محاولات"},            // few
		{11, "تبقّت 11 محاولة"},           // many
		{100, "تبقّت 100 محاولة"},         // other
		{103, "تبقّت 103 محاولات"},        // few again
		{111, "تبقّت 111 محاولة"},         // many again
		{1000000, "تبقّت 1000000 محاولة"}, // other
	}
	for _, tt := range tests {
		got, err := s.Plural("AttemptsLeft", tt.n, nil)
		if err != nil || got != tt.want {
			t.Errorf("AttemptsLeft(%d) = %q, %v; want %q", tt.n, got, err, tt.want)
		}
	}
	got, err := s.Plural("QuestionsAnswered", 2, map[string]any{"Count": 1, "Total": 2})
	if want := "أُجيب عن 1 من سؤالين"; err != nil || got != want {
		t.Errorf("QuestionsAnswered = %q, %v; want %q", got, err, want)
	}
}

func TestPluralInOtherLanguages(t *testing.T) {
	tests := []struct {
		locale authoring.Locale
		n      int
		want   string
	}{
		{"en", 1, "1 minute"},
		{"en", 0, "0 minutes"},
		{"fr", 0, "0 minute"}, // French "one" covers 0 and 1
		{"fr", 2, "2 minutes"},
		{"fr", 1000000, "1000000 de minutes"},
		{"pt-BR", 1, "1 minuto"},
		{"de", 5, "5 Minuten"},
		{"id", 1, "1 menit"},
	}
	for _, tt := range tests {
		s, err := PlayerStrings(tt.locale)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := s.Plural("Duration", tt.n, nil); err != nil || got != tt.want {
			t.Errorf("%s Duration(%d) = %q, %v; want %q", tt.locale, tt.n, got, err, tt.want)
		}
	}
}

func TestPlayerStringsFallback(t *testing.T) {
	tests := []struct {
		in, lang authoring.Locale
		check    string
	}{
		{"en", "en", "Check"},
		{"en-GB", "en", "Check"},
		{"pt-br", "pt-BR", "Verificar"},
		{"pt-PT", "pt-BR", "Verificar"},
		{"pt", "pt-BR", "Verificar"},
		{"ar-EG", "ar", "تحقّق"},
		{"es-MX", "es", "Comprobar"},
		{"ja", "en", "Check"},
	}
	for _, tt := range tests {
		t.Run(string(tt.in), func(t *testing.T) {
			s, err := PlayerStrings(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if s.Lang() != tt.lang {
				t.Errorf("Lang() = %s, want %s", s.Lang(), tt.lang)
			}
			if got, err := s.Text("Check", nil); err != nil || got != tt.check {
				t.Errorf("Check = %q, %v", got, err)
			}
		})
	}
}

func TestPlayerStringsErrors(t *testing.T) {
	if _, err := PlayerStrings("not a tag!"); authoring.ErrorCode(err) != authoring.EINVALID {
		t.Errorf("bad tag: code %q", authoring.ErrorCode(err))
	}
	s, err := PlayerStrings("de")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Text("NoSuchMessage", nil); authoring.ErrorCode(err) != authoring.EINTERNAL {
		t.Errorf("unknown id: code %q", authoring.ErrorCode(err))
	}
	got, err := s.Text("YourScore", map[string]any{"Score": 80})
	if want := "Ihr Ergebnis: 80\u00a0%"; err != nil || got != want {
		t.Errorf("YourScore = %q, %v", got, err)
	}
}

func TestUILocales(t *testing.T) {
	want := []authoring.Locale{"de", "en", "es", "fr", "id", "pt-BR"}
	if got := UILocales(); !reflect.DeepEqual(got, want) {
		t.Errorf("UILocales() = %v, want %v", got, want)
	}
	s, err := UIStrings("es-MX")
	if err != nil {
		t.Fatal(err)
	}
	if s.Lang() != "es" {
		t.Errorf("UIStrings(es-MX) speaks %s, want es", s.Lang())
	}
}

func TestPlayerFallback(t *testing.T) {
	for _, tc := range []struct {
		locale       authoring.Locale
		want         authoring.Locale
		fellBack     bool
		warningNames []string // languages the warning must name
	}{
		{"ja", "en", true, []string{"Japanese", "English"}},
		{"ja-JP", "en", true, []string{"Japanese", "English"}},
		{"zh-Hant", "en", true, []string{"Traditional Chinese", "English"}},
		{"sw", "en", true, []string{"Swahili", "English"}},
		{"es-MX", "es", false, nil},
		{"pt-PT", "pt-BR", false, nil},
		{"en-GB", "en", false, nil},
		{"ar", "ar", false, nil},
		{"not a tag", "", false, nil},
	} {
		t.Run(string(tc.locale), func(t *testing.T) {
			got, fellBack := PlayerFallback(tc.locale)
			if got != tc.want || fellBack != tc.fellBack {
				t.Errorf("PlayerFallback = %q, %v; want %q, %v", got, fellBack, tc.want, tc.fellBack)
			}
			w := PlayerFallbackWarning(tc.locale)
			if (w != "") != tc.fellBack {
				t.Errorf("warning %q, want one only on a fallback", w)
			}
			for _, name := range tc.warningNames {
				if !strings.Contains(w, name) {
					t.Errorf("warning %q does not name %s", w, name)
				}
			}
		})
	}
}

func TestPlayerCatalogProblems(t *testing.T) {
	p := &authoring.Project{Title: "Course", SourceLocale: "ja", TargetLocales: []authoring.Locale{"es", "ar", "sw"}}
	problems := PlayerCatalogProblems(p)
	var fields []string
	for _, pr := range problems {
		if pr.Severity != authoring.SeverityWarning {
			t.Errorf("%s: severity %s, want a warning", pr.Field, pr.Severity)
		}
		fields = append(fields, pr.Field)
	}
	if want := []string{"sourceLocale", "targetLocales[2]"}; !reflect.DeepEqual(fields, want) {
		t.Errorf("warned about %v, want %v", fields, want)
	}
	p.SourceLocale, p.TargetLocales = "en", []authoring.Locale{"es", "ar"}
	if problems := PlayerCatalogProblems(p); len(problems) != 0 {
		t.Errorf("the sample's locales all have catalogs, got %v", problems)
	}
}

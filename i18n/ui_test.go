package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/stacklet/stacklet/authoring"
)

// The desktop app's catalogs are split by screen area (ui/<area>.<lang>.toml).
// Convention that makes ids findable: the app passes a message id as a
// string literal, either straight to a translate call (t.S("MenuFile"),
// t.F(...), t.N(...)) or in a table of literals that feeds one. These tests
// read the app's Go sources to hold the catalogs to that.

// readUICatalog merges every area file of one language; an id defined in two
// files is reported.
func readUICatalog(t *testing.T, l authoring.Locale) map[string]map[string]string {
	t.Helper()
	files, err := fs.Glob(uiFS, "ui/*."+string(l)+".toml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no catalog files for %s: %v", l, err)
	}
	out := map[string]map[string]string{}
	where := map[string]string{}
	for _, name := range files {
		data, err := uiFS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var raw map[string]any
		if err := toml.Unmarshal(data, &raw); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for id, v := range raw {
			if prev, dup := where[id]; dup {
				t.Errorf("%s is defined in %s and in %s", id, prev, path.Base(name))
			}
			where[id] = path.Base(name)
			out[id] = forms(t, name, id, v)
		}
	}
	return out
}

func forms(t *testing.T, file, id string, v any) map[string]string {
	out := map[string]string{}
	switch v := v.(type) {
	case string:
		out["other"] = v
	case map[string]any:
		for form, text := range v {
			if form != "description" {
				out[form] = text.(string)
			}
		}
	default:
		t.Fatalf("%s: %s has unexpected type %T", file, id, v)
	}
	return out
}

func templateFields(s string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`).FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	sort.Strings(out)
	return out
}

// TestUICatalogsMatchEnglish: every language has exactly English's ids, with
// the same template fields and no empty text.
func TestUICatalogsMatchEnglish(t *testing.T) {
	en := readUICatalog(t, "en")
	if got := sortedKeys(en); !reflect.DeepEqual(got, UIMessageIDs()) {
		t.Fatalf("UIMessageIDs() disagrees with the English files")
	}
	for _, l := range UILocales() {
		t.Run(string(l), func(t *testing.T) {
			cat := readUICatalog(t, l)
			for _, id := range sortedKeys(en) {
				forms, ok := cat[id]
				if !ok {
					t.Errorf("missing %s", id)
					continue
				}
				if got, want := templateFields(forms["other"]), templateFields(en[id]["other"]); !reflect.DeepEqual(got, want) {
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

// TestUIPluralFormsRender renders every plural UI message in every language
// for counts that reach each CLDR category.
func TestUIPluralFormsRender(t *testing.T) {
	en := readUICatalog(t, "en")
	counts := []int{0, 1, 2, 3, 5, 11, 21, 100, 102, 1000000}
	for _, l := range UILocales() {
		s, err := UIStrings(l)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range sortedKeys(en) {
			if len(en[id]) < 2 {
				continue
			}
			for _, n := range counts {
				if got, err := s.Plural(id, n, nil); err != nil || got == "" {
					t.Errorf("%s %s(%d) = %q, %v", l, id, n, got, err)
				}
			}
		}
	}
}

// appSources are the Go files of the desktop app: app/ and main.go.
func appSources(t *testing.T) []string {
	t.Helper()
	files := []string{filepath.Join("..", "main.go")}
	err := filepath.WalkDir(filepath.Join("..", "app"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// sourceIDs returns every string literal in the app's sources, and the
// literal first arguments of translate calls (.S, .F, .N) with where they are.
func sourceIDs(t *testing.T) (literals map[string]bool, calls map[string]string) {
	literals, calls = map[string]bool{}, map[string]string{}
	fset := token.NewFileSet()
	for _, name := range appSources(t) {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				if s, err := strconv.Unquote(n.Value); err == nil && n.Kind == token.STRING {
					literals[s] = true
				}
			case *ast.CallExpr:
				if id, ok := translateCall(n); ok {
					calls[id] = fset.Position(n.Pos()).String()
				}
			}
			return true
		})
	}
	return literals, calls
}

// translateCall reports the literal id of x.S("Id"), x.F("Id", ...) or x.N("Id", ...).
func translateCall(c *ast.CallExpr) (string, bool) {
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok || len(c.Args) == 0 || (sel.Sel.Name != "S" && sel.Sel.Name != "F" && sel.Sel.Name != "N") {
		return "", false
	}
	lit, ok := c.Args[0].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

func TestUIIDsAreUsed(t *testing.T) {
	literals, _ := sourceIDs(t)
	for _, id := range UIMessageIDs() {
		if !literals[id] {
			t.Errorf("%s is in the English catalog but nothing in app/ or main.go uses it: remove it, or write the id as a literal where it is used", id)
		}
	}
}

func TestUIIDsInUseExist(t *testing.T) {
	_, calls := sourceIDs(t)
	known := map[string]bool{}
	for _, id := range UIMessageIDs() {
		known[id] = true
	}
	for id, where := range calls {
		if !known[id] {
			t.Errorf("%s: %q is not in the English catalog", where, id)
		}
	}
	if len(calls) < 100 {
		t.Errorf("found only %d translate calls in app/: has the convention changed?", len(calls))
	}
}

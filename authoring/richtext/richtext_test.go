package richtext

import (
	"reflect"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []Block
	}{
		{"Paragraph", "Hello\nworld", []Block{{Type: Paragraph, Inlines: []Inline{{Type: Plain, Text: "Hello world"}}}}},
		{"Heading", "## Why it matters", []Block{{Type: Heading, Level: 2, Inlines: []Inline{{Type: Plain, Text: "Why it matters"}}}}},
		{"Bold", "a **b** c", []Block{{Type: Paragraph, Inlines: []Inline{
			{Type: Plain, Text: "a "}, {Type: Bold, Children: []Inline{{Type: Plain, Text: "b"}}}, {Type: Plain, Text: " c"}}}}},
		{"ItalicStar", "*i*", []Block{{Type: Paragraph, Inlines: []Inline{{Type: Italic, Children: []Inline{{Type: Plain, Text: "i"}}}}}}},
		{"SnakeCaseStaysLiteral", "use snake_case_names", []Block{{Type: Paragraph, Inlines: []Inline{{Type: Plain, Text: "use snake_case_names"}}}}},
		{"Link", "[EU](https://europa.eu)", []Block{{Type: Paragraph, Inlines: []Inline{
			{Type: Link, URL: "https://europa.eu", Children: []Inline{{Type: Plain, Text: "EU"}}}}}}},
		{"Lists", "- a\n- b\n\n1. c", []Block{
			{Type: BulletList, Items: [][]Inline{{{Type: Plain, Text: "a"}}, {{Type: Plain, Text: "b"}}}},
			{Type: NumberList, Items: [][]Inline{{{Type: Plain, Text: "c"}}}}}},
		{"Escapes", `\*not italic\*`, []Block{{Type: Paragraph, Inlines: []Inline{{Type: Plain, Text: "*not italic*"}}}}},
		{"LessThanInProse", "3 < 5", []Block{{Type: Paragraph, Inlines: []Inline{{Type: Plain, Text: "3 < 5"}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.src)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse(%q) =\n%#v\nwant\n%#v", tt.src, got, tt.want)
			}
		})
	}
}

func TestParseRefuses(t *testing.T) {
	for _, src := range []string{
		"<b>bold</b>",
		"line one\n<script>alert(1)</script>",
		"[x](javascript:alert(1))",
		"[x](data:text/html,hi)",
		"<!-- comment -->",
	} {
		_, err := Parse(src)
		if err == nil {
			t.Errorf("Parse(%q) accepted unsafe markup", src)
		}
	}
	_, err := Parse("ok\n\n<i>x</i>")
	if e, ok := err.(*Error); !ok || e.Line != 3 {
		t.Errorf("error %v should name line 3", err)
	}
}

func TestSummary(t *testing.T) {
	if got := Summary("## Title\n**Bold** and [link](https://a.b)\n- item"); got != "Title Bold and link item" {
		t.Errorf("Summary = %q", got)
	}
}

// FuzzParse checks that no input panics and that accepted input never
// carries raw HTML tags or unsafe link schemes.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"**a** *b* [c](https://d)", "## h\n- x\n1. y", "<b>", "[a](javascript:x)", `\**`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		blocks, err := Parse(src)
		if err != nil {
			return
		}
		var walk func([]Inline)
		walk = func(in []Inline) {
			for _, x := range in {
				if x.Type == Link {
					if checkURL(x.URL) != nil {
						t.Fatalf("unsafe link %q accepted", x.URL)
					}
				}
				walk(x.Children)
			}
		}
		for _, b := range blocks {
			walk(b.Inlines)
			for _, it := range b.Items {
				walk(it)
			}
		}
	})
}

package richedit

import "testing"

func TestMarks(t *testing.T) {
	cases := []struct {
		name string
		got  Edit
		want Edit
	}{
		{"BoldSelection", Wrap("make this strong", 5, 9, "**"), Edit{"make **this** strong", 13}},
		{"BoldBackwards", Wrap("make this strong", 9, 5, "**"), Edit{"make **this** strong", 13}},
		{"ItalicNothingSelected", Wrap("ab", 1, 1, "*"), Edit{"a**b", 2}},
		{"Accents", Wrap("café olé", 5, 8, "*"), Edit{"café *olé*", 10}},
		{"Link", Link("see docs now", 4, 8), Edit{"see [docs](https://) now", 19}},
		{"HeadingFirstLine", Prefix("Title\nbody", 2, "## "), Edit{"## Title\nbody", 8}},
		{"ListSecondLine", Prefix("a\nitem", 4, "- "), Edit{"a\n- item", 8}},
		{"ReplaceMark", Prefix("## Title", 3, "1. "), Edit{"1. Title", 8}},
		{"EmptyText", Prefix("", 0, "- "), Edit{"- ", 2}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("got %+v, want %+v", c.got, c.want)
			}
		})
	}
}

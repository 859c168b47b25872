package aitranslate

import (
	"encoding/json"
	"reflect"
	"testing"
	"unicode/utf8"
)

func TestParseReply(t *testing.T) {
	want := map[string]string{"a": "Hola", "b": "Adiós {1}x{/1}"}
	tests := []struct{ name, content string }{
		{"Object", `{"translations": {"a": "Hola", "b": "Adiós {1}x{/1}"}}`},
		{"Flat", `{"a": "Hola", "b": "Adiós {1}x{/1}"}`},
		{"List", `{"translations": [{"id": "a", "text": "Hola"}, {"id": "b", "translation": "Adiós {1}x{/1}"}]}`},
		{"BareList", `[{"id": "a", "target": "Hola"}, {"id": "b", "text": "Adiós {1}x{/1}"}]`},
		{"Fenced", "Here you go:\n```json\n{\"translations\": {\"a\": \"Hola\", \"b\": \"Adiós {1}x{/1}\"}}\n```\nAnything else?"},
		{"FenceWithoutLanguage", "```\n{\"a\": \"Hola\", \"b\": \"Adiós {1}x{/1}\"}```"},
		{"ProseAround", `Sure! {Note} the JSON: {"translations": {"a": "Hola", "b": "Adiós {1}x{/1}"}} Hope it helps {:}`},
		{"ExtraTopLevelKeys", `{"translations": {"a": "Hola", "b": "Adiós {1}x{/1}"}, "comment": "done"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseReply(tt.content)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.targets, want) || len(got.bad) != 0 {
				t.Errorf("targets %v, bad %v", got.targets, got.bad)
			}
		})
	}
}

func TestParseReplyErrors(t *testing.T) {
	for _, content := range []string{"", "no json here", `{"a": "Hola"`, `[1]`, `[{"text": "no id"}]`, `{"translations": 3}`} {
		if _, err := parseReply(content); err == nil {
			t.Errorf("parseReply(%q) accepted", content)
		}
	}
}

func TestParseReplyBadValues(t *testing.T) {
	got, err := parseReply(`{"translations": [{"id": "a", "text": "ok"}, {"id": "b"}, {"id": "c", "text": 3}]}`)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.targets, map[string]string{"a": "ok"}) || len(got.bad) != 2 {
		t.Errorf("targets %v, bad %v", got.targets, got.bad)
	}
}

// FuzzParseReply feeds arbitrary model output to the parser: it must never
// panic, and a well-formed reply must come back exactly.
func FuzzParseReply(f *testing.F) {
	for _, s := range []string{
		`{"translations": {"a": "Hola"}}`, "```json\n{\"a\": \"b\"}\n```", `[{"id":"a","text":"b"}]`,
		`{"translations": [{"id": "a"}]}`, "{{{{[[[", `prose {"a": "\u003cb\u003e"} more`,
	} {
		f.Add(s, "id", "text")
	}
	f.Fuzz(func(t *testing.T, content, id, text string) {
		parseReply(content)
		data, _ := json.Marshal(map[string]any{"translations": map[string]string{id: text}})
		got, err := parseReply("Result:\n```json\n" + string(data) + "\n```")
		if err != nil {
			t.Fatalf("well-formed reply %s refused: %v", data, err)
		}
		if want := (map[string]string{id: text}); !reflect.DeepEqual(got.targets, want) && utf8.ValidString(id) && utf8.ValidString(text) {
			t.Fatalf("got %v, want %v", got.targets, want)
		}
	})
}

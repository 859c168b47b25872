package jsondump_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/authoringtest"
	"github.com/stacklet/stacklet/authoring/jsondump"
)

// A breaker damages a fresh dump in dir.
type breaker func(t *testing.T, dir string)

func edit(name, old, new string) breaker {
	return func(t *testing.T, dir string) {
		full := filepath.Join(dir, filepath.FromSlash(name))
		data, err := os.ReadFile(full)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), old) {
			t.Fatalf("test setup: %q not found in %s", old, name)
		}
		os.WriteFile(full, []byte(strings.Replace(string(data), old, new, 1)), 0o644)
	}
}

func write(name, content string) breaker {
	return func(t *testing.T, dir string) {
		full := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(full), 0o755)
		os.WriteFile(full, []byte(content), 0o644)
	}
}

func remove(name string) breaker {
	return func(t *testing.T, dir string) {
		if err := os.Remove(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
}

func cut(name string) breaker {
	return func(t *testing.T, dir string) {
		full := filepath.Join(dir, filepath.FromSlash(name))
		data, _ := os.ReadFile(full)
		os.WriteFile(full, data[:len(data)/2], 0o644)
	}
}

var (
	pngFile = "media/" + authoring.HashMedia(authoringtest.PNG) + ".png"
	vttFile = "media/" + authoring.HashMedia(authoringtest.VTT) + ".vtt"
	pngHash = authoring.HashMedia(authoringtest.PNG)
)

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name   string
		damage breaker
		code   string
	}{
		{"ProjectMissing", remove("project.json"), authoring.EINVALID},
		{"ProjectEmpty", write("project.json", ""), authoring.EINVALID},
		{"ProjectNotJSON", write("project.json", "title: Site safety\n"), authoring.EINVALID},
		{"ProjectIsArray", write("project.json", "[]\n"), authoring.EINVALID},
		{"OtherFormat", edit("project.json", `"stacklet-project"`, `"stacklet-course"`), authoring.EINVALID},
		{"NewerVersion", edit("project.json", `"version": 1`, `"version": 7`), authoring.EVERSION},
		// A newer version's new fields must say "newer", not "unknown field".
		{"NewerVersionNewField", edit("project.json", `"version": 1,`, `"version": 2, "glossary": [],`), authoring.EVERSION},
		{"VersionZero", edit("project.json", `"version": 1`, `"version": 0`), authoring.EINVALID},
		{"VersionText", edit("project.json", `"version": 1`, `"version": "1"`), authoring.EINVALID},
		{"ProjectUnknownField", edit("project.json", `"title"`, `"titel"`), authoring.EINVALID},
		{"ProjectTrailingData", edit("project.json", "]\n}\n", "]\n}\n}\n"), authoring.EINVALID},
		{"ModuleListedTwice", edit("project.json", "  \"modules\": [\n    \"ladders\",", "  \"modules\": [\n    \"ladders\", \"ladders\","), authoring.EINVALID},
		{"ModuleIDUnsafe", edit("project.json", "    \"bare\"\n  ]", "    \"../bare\"\n  ]"), authoring.EINVALID},
		{"ModuleFileMissing", remove("modules/ladders.json"), authoring.EINVALID},
		{"ModuleNotListed", write("modules/extra.json", "{}\n"), authoring.EINVALID},
		{"ModuleIDMismatch", edit("modules/bare.json", `"id": "bare"`, `"id": "other"`), authoring.EINVALID},
		{"ModuleCut", cut("modules/ladders.json"), authoring.EINVALID},
		{"ModuleUnknownField", edit("modules/ladders.json", `"minutes"`, `"minutez"`), authoring.EINVALID},
		{"ModuleWrongType", edit("modules/ladders.json", `"minutes": 5`, `"minutes": "5"`), authoring.EINVALID},
		{"ModuleTrailingComma", edit("modules/bare.json", `"revealAnswers": false,`, `"revealAnswers": false,,`), authoring.EINVALID},
		{"BlockUnknownKind", edit("modules/ladders.json", `"kind": "divider"`, `"kind": "hologram"`), authoring.EINVALID},
		{"BlockMissingKind", edit("modules/ladders.json", `"kind": "divider"`, `"kinds": "divider"`), authoring.EINVALID},
		{"BlockUnknownField", edit("modules/ladders.json", `"attribution"`, `"atribution"`), authoring.EINVALID},
		{"QuestionUnknownField", edit("modules/ladders.json", `"accepted": [`, `"hint": "x", "accepted": [`), authoring.EINVALID},
		{"BlockWrongType", edit("modules/ladders.json", `"answer": true`, `"answer": "yes"`), authoring.EINVALID},
		{"BlockNotObject", edit("modules/bare.json", `"blocks": [`, `"blocks": [ 42,`), authoring.EINVALID},
		{"BlocksNotList", edit("modules/bare.json", `"blocks": [`, `"blocks": {"a": [`), authoring.EINVALID},
		{"MediaIndexMissing", remove("media.json"), authoring.EINVALID},
		{"MediaIndexUnknownField", edit("media.json", `"size"`, `"bytes"`), authoring.EINVALID},
		{"MediaHashNotHex", edit("media.json", pngHash, strings.ToUpper(pngHash)), authoring.EINVALID},
		{"MediaNoExtension", edit("media.json", `"dot.png"`, `"dot"`), authoring.EINVALID},
		{"MediaListedTwice", edit("media.json", "[\n", "[\n  {\"hash\": \""+pngHash+"\", \"name\": \"dot.png\", \"type\": \"image/png\", \"size\": 70},\n"), authoring.EINVALID},
		{"MediaWrongSize", edit("media.json", `"size": 70`, `"size": 71`), authoring.EINVALID},
		{"MediaWrongType", edit("media.json", `"type": "image/png"`, `"type": "image/gif"`), authoring.EINVALID},
		{"MediaNotListed", write("media/"+authoring.HashMedia([]byte("x"))+".png", "x"), authoring.EINVALID},
		{"MediaFileMissing", remove(pngFile), authoring.ECORRUPT},
		{"MediaFileChanged", write(vttFile, "WEBVTT\n\nchanged\n"), authoring.ECORRUPT},
	}
	p, media := testProject()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "dump")
			mustWrite(t, dir, p, media)
			tt.damage(t, dir)
			_, _, err := jsondump.Read(dir)
			wantCode(t, err, tt.code)
		})
	}
}

// TestErrorsSayWhere checks the one thing about messages that matters to a
// person fixing a dump by hand: the file, line and column they point at.
func TestErrorsSayWhere(t *testing.T) {
	tests := []struct {
		name   string
		damage breaker
		where  string
	}{
		{"Syntax", write("modules/bare.json", "{\n  \"id\": \"bare\",\n  \"title\": oops\n}\n"), "modules/bare.json, line 3, column 12"},
		{"ModuleType", write("modules/bare.json", "{\n  \"id\": \"bare\",\n  \"minutes\": \"5\"\n}\n"), "modules/bare.json, line 3, column 16"},
		{"ModuleUnknownField", write("modules/bare.json", "{\n  \"id\": \"bare\",\n  \"minutez\": 5\n}\n"), "modules/bare.json, line 3, column 3"},
		{"BlockType", write("modules/bare.json", "{\n  \"id\": \"bare\",\n  \"blocks\": [\n    {\"id\": \"a\", \"kind\": \"true-false\", \"answer\": 1}\n  ]\n}\n"),
			"modules/bare.json, line 4, column 49"},
		{"BlockUnknownField", write("modules/bare.json", "{\n  \"id\": \"bare\",\n  \"blocks\": [\n    {\"id\": \"a\", \"kind\": \"text\",\n     \"bdy\": \"x\"}\n  ]\n}\n"),
			"modules/bare.json, line 5, column 6"},
		{"BlockKind", write("modules/bare.json", "{\n  \"blocks\": [\n    {\"id\": \"a\",\n     \"kind\": \"hologram\"}\n  ]\n}\n"),
			"modules/bare.json, line 4, column 6"},
		{"Cut", write("project.json", "{\n  \"format\": \"stacklet-project\",\n  \"ver"), "project.json, line 3, column 7"},
		{"Trailing", edit("media.json", "]\n", "]\n]\n"), "media.json, line"},
	}
	p, media := testProject()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "dump")
			mustWrite(t, dir, p, media)
			tt.damage(t, dir)
			_, _, err := jsondump.Read(dir)
			wantCode(t, err, authoring.EINVALID)
			if !strings.Contains(err.Error(), filepath.FromSlash(tt.where)) && !strings.Contains(err.Error(), tt.where) {
				t.Errorf("%v\ndoes not point at %s", err, tt.where)
			}
		})
	}
}

package cmi5_test

import (
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/export/archive"
	"github.com/stacklet/stacklet/export/cmi5"
)

func TestCheck(t *testing.T) {
	p := project()
	// doc describes module i at url for each "i:url" pair.
	doc := func(urls ...string) archive.File {
		var aus []cmi5.AU
		for _, u := range urls {
			aus = append(aus, cmi5.ModuleAU(p, &p.Modules[u[0]-'0'], "de", u[2:]))
		}
		out, err := cmi5.StackCourse(p, &authoring.Credential{ID: "c", Title: "C"}, "", aus).XML()
		if err != nil {
			t.Fatal(err)
		}
		return archive.File{Name: cmi5.FileName, Data: out}
	}
	page := func(name string) archive.File { return archive.File{Name: name, Data: []byte("<!doctype html>")} }
	tests := []struct {
		name  string
		files []archive.File
		code  string
	}{
		{"Whole", []archive.File{doc("0:a/index.html", "1:b/index.html"), page("a/index.html"), page("b/index.html")}, ""},
		{"QueryIsFine", []archive.File{doc("0:index.html?lang=de"), page("index.html")}, ""},
		{"Missing", []archive.File{page("index.html")}, authoring.EINTERNAL},
		{"NoAU", []archive.File{doc(), page("index.html")}, authoring.EINTERNAL},
		{"LaunchPageMissing", []archive.File{doc("0:a/index.html", "1:b/index.html"), page("a/index.html")}, authoring.EINTERNAL},
		{"Absolute", []archive.File{doc("0:https://example.com/index.html"), page("index.html")}, authoring.EINTERNAL},
		{"Rooted", []archive.File{doc("0:/index.html"), page("index.html")}, authoring.EINTERNAL},
		{"TwoModules", []archive.File{doc("0:index.html", "1:index.html"), page("index.html")}, ""},
		{"RepeatedID", []archive.File{doc("0:a/index.html", "0:b/index.html"), page("a/index.html"), page("b/index.html")}, authoring.EINTERNAL},
		{"Garbled", []archive.File{{Name: cmi5.FileName, Data: []byte("<courseStructure>")}, page("index.html")}, authoring.EINTERNAL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := authoring.ErrorCode(cmi5.Check(tt.files)); got != tt.code {
				t.Errorf("code %q, want %q: %v", got, tt.code, cmi5.Check(tt.files))
			}
		})
	}
}

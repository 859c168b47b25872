package previewer

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stacklet/stacklet/assets"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/jsondump"
)

// TestBuildLocaleRightToLeft previews the sample in Arabic: the package
// page is Arabic and right to left, with the translated module title.
func TestBuildLocaleRightToLeft(t *testing.T) {
	p, media := sample(t)
	bundle, err := jsondump.ReadBundleFS(assets.SampleFS(), p)
	if err != nil {
		t.Fatal(err)
	}
	s := NewServer(authoring.FormatSCORM2004, texts)
	srv := httptest.NewServer(s)
	defer srv.Close()
	m := p.Modules[0]
	ar := bundle.Translations["ar"]
	if err := s.BuildLocale(context.Background(), p, m.ID, media, "ar", ar); err != nil {
		t.Fatal(err)
	}
	_, page := get(t, srv, "/pkg/index.html")
	if !strings.Contains(page, `dir="rtl"`) || !strings.Contains(page, `lang="ar"`) {
		t.Errorf("Arabic package page is not right to left:\n%.600s", page)
	}
	title := ar["m:"+m.ID+"/title"].Target
	if title == "" || !strings.Contains(page, title) {
		t.Errorf("page lacks the Arabic title %q", title)
	}
}

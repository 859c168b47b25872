package l10n_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/authoringtest"
	"github.com/stacklet/stacklet/authoring/l10n"
)

var when = time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)

// translateAll makes a translation of every segment with fn, in state.
func translateAll(segs []l10n.Segment, state l10n.State, fn func(l10n.Segment) string) l10n.Translations {
	tr := l10n.Translations{}
	for _, s := range segs {
		tr[s.ID] = l10n.NewTranslation(s, fn(s), state, "test", when)
	}
	return tr
}

func pendingIDs(p []l10n.Pending) map[string]l10n.Pending {
	out := map[string]l10n.Pending{}
	for _, x := range p {
		out[x.ID] = x
	}
	return out
}

func mustLocalize(t *testing.T, p *authoring.Project, locale authoring.Locale, tr l10n.Translations) *l10n.Localized {
	t.Helper()
	res, err := l10n.Localize(p, "ladders", locale, tr, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestLocalizeRebuildsMarkup(t *testing.T) {
	p, _ := authoringtest.Project()
	segs := l10n.ProjectSegments(p, nil)
	tr := translateAll(segs, l10n.Approved, func(s l10n.Segment) string { return s.Source })
	set := func(id, target string) {
		tr[id] = l10n.NewTranslation(segmentMap(segs)[id], target, l10n.Approved, "test", when)
	}
	set("m:ladders/b:text-a/body[1]", "Warum")
	set("m:ladders/b:text-a/body[2]", "Leitern {1}fallen{/1}, wenn man sie {2}falsch nutzt{/2}. Siehe {3}HSE{/3}.")
	set("m:ladders/b:text-a/body[3]", "eins")
	set("p/title", "Sicherheit auf der Baustelle")
	res := mustLocalize(t, p, "de", tr)
	body := res.Module.Blocks[0].Content.(*authoring.Text).Body
	want := "## Warum\n\nLeitern **fallen**, wenn man sie *falsch nutzt*. Siehe [HSE](https://www.hse.gov.uk).\n\n- eins\n- two"
	if body != want {
		t.Errorf("body\n%s\nwant\n%s", body, want)
	}
	if res.Project.Title != "Sicherheit auf der Baustelle" || p.Title != "Site safety" {
		t.Errorf("titles: copy %q, original %q", res.Project.Title, p.Title)
	}
	if len(res.Pending) != 0 {
		t.Errorf("pending %v", res.Pending)
	}
	if errs := authoring.Errors(res.Project.Validate(res.Module)); len(errs) > 0 {
		t.Errorf("localized module does not validate: %v", errs)
	}
}

// TestLocalizeNeverLetsMarkupIn feeds hostile targets: each comes out as
// literal text or falls back to the source, never as markup or HTML.
func TestLocalizeNeverLetsMarkupIn(t *testing.T) {
	const id = "m:ladders/b:text-a/body[2]"
	tests := []struct {
		name, target string
		fallback     bool
	}{
		{"html", "<script>alert(1)</script> {1}x{/1} {2}y{/2} {3}z{/3}", false},
		{"markdown link", "[click](javascript:alert(1)) {1}x{/1} {2}y{/2} {3}z{/3}", false},
		{"bold marks", "**x** __y__ {1}a{/1}{2}b{/2}{3}c{/3}", false},
		{"heading and list starts", "# - {1}a{/1} {2}b{/2} {3}c{/3}", false},
		{"missing placeholder", "no marks at all", true},
		{"extra placeholder", "{1}a{/1}{2}b{/2}{3}c{/3}{4}d{/4}", true},
		{"numbered start", "1. {1}a{/1} {2}b{/2} {3}c{/3}", true},
	}
	p, _ := authoringtest.Project()
	seg := segmentMap(l10n.ProjectSegments(p, nil))[id]
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := l10n.Translations{id: l10n.NewTranslation(seg, tt.target, l10n.Approved, "test", when)}
			res := mustLocalize(t, p, "de", tr)
			body := res.Module.Blocks[0].Content.(*authoring.Text).Body
			again := segmentMap(l10n.ModuleSegments(res.Module, nil))[id]
			pending, listed := pendingIDs(res.Pending)[id]
			if tt.fallback {
				if again.Source != seg.Source || !listed || pending.Reason == "" || pending.Kind != l10n.PendingBroken {
					t.Errorf("want the source and a pending note; got %q, pending %v", again.Source, pending)
				}
				return
			}
			if listed {
				t.Errorf("pending %v", pending)
			}
			if again.Source != tt.target || !equalMarks(again.Marks, seg.Marks) {
				t.Errorf("segment after localizing %q marks %v, want %q", again.Source, again.Marks, tt.target)
			}
			if strings.Contains(body, "<script") && !strings.Contains(body, `\<script`) {
				t.Errorf("raw HTML in markup: %s", body)
			}
		})
	}
}

func equalMarks(a, b []l10n.Mark) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

func TestLocalizePending(t *testing.T) {
	p, _ := authoringtest.Project()
	segs := segmentMap(l10n.ProjectSegments(p, nil))
	tr := l10n.Translations{}
	put := func(id, target string, st l10n.State) {
		tr[id] = l10n.NewTranslation(segs[id], target, st, "test", when)
	}
	put("m:ladders/title", "Leitersicherheit", l10n.Machine)
	put("m:ladders/description", "Leitern sicher nutzen.", l10n.Edited)
	put("m:ladders/b:statement-b/text", "Drei Kontaktpunkte.", l10n.Approved)
	put("m:ladders/b:quote-c/text", "Sicherheit ist kein Zufall.", l10n.Approved)
	stale := tr["m:ladders/b:quote-c/text"]
	stale.Source = "Safety is never an accident."
	tr[stale.ID] = stale
	res := mustLocalize(t, p, "de", tr)
	pend := pendingIDs(res.Pending)
	tests := []struct {
		id    string
		state l10n.State
		kind  l10n.PendingKind
		text  string
	}{
		{"m:ladders/title", l10n.Machine, l10n.PendingMachine, res.Module.Title},
		{"m:ladders/description", l10n.Edited, l10n.PendingEdited, res.Module.Description},
		{"m:ladders/b:quote-c/text", l10n.Approved, l10n.PendingStale, res.Module.Blocks[2].Content.(*authoring.Quote).Text},
		{"m:ladders/b:gate-n/label", l10n.Untranslated, l10n.PendingUntranslated, res.Module.Blocks[13].Content.(*authoring.Gate).Label},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			got, ok := pend[tt.id]
			stale := tt.kind == l10n.PendingStale
			if !ok || got.State != tt.state || got.Stale != stale || got.Kind != tt.kind {
				t.Fatalf("pending %+v (listed %v), want state %s, kind %s", got, ok, tt.state, tt.kind)
			}
			used := tr[tt.id].Target
			if stale || tt.state == l10n.Untranslated {
				used = l10n.UnescapeText(segs[tt.id].Source)
			}
			if tt.text != used {
				t.Errorf("text %q, want %q", tt.text, used)
			}
		})
	}
	if _, ok := pend["m:ladders/b:statement-b/text"]; ok {
		t.Error("an approved translation is pending")
	}
	if res.Module.Blocks[1].Content.(*authoring.Statement).Text != "Drei Kontaktpunkte." {
		t.Error("approved translation not used")
	}
}

func TestLocalizeSourceLocaleAndErrors(t *testing.T) {
	p, _ := authoringtest.Project()
	res := mustLocalize(t, p, "en-GB", nil)
	if len(res.Pending) != 0 || res.Module.Title != "Ladder safety" {
		t.Errorf("source locale: pending %v title %q", res.Pending, res.Module.Title)
	}
	tests := []struct {
		name, module string
		locale       authoring.Locale
		code         string
	}{
		{"unknown module", "nope", "de", authoring.ENOTFOUND},
		{"foreign locale", "ladders", "fr", authoring.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := l10n.Localize(p, tt.module, tt.locale, nil, nil)
			if code := authoring.ErrorCode(err); code != tt.code {
				t.Errorf("code %q (%v), want %q", code, err, tt.code)
			}
		})
	}
}

func TestLocalizeCredentialsOfTheModule(t *testing.T) {
	p, _ := authoringtest.Project()
	p.Credentials = []authoring.Credential{
		{ID: "mine", Title: "Climber", Modules: []string{"ladders"}},
		{ID: "other", Title: "Driver", Modules: []string{"trucks"}},
	}
	segs := segmentMap(l10n.ProjectSegments(p, nil))
	tr := l10n.Translations{}
	for _, id := range []string{"c:mine/title", "c:other/title"} {
		tr[id] = l10n.NewTranslation(segs[id], "X", l10n.Approved, "test", when)
	}
	res := mustLocalize(t, p, "de", tr)
	if res.Project.Credentials[0].Title != "X" || res.Project.Credentials[1].Title != "Driver" {
		t.Errorf("credentials %q, %q", res.Project.Credentials[0].Title, res.Project.Credentials[1].Title)
	}
	if p.Credentials[0].Title != "Climber" {
		t.Error("the original credential changed")
	}
}

// TestLocalizeNamesTheOtherModulesOfACredential: a module's package lists
// the other modules its credential takes, so their titles are translated
// too, and an untranslated one is pending like any text of the package.
func TestLocalizeNamesTheOtherModulesOfACredential(t *testing.T) {
	p, _ := authoringtest.Project()
	trucks := authoring.Module{ID: "trucks", Title: "Forklift basics", Minutes: 5}
	cranes := authoring.Module{ID: "cranes", Title: "Crane signals", Minutes: 5}
	elsewhere := authoring.Module{ID: "boats", Title: "Boat safety", Minutes: 5}
	p.Modules = append(p.Modules, trucks, cranes, elsewhere)
	p.Credentials = []authoring.Credential{{ID: "site", Title: "Site", Modules: []string{"ladders", "trucks", "cranes"}}}
	segs := segmentMap(l10n.ProjectSegments(p, nil))
	tr := l10n.Translations{}
	for _, id := range []string{"m:trucks/title", "m:boats/title"} {
		tr[id] = l10n.NewTranslation(segs[id], "Übersetzt", l10n.Approved, "test", when)
	}
	res := mustLocalize(t, p, "de", tr)
	titles := map[string]string{}
	for _, m := range res.Project.Modules {
		titles[m.ID] = m.Title
	}
	if titles["trucks"] != "Übersetzt" || titles["cranes"] != "Crane signals" || titles["boats"] != "Boat safety" {
		t.Errorf("titles %v: want trucks translated, cranes pending in English, boats (no shared credential) untouched", titles)
	}
	pend := pendingIDs(res.Pending)
	if _, ok := pend["m:cranes/title"]; !ok {
		t.Error("the untranslated title of a module the package names is not pending")
	}
	if _, ok := pend["m:boats/title"]; ok {
		t.Error("a module the package does not name is pending")
	}
}

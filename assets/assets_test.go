package assets

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"math"
	"net/http"
	"path"
	"sort"
	"strings"
	"testing"

	"github.com/stacklet/stacklet/authoring"
)

// projectFile mirrors project.json of the project text form, field for
// field and in order, so that re-encoding it must give the file back.
type projectFile struct {
	Format        string                 `json:"format"`
	Version       int                    `json:"version"`
	Title         string                 `json:"title"`
	SourceLocale  authoring.Locale       `json:"sourceLocale"`
	TargetLocales []authoring.Locale     `json:"targetLocales"`
	Theme         authoring.Theme        `json:"theme"`
	Credentials   []authoring.Credential `json:"credentials"`
	Modules       []string               `json:"modules"`
}

// decodeStrict reads one JSON file with unknown fields refused.
func decodeStrict(t *testing.T, name string, v any) []byte {
	t.Helper()
	data, err := fs.ReadFile(SampleFS(), name)
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		t.Fatalf("decode %s: %v", name, err)
	}
	if dec.More() {
		t.Fatalf("%s has data after its JSON value", name)
	}
	return data
}

// encodeDump writes v the way the project text form does: 2-space indent,
// no HTML escaping, a trailing newline.
func encodeDump(t *testing.T, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sample is the sample project read straight from its files.
type sample struct {
	file    projectFile
	project *authoring.Project
	raw     map[string][]byte // JSON files by path
}

func readSample(t *testing.T) sample {
	t.Helper()
	s := sample{raw: map[string][]byte{}}
	s.raw["project.json"] = decodeStrict(t, "project.json", &s.file)
	p := &authoring.Project{Title: s.file.Title, SourceLocale: s.file.SourceLocale,
		TargetLocales: s.file.TargetLocales, Theme: s.file.Theme, Credentials: s.file.Credentials}
	s.raw["media.json"] = decodeStrict(t, "media.json", &p.Media)
	for _, id := range s.file.Modules {
		name := "modules/" + id + ".json"
		var m authoring.Module
		s.raw[name] = decodeStrict(t, name, &m)
		if m.ID != id {
			t.Errorf("%s holds module %q", name, m.ID)
		}
		p.Modules = append(p.Modules, m)
	}
	s.project = p
	return s
}

func TestSampleHeader(t *testing.T) {
	s := readSample(t)
	if s.file.Format != "stacklet-project" || s.file.Version != 1 {
		t.Errorf("project.json format %q version %d", s.file.Format, s.file.Version)
	}
	if s.project.SourceLocale != "en" {
		t.Errorf("source locale %q, want en", s.project.SourceLocale)
	}
	rtl := false
	for _, l := range s.project.TargetLocales {
		rtl = rtl || l.Dir() == "rtl"
	}
	if !rtl {
		t.Errorf("target locales %v: the sample should show a right-to-left language", s.project.TargetLocales)
	}
	if s.project.Theme.Font != authoring.FontSans {
		t.Errorf("font %q", s.project.Theme.Font)
	}
	if ratio := contrastWithWhite(t, s.project.Theme.Accent); ratio < 4.5 {
		t.Errorf("accent %s has contrast %.2f:1 with white text, below WCAG AA 4.5:1", s.project.Theme.Accent, ratio)
	}
}

// TestSampleIsCanonical re-encodes every JSON file and compares bytes. Block
// content is decoded leniently by authoring.Block, so this is also what
// catches a misspelt block field.
func TestSampleIsCanonical(t *testing.T) {
	s := readSample(t)
	values := map[string]any{"project.json": s.file, "media.json": s.project.Media}
	for _, m := range s.project.Modules {
		values["modules/"+m.ID+".json"] = m
	}
	for name, v := range values {
		t.Run(name, func(t *testing.T) {
			if got := encodeDump(t, v); !bytes.Equal(got, s.raw[name]) {
				t.Errorf("%s is not in canonical form (unknown field, field order or formatting); re-encoded it reads:\n%s", name, got)
			}
		})
	}
	entries, err := fs.ReadDir(SampleFS(), "modules")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if _, ok := values["modules/"+e.Name()]; !ok {
			t.Errorf("modules/%s is not listed in project.json", e.Name())
		}
	}
	if !sort.SliceIsSorted(s.project.Media, func(i, j int) bool { return s.project.Media[i].Hash < s.project.Media[j].Hash }) {
		t.Error("media.json is not sorted by hash")
	}
}

func TestSampleValidates(t *testing.T) {
	s := readSample(t)
	problems := s.project.ValidateProject()
	for _, p := range problems {
		if p.Severity == authoring.SeverityError {
			t.Errorf("error: %s (field %q)", p, p.Field)
		} else {
			t.Logf("warning: %s (field %q)", p, p.Field)
		}
	}
}

func TestSampleUsesEveryBlockKind(t *testing.T) {
	s := readSample(t)
	used := map[authoring.BlockKind]int{}
	for _, m := range s.project.Modules {
		for _, b := range m.Blocks {
			used[b.Kind()]++
		}
	}
	for _, k := range authoring.BlockKinds() {
		t.Run(string(k), func(t *testing.T) {
			if used[k] == 0 {
				t.Errorf("no %s block in the sample", k)
			}
		})
	}
}

// TestSampleShowsEveryOption checks the variants within kinds that a sample
// is there to demonstrate.
func TestSampleShowsEveryOption(t *testing.T) {
	s := readSample(t)
	seen := map[string]bool{}
	for _, m := range s.project.Modules {
		seen["completion "+string(m.Completion)] = true
		for _, b := range m.Blocks {
			for _, feature := range features(t, m, b) {
				seen[feature] = true
			}
		}
	}
	for _, want := range []string{
		"list bulleted", "list numbered", "list checklist",
		"callout info", "callout tip", "callout warning",
		"image decorative", "image captioned", "audio captions+transcript", "video captions",
		"gate label", "practice question", "graded question", "weight above 1",
		"choice feedback", "text heading", "text bold", "text italic", "text link", "text list",
		"completion viewed", "completion passed", "completion both",
	} {
		if !seen[want] {
			t.Errorf("the sample shows no %q", want)
		}
	}
	final := s.project.Modules[len(s.project.Modules)-1]
	if final.Completion != authoring.CompleteWhenBoth || final.MasteryScore != 80 {
		t.Errorf("final module %q: completion %q mastery %d, want both and 80", final.ID, final.Completion, final.MasteryScore)
	}
}

// features names what block b demonstrates, and checks that every question
// gives feedback for both outcomes.
func features(t *testing.T, m authoring.Module, b authoring.Block) []string {
	var out []string
	switch c := b.Content.(type) {
	case *authoring.List:
		out = append(out, "list "+string(c.Style))
	case *authoring.Callout:
		out = append(out, "callout "+string(c.Tone))
	case *authoring.Image:
		if c.Decorative {
			out = append(out, "image decorative")
		}
		if c.Caption != "" {
			out = append(out, "image captioned")
		}
	case *authoring.Audio:
		if c.Captions != "" && c.Transcript != "" {
			out = append(out, "audio captions+transcript")
		}
	case *authoring.Video:
		if c.Captions != "" {
			out = append(out, "video captions")
		}
	case *authoring.Gate:
		if c.Label != "" {
			out = append(out, "gate label")
		}
	case *authoring.Text:
		for mark, name := range map[string]string{"## ": "heading", "**": "bold", "](https://": "link", "\n- ": "list"} {
			if strings.Contains(c.Body, mark) {
				out = append(out, "text "+name)
			}
		}
		if strings.Contains(strings.ReplaceAll(c.Body, "**", ""), "*") {
			out = append(out, "text italic")
		}
	case *authoring.SingleChoice:
		out = append(out, choiceFeedback(t, b.ID, c.Choices)...)
	case *authoring.MultipleResponse:
		out = append(out, choiceFeedback(t, b.ID, c.Choices)...)
	}
	if q, ok := b.Content.(authoring.Question); ok {
		base := q.Base()
		out = append(out, string(base.Mode)+" question")
		if base.Weight > 1 {
			out = append(out, "weight above 1")
		}
		if base.Feedback.Correct == "" || base.Feedback.Incorrect == "" {
			t.Errorf("module %q block %q: feedback for a right and a wrong answer is expected", m.ID, b.ID)
		}
	}
	return out
}

func choiceFeedback(t *testing.T, blockID string, choices []authoring.Choice) []string {
	for _, c := range choices {
		if c.Feedback == "" {
			t.Errorf("block %q choice %q has no feedback", blockID, c.ID)
		}
	}
	return []string{"choice feedback"}
}

// mediaTypes is the extension table of the project text form.
var mediaTypes = map[string]string{
	".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
	".webp": "image/webp", ".svg": "image/svg+xml",
	".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".ogg": "audio/ogg", ".oga": "audio/ogg", ".wav": "audio/wav",
	".mp4": "video/mp4", ".webm": "video/webm", ".ogv": "video/ogg",
	".vtt": "text/vtt",
}

// maxSize keeps the sample small: it ships inside every binary.
var maxSize = map[string]int64{"image": 60 << 10, "audio": 150 << 10, "video": 250 << 10, "captions": 4 << 10}

func TestSampleMedia(t *testing.T) {
	s := readSample(t)
	used := map[string]bool{s.project.Theme.Logo: true}
	for _, c := range s.project.Credentials {
		used[c.Image] = true // the badge
	}
	for _, m := range s.project.Modules {
		for _, h := range m.MediaHashes() {
			used[h] = true
		}
	}
	listed := map[string]bool{}
	for _, m := range s.project.Media {
		t.Run(m.Name, func(t *testing.T) {
			ext := strings.ToLower(path.Ext(m.Name))
			file := "media/" + m.Hash + ext
			listed[file] = true
			data, err := fs.ReadFile(SampleFS(), file)
			if err != nil {
				t.Fatalf("%s is listed but missing: %v", file, err)
			}
			sum := sha256.Sum256(data)
			if got := hex.EncodeToString(sum[:]); got != m.Hash {
				t.Errorf("%s hashes to %s", file, got)
			}
			if int64(len(data)) != m.Size {
				t.Errorf("%s is %d bytes, media.json says %d", file, len(data), m.Size)
			}
			if mediaTypes[ext] != m.Type {
				t.Errorf("%s has type %q, want %q", m.Name, m.Type, mediaTypes[ext])
			}
			checkContent(t, m, data)
			if limit, ok := maxSize[m.MediaKind()]; ok && m.Size > limit {
				t.Errorf("%s is %d bytes, over the %d byte budget for %s", m.Name, m.Size, limit, m.MediaKind())
			}
			if !used[m.Hash] {
				t.Errorf("%s is listed but no module, credential or the theme uses it", m.Name)
			}
		})
	}
	if _, ok := s.project.MediaByHash(s.project.Theme.Logo); !ok {
		t.Errorf("theme logo %s is not in media.json", s.project.Theme.Logo)
	}
	err := fs.WalkDir(SampleFS(), "media", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !listed[p] {
			t.Errorf("%s is not listed in media.json", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// checkContent checks that the bytes are what the type says.
func checkContent(t *testing.T, m authoring.Media, data []byte) {
	t.Helper()
	switch {
	case m.Type == "text/vtt":
		if !bytes.HasPrefix(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), []byte("WEBVTT")) {
			t.Errorf("%s does not start with WEBVTT", m.Name)
		}
		if !bytes.Contains(data, []byte(" --> ")) {
			t.Errorf("%s has no cues", m.Name)
		}
	case m.Type == "image/svg+xml":
		if !bytes.Contains(data, []byte("<svg")) || !bytes.Contains(data, []byte("<title")) {
			t.Errorf("%s is not an SVG with a <title> for screen readers", m.Name)
		}
	case m.Type == "audio/mpeg":
		// An MP3 without an ID3 tag starts with a frame sync: 11 set bits.
		if len(data) < 2 || data[0] != 0xff || data[1]&0xe0 != 0xe0 {
			t.Errorf("%s does not start with an MPEG audio frame", m.Name)
		}
	case m.Type == "video/mp4":
		if len(data) < 12 || string(data[4:8]) != "ftyp" {
			t.Errorf("%s is not an MP4 file", m.Name)
		}
	default:
		if got := http.DetectContentType(data); got != m.Type {
			t.Errorf("%s looks like %s, not %s", m.Name, got, m.Type)
		}
	}
}

// contrastWithWhite returns the WCAG contrast ratio of white on #rrggbb.
func contrastWithWhite(t *testing.T, hexColour string) float64 {
	t.Helper()
	raw, err := hex.DecodeString(strings.TrimPrefix(hexColour, "#"))
	if err != nil || len(raw) != 3 {
		t.Fatalf("accent %q is not #rrggbb", hexColour)
	}
	lum := 0.0
	for i, weight := range []float64{0.2126, 0.7152, 0.0722} {
		c := float64(raw[i]) / 255
		if c <= 0.04045 {
			c /= 12.92
		} else {
			c = math.Pow((c+0.055)/1.055, 2.4)
		}
		lum += weight * c
	}
	return 1.05 / (lum + 0.05)
}

package webvtt_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/webvtt"
)

func cue(id, timing, start, text string) webvtt.Block {
	return webvtt.Block{Kind: webvtt.KindCue, ID: id, Timing: timing, Start: start, Text: text}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		header string
		blocks []webvtt.Block
	}{
		{"HeaderOnly", "WEBVTT\n", "WEBVTT", nil},
		{"HeaderNoNewline", "WEBVTT - captions", "WEBVTT - captions", nil},
		{"BOMAndHeaderLines", "\ufeffWEBVTT\nKind: captions\nLanguage: en\n\n00:01.000 --> 00:02.000\nHi\n",
			"WEBVTT\nKind: captions\nLanguage: en", []webvtt.Block{cue("", "00:01.000 --> 00:02.000", "00:01.000", "Hi")}},
		{"IDsSettingsAndLines", "WEBVTT\n\nintro 1\n00:00:00.000 --> 00:00:04.303 align:start line:0\n<v Ana>Two\nlines\n\n2\n01:00:04.753 --> 01:00:09.102\nThree\n",
			"WEBVTT", []webvtt.Block{
				cue("intro 1", "00:00:00.000 --> 00:00:04.303 align:start line:0", "00:00:00.000", "<v Ana>Two\nlines"),
				cue("2", "01:00:04.753 --> 01:00:09.102", "01:00:04.753", "Three"),
			}},
		{"CRLF", "WEBVTT\r\n\r\n1\r\n00:01.000 --> 00:02.000\r\nA\r\nB\r\n", "WEBVTT",
			[]webvtt.Block{cue("1", "00:01.000 --> 00:02.000", "00:01.000", "A\nB")}},
		{"CR", "WEBVTT\r\r00:01.000 --> 00:02.000\rA\r", "WEBVTT",
			[]webvtt.Block{cue("", "00:01.000 --> 00:02.000", "00:01.000", "A")}},
		{"NoteStyleRegionVerbatim", "WEBVTT\n\nSTYLE\n::cue { color: red }\n\nREGION\nid:r1\n\nNOTE a\ncomment --> here\n\n\n\n00:01.000 --> 00:02.000\nA\n\nNOTE\ttab\n",
			"WEBVTT", []webvtt.Block{
				{Kind: webvtt.KindStyle, Raw: "STYLE\n::cue { color: red }"},
				{Kind: webvtt.KindRegion, Raw: "REGION\nid:r1"},
				{Kind: webvtt.KindNote, Raw: "NOTE a\ncomment --> here"},
				cue("", "00:01.000 --> 00:02.000", "00:01.000", "A"),
				{Kind: webvtt.KindNote, Raw: "NOTE\ttab"},
			}},
		{"EmptyCue", "WEBVTT\n\n00:01.000 --> 00:02.000\n\n00:02.000-->00:03.000\nB", "WEBVTT", []webvtt.Block{
			cue("", "00:01.000 --> 00:02.000", "00:01.000", ""),
			cue("", "00:02.000-->00:03.000", "00:02.000", "B"),
		}},
		{"ArrowEndsCue", "WEBVTT\n\n00:01.000 --> 00:02.000\nA\n00:02.000 --> 00:03.000\nB\n", "WEBVTT", []webvtt.Block{
			cue("", "00:01.000 --> 00:02.000", "00:01.000", "A"),
			cue("", "00:02.000 --> 00:03.000", "00:02.000", "B"),
		}},
		{"NOTEInWordIsAnID", "WEBVTT\n\nNOTED\n00:01.000 --> 00:02.000\nA\n", "WEBVTT",
			[]webvtt.Block{cue("NOTED", "00:01.000 --> 00:02.000", "00:01.000", "A")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := webvtt.Parse([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if f.Header != tt.header {
				t.Errorf("header = %q, want %q", f.Header, tt.header)
			}
			if !reflect.DeepEqual(f.Blocks, tt.blocks) {
				t.Errorf("blocks = %#v\nwant %#v", f.Blocks, tt.blocks)
			}
			again, err := webvtt.Parse(f.Bytes())
			if err != nil {
				t.Fatalf("Bytes does not parse: %v\n%s", err, f.Bytes())
			}
			if !reflect.DeepEqual(again, f) {
				t.Errorf("round trip = %#v, want %#v", again, f)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in, line string
	}{
		{"Empty", "", "line 1"},
		{"NoHeader", "00:01.000 --> 00:02.000\nHi\n", "line 1"},
		{"HeaderGlued", "WEBVTTX\n", "line 1"},
		{"CueWithoutTiming", "WEBVTT\n\n1\n00:01.000 --> 00:02.000\nA\n\n2\nno timing\n", "line 7"},
		{"IDAtEnd", "WEBVTT\n\nlonely", "line 3"},
		{"BadStart", "WEBVTT\n\n1\n0:01.000 --> 00:02.000\nA\n", "line 4"},
		{"BadEnd", "WEBVTT\n\n00:01.000 --> 00:02\nA\n", "line 3"},
		{"SecondsOver59", "WEBVTT\n\n00:61.000 --> 00:62.000\n", "line 3"},
		{"ShortHours", "WEBVTT\n\n1:00:01.000 --> 1:00:02.000\n", "line 3"},
		{"NoEnd", "WEBVTT\n\n00:01.000 -->\n", "line 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := webvtt.Parse([]byte(tt.in))
			if authoring.ErrorCode(err) != authoring.EINVALID {
				t.Fatalf("err = %v, want %s", err, authoring.EINVALID)
			}
			if !strings.HasPrefix(err.Error(), tt.line+":") {
				t.Errorf("err = %q, want it to name %s", err, tt.line)
			}
		})
	}
}

func TestBytesWritesLF(t *testing.T) {
	f, err := webvtt.Parse([]byte("WEBVTT\r\n\r\n\r\n1\r\n00:01.000 --> 00:02.000\r\nA\r\n\r\nNOTE x\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := "WEBVTT\n\n1\n00:01.000 --> 00:02.000\nA\n\nNOTE x\n"
	if got := string(f.Bytes()); got != want {
		t.Errorf("Bytes = %q, want %q", got, want)
	}
}

func TestCloneIsIndependent(t *testing.T) {
	f, err := webvtt.Parse([]byte("WEBVTT\n\n00:01.000 --> 00:02.000\nA\n"))
	if err != nil {
		t.Fatal(err)
	}
	c := f.Clone()
	c.Cues()[0].Text = "B"
	if f.Cues()[0].Text != "A" {
		t.Errorf("the original changed with its clone")
	}
}

func TestPlainText(t *testing.T) {
	tests := []struct {
		name, in, speaker, text string
	}{
		{"Plain", "Hello", "", "Hello"},
		{"Voice", "<v Ana Lima>Hello</v>", "Ana Lima", "Hello"},
		{"VoiceWithClass", "<v.loud Bob>Stop!", "Bob", "Stop!"},
		{"VoiceNotLeading", "So <v Bob>hi", "", "So hi"},
		{"Styling", "<b>Bold</b>, <i>it</i>, <u>u</u>, <c.yellow.bg>c</c> <lang es>hola</lang>", "", "Bold, it, u, c hola"},
		{"Timestamps", "One <00:00:01.000>two <00:02.000>three", "", "One two three"},
		{"Ruby", "<ruby>漢<rt>kan</rt>字<rt>ji</rt></ruby>!", "", "漢字!"},
		{"Entities", "a &amp; b &lt;c&gt;&nbsp;d&lrm;&rlm;", "", "a & b <c>\u00a0d\u200e\u200f"},
		{"EscapedVoiceName", "<v A&amp;B>x", "A&B", "x"},
		{"Lines", "<v Ana>one\n<i>two</i>", "Ana", "one\ntwo"},
		{"UnclosedTag", "a <b", "", "a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			speaker, text := webvtt.PlainText(tt.in)
			if speaker != tt.speaker || text != tt.text {
				t.Errorf("PlainText(%q) = %q, %q; want %q, %q", tt.in, speaker, text, tt.speaker, tt.text)
			}
		})
	}
}

func TestCueText(t *testing.T) {
	tests := []struct {
		name, speaker, text, want string
	}{
		{"Plain", "", "Hola", "Hola"},
		{"Speaker", "Ana", "Hola", "<v Ana>Hola"},
		{"Escaped", "A<B", "x --> <b>&", "<v A&lt;B>x --&gt; &lt;b&gt;&amp;"},
		{"EmptyLinesDropped", "", "one\n\n \r\ntwo\r", "one\ntwo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := webvtt.CueText(tt.speaker, tt.text)
			if got != tt.want {
				t.Fatalf("CueText(%q, %q) = %q, want %q", tt.speaker, tt.text, got, tt.want)
			}
			if speaker, _ := webvtt.PlainText(got); speaker != strings.TrimSpace(tt.speaker) {
				t.Errorf("speaker read back = %q", speaker)
			}
		})
	}
}

// A translated cue must survive writing and parsing whatever its text.
func TestCueTextInAFile(t *testing.T) {
	f, err := webvtt.Parse([]byte("WEBVTT\n\n1\n00:01.000 --> 00:02.000\nA\n\n2\n00:02.000 --> 00:03.000\nB\n"))
	if err != nil {
		t.Fatal(err)
	}
	text := "line --> one\n\nNOTE two\n00:05.000 --> 00:06.000"
	f.Cues()[0].Text = webvtt.CueText("Ana", text)
	again, err := webvtt.Parse(f.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if n := len(again.Cues()); n != 2 {
		t.Fatalf("%d cues after writing a tricky text, want 2:\n%s", n, f.Bytes())
	}
	speaker, got := webvtt.PlainText(again.Cues()[0].Text)
	if speaker != "Ana" || got != "line --> one\nNOTE two\n00:05.000 --> 00:06.000" {
		t.Errorf("read back %q, %q", speaker, got)
	}
}

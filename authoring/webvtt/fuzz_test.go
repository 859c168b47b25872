package webvtt_test

import (
	"reflect"
	"testing"

	"github.com/stacklet/stacklet/authoring/webvtt"
)

// FuzzParse: Parse never panics, and whatever it accepts is written back as
// a file that parses to the same blocks.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.649\nThe issuer signs.\n",
		"\ufeffWEBVTT head\r\nx\r\n\r\nSTYLE\r\n::cue{}\r\n\r\nNOTE c\r\n\r\nid\r\n00:01.000 --> 00:02.000 align:end\r\n<v Ana>Hi &amp; <b>bye</b>\r\n",
		"WEBVTT\n\n00:01.000 --> 00:02.000\nA\n00:02.000 --> 00:03.000\n\n\nREGION\n",
		"WEBVTT\r\r00:01.000-->00:02.000\r<ruby>a<rt>b</rt></ruby>",
		"WEBVTT\n\nlonely",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := webvtt.Parse(data)
		if err != nil {
			return
		}
		roundTrip(t, file)
		translated := file.Clone()
		for _, c := range translated.Cues() {
			speaker, text := webvtt.PlainText(c.Text)
			c.Text = webvtt.CueText(speaker, text) // must keep the file well formed
		}
		roundTrip(t, translated)
	})
}

func roundTrip(t *testing.T, file *webvtt.File) {
	t.Helper()
	again, err := webvtt.Parse(file.Bytes())
	if err != nil {
		t.Fatalf("written file does not parse: %v\n%q", err, file.Bytes())
	}
	if !reflect.DeepEqual(again, file) {
		t.Fatalf("round trip changed the file:\n got %#v\nwant %#v", again, file)
	}
}

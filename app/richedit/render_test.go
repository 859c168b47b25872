package richedit

import (
	"testing"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func TestSegments(t *testing.T) {
	segs, err := Segments("## Why\nLadders **fall**, see [HSE](https://www.hse.gov.uk).\n\n- one\n- two")
	if err != nil {
		t.Fatal(err)
	}
	var lines, bold, links int
	var list *widget.ListSegment
	for _, s := range segs {
		switch s := s.(type) {
		case *widget.TextSegment:
			if !s.Inline() {
				lines++
			}
			if s.Style.TextStyle.Bold && s.Text == "fall" {
				bold++
			}
			if s.Style.ColorName == theme.ColorNameHyperlink && s.Text == "HSE" {
				links++
			}
		case *widget.ListSegment:
			list = s
		}
	}
	if lines != 2 || bold != 1 || links != 1 {
		t.Errorf("%d line ends (want heading and paragraph), %d bold runs, %d links", lines, bold, links)
	}
	if list == nil || len(list.Items) != 2 || list.Ordered {
		t.Errorf("bulleted list rendered as %+v", list)
	}
	if _, err := Segments("<b>raw</b>"); err == nil {
		t.Error("raw HTML rendered without an error")
	}
}

package medialib

import (
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"

	"github.com/stacklet/stacklet/app/tr"
)

// sizeText writes a file size with the interface language's decimal mark.
func sizeText(t *tr.T, size int64) string {
	p := message.NewPrinter(language.Make(string(t.Lang())))
	switch {
	case size < 1000:
		return t.F("MediaSizeBytes", map[string]any{"Size": p.Sprint(size)})
	case size < 1000*1000:
		return t.F("MediaSizeKB", map[string]any{"Size": p.Sprint(number.Decimal(float64(size)/1000, number.MaxFractionDigits(1)))})
	default:
		return t.F("MediaSizeMB", map[string]any{"Size": p.Sprint(number.Decimal(float64(size)/1e6, number.MaxFractionDigits(1)))})
	}
}

package previewer

import "github.com/stacklet/stacklet/authoring"

// Translator gives the interface strings; *tr.T from app/tr satisfies it.
// Message ids are passed as literals so the catalog test can find them.
type Translator interface {
	S(id string) string
	F(id string, data map[string]any) string
	N(id string, count int, data map[string]any) string
	Lang() authoring.Locale
}

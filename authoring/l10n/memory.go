package l10n

import (
	"sort"

	"github.com/stacklet/stacklet/authoring"
)

// Memory is the translation memory: every approved translation of the
// project, found by its exact source text. It is derived, never stored.
type Memory struct {
	entries map[memoryKey]Translation
}

type memoryKey struct {
	locale authoring.Locale
	source string
}

// NewMemory indexes the approved translations of every locale. When one
// source text has several approved targets, the newest wins, then the
// smallest segment id, so lookups do not depend on map order.
func NewMemory(byLocale map[authoring.Locale]Translations) *Memory {
	m := &Memory{entries: map[memoryKey]Translation{}}
	for locale, tr := range byLocale {
		ids := make([]string, 0, len(tr))
		for id := range tr {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			m.add(locale, tr[id])
		}
	}
	return m
}

func (m *Memory) add(locale authoring.Locale, t Translation) {
	if t.State != Approved || isBlank(t.Target) || CheckPlaceholders(t.Source, t.Target) != nil {
		return
	}
	k := memoryKey{locale, t.Source}
	if old, ok := m.entries[k]; ok && !t.At.After(old.At) {
		return
	}
	m.entries[k] = t
}

// Lookup returns the approved translation of exactly source in locale.
// The AI translator asks it before asking a model.
func (m *Memory) Lookup(locale authoring.Locale, source string) (Translation, bool) {
	t, ok := m.entries[memoryKey{locale, source}]
	return t, ok
}

// Len returns how many source texts the memory knows.
func (m *Memory) Len() int { return len(m.entries) }

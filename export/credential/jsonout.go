package credential

import (
	"bytes"
	"encoding/json"
)

// encode writes v as the package's JSON files are written: 2-space indent,
// no HTML escaping (the text is read by people and wallets, not pasted into
// HTML) and a trailing newline. Same value, same bytes.
func encode(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// obj is a JSON object whose keys keep the order they were added in: the
// European Learning Model document reads best in the order of its sample.
type obj []field

type field struct {
	key string
	val any
}

// set appends key unless val is empty (nil, "", an empty obj or list).
func (o obj) set(key string, val any) obj {
	switch v := val.(type) {
	case nil:
		return o
	case string:
		if v == "" {
			return o
		}
	case obj:
		if v == nil {
			return o
		}
	case []any:
		if len(v) == 0 {
			return o
		}
	}
	return append(o, field{key, val})
}

// MarshalJSON implements json.Marshaler.
func (o obj) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, f := range o {
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := encodeCompact(&buf, f.key); err != nil {
			return nil, err
		}
		buf.WriteByte(':')
		if err := encodeCompact(&buf, f.val); err != nil {
			return nil, err
		}
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

func encodeCompact(buf *bytes.Buffer, v any) error {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	buf.Truncate(buf.Len() - 1) // Encode's newline
	return nil
}

package aitranslate

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// parsedReply is what a model's reply says, before validation.
type parsedReply struct {
	targets map[string]string
	bad     map[string]string // id -> why its value is unusable
}

// errNoJSON and friends say why a reply could not be read at all.
var errNoJSON = errors.New("the reply holds no JSON object")

// maxStarts bounds how many "{" in surrounding prose are tried as the start
// of the JSON, so a hostile reply cannot make parsing quadratic.
const maxStarts = 32

// parseReply reads the translations out of a model's reply. Models wrap JSON
// in code fences or prose and use a few shapes; all of these are accepted:
//
//	{"translations": {"id": "text"}}
//	{"translations": [{"id": "id", "text": "text"}]}
//	{"id": "text"}
//
// The first JSON value in the reply that has one of these shapes wins;
// whatever surrounds it (fences, prose) is ignored.
func parseReply(content string) (parsedReply, error) {
	var firstErr error
	for i, tries := 0, 0; i < len(content) && tries < maxStarts; i++ {
		if content[i] != '{' && content[i] != '[' {
			continue
		}
		tries++
		var raw json.RawMessage
		dec := json.NewDecoder(strings.NewReader(content[i:]))
		err := dec.Decode(&raw)
		if err == nil {
			var r parsedReply
			if r, err = interpret(raw); err == nil {
				return r, nil
			}
			// Skip the whole value: an object nested in a wrong shape
			// is not a reply.
			i += int(dec.InputOffset()) - 1
		} else {
			err = fmt.Errorf("the reply's JSON is malformed: %v", err)
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	if firstErr == nil {
		firstErr = errNoJSON
	}
	return parsedReply{}, firstErr
}

// interpret reads one of the accepted shapes from a JSON value.
func interpret(raw json.RawMessage) (parsedReply, error) {
	if raw[0] == '[' {
		return fromItems(raw)
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		return parsedReply{}, fmt.Errorf("the reply's JSON is not an object: %v", err)
	}
	if inner, ok := obj["translations"]; ok {
		inner = bytes.TrimSpace(inner)
		if bytes.HasPrefix(inner, []byte("[")) {
			return fromItems(inner)
		}
		obj = nil // a fresh map: Unmarshal would merge into the outer one
		if err := json.Unmarshal(inner, &obj); err != nil {
			return parsedReply{}, fmt.Errorf(`"translations" is neither an object nor a list: %v`, err)
		}
	}
	return fromObject(obj), nil
}

func fromObject(obj map[string]json.RawMessage) parsedReply {
	r := parsedReply{targets: map[string]string{}, bad: map[string]string{}}
	for id, v := range obj {
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			r.bad[id] = "the translation is not a JSON string"
			continue
		}
		r.targets[id] = s
	}
	return r
}

// textKeys are the names models give the text field of the list shape.
var textKeys = []string{"text", "translation", "target"}

func fromItems(raw []byte) (parsedReply, error) {
	var items []map[string]json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return parsedReply{}, fmt.Errorf("the reply's list is not a list of objects: %v", err)
	}
	r := parsedReply{targets: map[string]string{}, bad: map[string]string{}}
	for i, it := range items {
		var id string
		if json.Unmarshal(it["id"], &id) != nil {
			return parsedReply{}, fmt.Errorf("entry %d of the reply has no string \"id\"", i+1)
		}
		r.bad[id] = "the reply's entry has no text"
		for _, k := range textKeys {
			if v, ok := it[k]; ok {
				var text string
				if json.Unmarshal(v, &text) != nil {
					r.bad[id] = "the translation is not a JSON string"
					break
				}
				r.targets[id] = text
				delete(r.bad, id)
				break
			}
		}
	}
	return r, nil
}

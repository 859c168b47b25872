package jsondump

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/stacklet/stacklet/authoring"
)

// decodeStrict reads the one JSON value in a file into v. Unknown fields and
// trailing data are errors: a misspelt field would otherwise be dropped
// silently on import, losing what the author wrote.
func decodeStrict(name string, data []byte, v any) error {
	return decodeFile(name, data, v, true)
}

// decodeLoose reads only the fields v has, for a first look at a file.
func decodeLoose(name string, data []byte, v any) error {
	return decodeFile(name, data, v, false)
}

func decodeFile(name string, data []byte, v any, strict bool) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if strict {
		dec.DisallowUnknownFields()
	}
	if err := dec.Decode(v); err != nil {
		return jsonError(name, data, 0, err)
	}
	end := int(dec.InputOffset())
	if rest := bytes.TrimLeft(data[end:], " \t\r\n"); len(rest) > 0 {
		return invalidAt(name, data, len(data)-len(rest), "unexpected data after the end of the JSON value")
	}
	return nil
}

// jsonError turns a decoding error into EINVALID naming the file, line and
// column. base is where the decoded bytes start within data, for errors from
// decoding a block on its own.
func jsonError(name string, data []byte, base int, err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var ae *authoring.Error
	switch {
	case errors.Is(err, io.EOF) && len(bytes.TrimSpace(data)) == 0:
		return authoring.Errorf(authoring.EINVALID, "%s is empty", name)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return invalidAt(name, data, len(data), "the file ends too early: it may be cut off")
	case errors.As(err, &syntax):
		return invalidAt(name, data, base+int(syntax.Offset)-1, err.Error())
	case errors.As(err, &typ):
		return invalidAt(name, data, base+int(typ.Offset)-1, typeMessage(typ))
	case unknownField(err) != "":
		key := unknownField(err)
		return invalidAt(name, data, base+keyOffset(data[base:], key), fmt.Sprintf(
			"unknown field %q: check its spelling (a newer Stacklet may also have written it)", key))
	case errors.As(err, &ae):
		return authoring.Errorf(ae.Code, "%s: %s", name, ae.Message)
	}
	return authoring.Errorf(authoring.EINVALID, "%s: %v", name, err)
}

// invalidAt reports a problem at byte offset off of data.
func invalidAt(name string, data []byte, off int, msg string) error {
	line, col := position(data, off)
	return authoring.Errorf(authoring.EINVALID, "%s, line %d, column %d: %s", name, line, col, msg)
}

// position gives the 1-based line and column (in characters) of byte off.
func position(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return bytes.Count(data[:off], []byte("\n")) + 1, utf8.RuneCount(data[start:off]) + 1
}

// unknownField returns the field named by DisallowUnknownFields' error, which
// has no type of its own.
func unknownField(err error) string {
	const prefix = "json: unknown field "
	if err == nil || !strings.HasPrefix(err.Error(), prefix) {
		return ""
	}
	key, uerr := strconv.Unquote(strings.TrimPrefix(err.Error(), prefix))
	if uerr != nil {
		return ""
	}
	return key
}

// keyOffset finds the first `"key":` in data. The decoder does not say where
// an unknown field was; the first use of the name is nearly always it.
func keyOffset(data []byte, key string) int {
	quoted, _ := json.Marshal(key)
	re := regexp.MustCompile(regexp.QuoteMeta(string(quoted)) + `\s*:`)
	if loc := re.FindIndex(data); loc != nil {
		return loc[0]
	}
	return 0
}

// typeMessage says what a field should hold in an author's words.
func typeMessage(e *json.UnmarshalTypeError) string {
	field := e.Field
	if i := strings.LastIndexByte(field, '.'); i >= 0 {
		field = field[i+1:]
	}
	want := map[reflect.Kind]string{
		reflect.String: "text in quotes", reflect.Bool: "true or false", reflect.Int: "a whole number",
		reflect.Int64: "a whole number", reflect.Slice: "a list [...]", reflect.Struct: "an object {...}",
		reflect.Map: "an object {...}",
	}[e.Type.Kind()]
	if want == "" {
		want = e.Type.String()
	}
	if field == "" {
		return fmt.Sprintf("expected %s, found %s", want, e.Value)
	}
	return fmt.Sprintf("%q must be %s, not %s", field, want, e.Value)
}

// decodeModule reads a module file. Blocks are checked one by one first:
// authoring.Block decodes its content itself, so the module decoder can
// neither refuse unknown block fields nor say where a block error is.
func decodeModule(name string, data []byte) (authoring.Module, error) {
	var m authoring.Module
	var shape struct {
		Blocks []json.RawMessage `json:"blocks"`
	}
	if err := decodeLoose(name, data, &shape); err != nil {
		return m, err
	}
	at := 0
	for _, raw := range shape.Blocks {
		// RawMessage keeps the exact bytes, so they can be found in the file.
		off := at + max(bytes.Index(data[at:], raw), 0)
		if err := checkBlock(name, data, off, raw); err != nil {
			return m, err
		}
		at = off + len(raw)
	}
	err := decodeStrict(name, data, &m)
	return m, err
}

// checkBlock checks one block starting at byte off of the file: a known
// kind, fields of the right types, and no field its kind does not have.
func checkBlock(name string, data []byte, off int, raw []byte) error {
	var head struct {
		ID   string              `json:"id"`
		Kind authoring.BlockKind `json:"kind"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		return jsonError(name, data, off, err)
	}
	if head.Kind == "" {
		return invalidAt(name, data, off, fmt.Sprintf("block %q has no \"kind\"", head.ID))
	}
	content, err := authoring.NewContent(head.Kind)
	if err != nil {
		return invalidAt(name, data, off+keyOffset(raw, "kind"), fmt.Sprintf(
			"block %q has the unknown kind %q (a newer Stacklet may have written it)", head.ID, head.Kind))
	}
	if err := json.Unmarshal(raw, content); err != nil {
		return jsonError(name, data, off, err)
	}
	return checkBlockFields(name, data, off, raw, head.ID, head.Kind)
}

// checkBlockFields decodes the block without id and kind, strictly, into
// fresh content of its kind: what is left over is a field the kind lacks.
func checkBlockFields(name string, data []byte, off int, raw []byte, id string, kind authoring.BlockKind) error {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return jsonError(name, data, off, err)
	}
	delete(fields, "id")
	delete(fields, "kind")
	rest, err := json.Marshal(fields)
	if err != nil {
		return jsonError(name, data, off, err)
	}
	content, _ := authoring.NewContent(kind) // known: checkBlock made one
	dec := json.NewDecoder(bytes.NewReader(rest))
	dec.DisallowUnknownFields()
	if err := dec.Decode(content); err != nil {
		key := unknownField(err)
		if key == "" {
			return jsonError(name, data, off, err)
		}
		return invalidAt(name, data, off+keyOffset(raw, key), fmt.Sprintf(
			"block %q (%s) has no field %q: check its spelling (a newer Stacklet may also have written it)", id, kind, key))
	}
	return nil
}

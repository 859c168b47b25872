package credential_test

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/piprate/json-gold/ld"
)

// This file checks documents against the cardinality, class and datatype
// constraints of the European Learning Model's SHACL shapes, read from the
// Commission's Turtle file. It is not a SHACL engine: it reads named
// property shapes (sh:path, sh:minCount, sh:maxCount, sh:class,
// sh:datatype) and the node shapes that list them for a target class,
// which is how the EDC shapes are written; sh:or, sh:node and blank-node
// shapes are left out.

const (
	xsd           = "http://www.w3.org/2001/XMLSchema#"
	rdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
)

type propertyShape struct {
	name, path, class, datatype string
	min, max                    int // max < 0: no maximum
}

// shapesByClass maps a target class IRI to its property shapes.
type shapesByClass map[string][]propertyShape

func parseShapes(t *testing.T, ttl string) shapesByClass {
	t.Helper()
	prefixes := map[string]string{}
	props := map[string]map[string][]string{} // subject → predicate → objects
	for _, st := range turtleStatements(ttl) {
		if rest, ok := strings.CutPrefix(st, "@prefix"); ok {
			name, iri, _ := strings.Cut(strings.TrimSpace(rest), ":")
			prefixes[strings.TrimSpace(name)] = strings.Trim(strings.TrimSpace(iri), "<>")
			continue
		}
		subject, body, _ := strings.Cut(st, " ")
		subject = strings.TrimSpace(subject)
		if props[subject] == nil {
			props[subject] = map[string][]string{}
		}
		for _, pair := range splitTop(body, ';') {
			pred, obj, _ := strings.Cut(strings.TrimSpace(pair), " ")
			for _, o := range splitTop(obj, ',') {
				if o = strings.TrimSpace(o); o != "" {
					props[subject][pred] = append(props[subject][pred], o)
				}
			}
		}
	}
	iri := func(name string) string {
		if strings.HasPrefix(name, "<") {
			return strings.Trim(name, "<>")
		}
		p, local, _ := strings.Cut(name, ":")
		base, ok := prefixes[p]
		if !ok {
			t.Fatalf("shapes: unknown prefix in %q", name)
		}
		return base + local
	}
	count := func(p map[string][]string, key string, none int) int {
		if len(p[key]) == 0 {
			return none
		}
		n, err := strconv.Atoi(p[key][0])
		if err != nil {
			t.Fatalf("shapes: %s %q: %v", key, p[key][0], err)
		}
		return n
	}
	out := shapesByClass{}
	for _, node := range props {
		for _, target := range node["sh:targetClass"] {
			for _, name := range node["sh:property"] {
				p, ok := props[name]
				if !ok || len(p["sh:path"]) == 0 {
					continue // a blank-node shape
				}
				ps := propertyShape{name: name, path: iri(p["sh:path"][0]),
					min: count(p, "sh:minCount", 0), max: count(p, "sh:maxCount", -1)}
				if c := p["sh:class"]; len(c) > 0 {
					ps.class = iri(c[0])
				}
				if d := p["sh:datatype"]; len(d) > 0 {
					ps.datatype = iri(d[0])
				}
				out[iri(target)] = append(out[iri(target)], ps)
			}
		}
	}
	if len(out) == 0 {
		t.Fatal("shapes: no node shape found")
	}
	return out
}

// turtleStatements splits Turtle into statements without comments or the
// final dot, whitespace collapsed to single spaces. A long string in
// triple quotes reads as three strings: the same, unless it holds a quote.
func turtleStatements(ttl string) []string {
	var out []string
	var cur strings.Builder
	depth := 0
	var quote byte // the open string's quote, 0 outside strings
	inIRI, inComment := false, false
	flush := func() {
		if s := strings.Join(strings.Fields(cur.String()), " "); s != "" {
			out = append(out, s)
		}
		cur.Reset()
	}
	for i := 0; i < len(ttl); i++ {
		c := ttl[i]
		switch {
		case inComment:
			if c == '\n' {
				inComment = false
				cur.WriteByte(c)
			}
			continue
		case quote != 0:
			if c == '\\' && i+1 < len(ttl) {
				cur.WriteByte(c)
				i++
				c = ttl[i]
			} else if c == quote {
				quote = 0
			}
		case inIRI:
			inIRI = c != '>'
		case c == '"' || c == '\'':
			quote = c
		case c == '<':
			inIRI = true
		case c == '#':
			inComment = true
			continue
		case c == '[' || c == '(':
			depth++
		case c == ']' || c == ')':
			depth--
		case c == '.' && depth == 0 && (i+1 == len(ttl) || strings.ContainsRune(" \t\r\n", rune(ttl[i+1]))):
			flush()
			continue
		}
		cur.WriteByte(c)
	}
	flush()
	return out
}

// splitTop splits s at sep outside brackets, strings and IRIs.
func splitTop(s string, sep byte) []string {
	var out []string
	depth, start := 0, 0
	var quote byte
	inIRI := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
		case inIRI:
			inIRI = c != '>'
		case c == '"' || c == '\'':
			quote = c
		case c == '<':
			inIRI = true
		case c == '[' || c == '(':
			depth++
		case c == ']' || c == ')':
			depth--
		case c == sep && depth == 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// violations checks every node of doc whose type is one of classes against
// that class's property shapes and returns the violations, sorted. The
// document is flattened first, so a class is checked on the node its
// reference points to.
func violations(t *testing.T, shapes shapesByClass, doc any, loader ld.DocumentLoader, classes ...string) []string {
	t.Helper()
	flat, err := ldProcessor().Flatten(doc, nil, ldOptions(loader))
	if err != nil {
		t.Fatalf("flattening: %v", err)
	}
	nodes := map[string]map[string]any{}
	for _, n := range flat.([]any) {
		node := n.(map[string]any)
		nodes[node["@id"].(string)] = node
	}
	var out []string
	for id, node := range nodes {
		for _, class := range classes {
			if !hasType(node, class) {
				continue
			}
			if len(shapes[class]) == 0 {
				t.Fatalf("shapes: none for %s", class)
			}
			for _, ps := range shapes[class] {
				for _, v := range ps.check(node, nodes) {
					out = append(out, fmt.Sprintf("%s %s: %s", id, ps.name, v))
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

func hasType(node map[string]any, class string) bool {
	types, _ := node["@type"].([]any)
	for _, ty := range types {
		if ty == class {
			return true
		}
	}
	return false
}

func (ps propertyShape) check(node map[string]any, nodes map[string]map[string]any) []string {
	var out []string
	values, _ := node[ps.path].([]any)
	if len(values) < ps.min {
		out = append(out, fmt.Sprintf("%d values, at least %d required", len(values), ps.min))
	}
	if ps.max >= 0 && len(values) > ps.max {
		out = append(out, fmt.Sprintf("%d values, at most %d allowed", len(values), ps.max))
	}
	for _, v := range values {
		value := v.(map[string]any)
		if ps.class != "" {
			ref, _ := value["@id"].(string)
			if target, ok := nodes[ref]; !ok || !hasType(target, ps.class) {
				out = append(out, fmt.Sprintf("%v is not a %s", v, ps.class))
			}
		}
		if ps.datatype != "" {
			if got := datatype(value); got != ps.datatype {
				out = append(out, fmt.Sprintf("%v is a %s, not a %s", v, got, ps.datatype))
			}
		}
	}
	return out
}

// datatype is the RDF datatype of an expanded value object.
func datatype(value map[string]any) string {
	if _, ok := value["@language"]; ok {
		return rdfLangString
	}
	if ty, ok := value["@type"].(string); ok {
		return ty
	}
	switch v := value["@value"].(type) {
	case string:
		return xsd + "string"
	case bool:
		return xsd + "boolean"
	case float64:
		if v == math.Trunc(v) {
			return xsd + "integer"
		}
		return xsd + "double"
	}
	return "a node"
}

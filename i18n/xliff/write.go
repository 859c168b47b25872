package xliff

import (
	"io"
	"strconv"
	"strings"
)

// Write writes doc as XLIFF 1.2. The output depends only on doc: the same
// document always gives the same bytes.
func Write(w io.Writer, doc *Document) error {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<xliff version="1.2" xmlns="` + NS + `" xmlns:stk="` + StkNS + `">` + "\n")
	for i := range doc.Files {
		writeFile(&b, &doc.Files[i])
	}
	b.WriteString("</xliff>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func writeFile(b *strings.Builder, f *File) {
	b.WriteString(`  <file original="`)
	escapeAttr(b, f.Original)
	b.WriteString(`" source-language="`)
	escapeAttr(b, string(f.SourceLanguage))
	b.WriteString(`" target-language="`)
	escapeAttr(b, string(f.TargetLanguage))
	b.WriteString(`" datatype="plaintext">` + "\n    <body>\n")
	for i := range f.Units {
		writeUnit(b, &f.Units[i])
	}
	b.WriteString("    </body>\n  </file>\n")
}

func writeUnit(b *strings.Builder, u *Unit) {
	b.WriteString(`      <trans-unit id="`)
	escapeAttr(b, u.ID)
	b.WriteString(`" resname="`)
	escapeAttr(b, u.ID)
	b.WriteString(`" xml:space="preserve"`)
	if u.MaxLen > 0 {
		b.WriteString(` maxwidth="` + strconv.Itoa(u.MaxLen) + `" size-unit="char"`)
	}
	if u.SourceHash != "" {
		b.WriteString(` stk:source-hash="`)
		escapeAttr(b, u.SourceHash)
		b.WriteString(`"`)
	}
	b.WriteString(">\n        <source>")
	writeInline(b, u.Source, u.CTypes)
	b.WriteString("</source>\n")
	writeTarget(b, u)
	if u.Note != "" {
		b.WriteString("        <note>")
		escapeText(b, u.Note)
		b.WriteString("</note>\n")
	}
	b.WriteString("      </trans-unit>\n")
}

func writeTarget(b *strings.Builder, u *Unit) {
	state, qualifier := xliffState(u)
	b.WriteString(`        <target state="` + state + `"`)
	if qualifier != "" {
		b.WriteString(` state-qualifier="` + qualifier + `"`)
	}
	if u.Stale && u.Target != "" {
		b.WriteString(` stk:stale="`)
		escapeAttr(b, string(u.State))
		b.WriteString(`"`)
	}
	if u.Target == "" {
		b.WriteString("/>\n")
		return
	}
	b.WriteString(">")
	writeInline(b, u.Target, u.CTypes)
	b.WriteString("</target>\n")
}

// Package scorm12 writes the imsmanifest.xml of a SCORM 1.2 package: IMS
// Content Packaging 1.1.2 with ADL's extensions and IMS Metadata 1.2.1 (LOM).
package scorm12

import (
	"encoding/xml"
	"fmt"

	"github.com/stacklet/stacklet/export/internal/cp"
)

// Input is what a manifest describes.
type Input = cp.Input

type manifest struct {
	XMLName       xml.Name      `xml:"manifest"`
	Identifier    string        `xml:"identifier,attr"`
	Version       string        `xml:"version,attr"`
	NS            string        `xml:"xmlns,attr"`
	NSAdlcp       string        `xml:"xmlns:adlcp,attr"`
	NSImsmd       string        `xml:"xmlns:imsmd,attr"`
	Schema        string        `xml:"metadata>schema"`
	SchemaVersion string        `xml:"metadata>schemaversion"`
	LOM           lom           `xml:"metadata>imsmd:lom"`
	Organizations organizations `xml:"organizations"`
	Resources     []resource    `xml:"resources>resource"`
}

type organizations struct {
	Default string       `xml:"default,attr"`
	Org     organization `xml:"organization"`
}

type organization struct {
	Identifier string `xml:"identifier,attr"`
	Title      string `xml:"title"`
	Item       item   `xml:"item"`
}

type item struct {
	Identifier    string `xml:"identifier,attr"`
	IdentifierRef string `xml:"identifierref,attr"`
	Title         string `xml:"title"`
	MasteryScore  *int   `xml:"adlcp:masteryscore,omitempty"`
}

type resource struct {
	Identifier string    `xml:"identifier,attr"`
	Type       string    `xml:"type,attr"`
	ScormType  string    `xml:"adlcp:scormtype,attr"`
	Href       string    `xml:"href,attr"`
	Files      []cp.File `xml:"file"`
}

// resources are the SCO and, when the module earns a credential, an asset
// holding the credential files: catalogues list them apart from the SCO.
func resources(in Input) []resource {
	sco, cred := cp.SplitFiles(in.Files)
	out := []resource{{Identifier: "res-" + in.Module.ID, Type: "webcontent", ScormType: "sco", Href: in.Launch, Files: cp.Files(sco)}}
	if len(cred) > 0 {
		out = append(out, resource{Identifier: "res-" + in.Module.ID + "-credential", Type: "webcontent",
			ScormType: "asset", Href: cp.CredentialDir + "index.html", Files: cp.Files(cred)})
	}
	return out
}

// Manifest returns the imsmanifest.xml bytes.
func Manifest(in Input) ([]byte, error) {
	m := in.Module
	id := cp.Identifier(in.Project, m)
	man := manifest{
		Identifier: id, Version: "1.0",
		NS:      "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
		NSAdlcp: "http://www.adlnet.org/xsd/adlcp_rootv1p2",
		NSImsmd: "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1",
		Schema:  "ADL SCORM", SchemaVersion: "1.2",
		LOM: newLOM(in, id),
		Organizations: organizations{Default: "org-" + m.ID, Org: organization{
			Identifier: "org-" + m.ID, Title: m.Title,
			Item: item{Identifier: "item-" + m.ID, IdentifierRef: "res-" + m.ID, Title: m.Title},
		}},
		Resources: resources(in),
	}
	if cp.Mastered(m) {
		score := m.MasteryScore
		man.Organizations.Org.Item.MasteryScore = &score
	}
	return marshal(man)
}

func marshal(v any) ([]byte, error) {
	out, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("write manifest: %w", err)
	}
	return append([]byte(xml.Header), append(out, '\n')...), nil
}

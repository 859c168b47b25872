// Package scorm2004 writes the imsmanifest.xml of a SCORM 2004 4th Edition
// package: IMS Content Packaging 1.1.4 with ADL's extensions, IMS Simple
// Sequencing for the mastery objective and IEEE LOM metadata.
package scorm2004

import (
	"encoding/xml"
	"fmt"
	"strconv"

	"github.com/stacklet/stacklet/export/internal/cp"
)

// Input is what a manifest describes; it is the same for both SCORM versions.
type Input = cp.Input

type manifest struct {
	XMLName       xml.Name      `xml:"manifest"`
	Identifier    string        `xml:"identifier,attr"`
	Version       string        `xml:"version,attr"`
	NS            string        `xml:"xmlns,attr"`
	NSAdlcp       string        `xml:"xmlns:adlcp,attr"`
	NSImsss       string        `xml:"xmlns:imsss,attr"`
	Schema        string        `xml:"metadata>schema"`
	SchemaVersion string        `xml:"metadata>schemaversion"`
	LOM           lom           `xml:"metadata>lom"`
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
	Identifier    string      `xml:"identifier,attr"`
	IdentifierRef string      `xml:"identifierref,attr"`
	Title         string      `xml:"title"`
	Sequencing    *sequencing `xml:"imsss:sequencing,omitempty"`
}

type sequencing struct {
	Objective primaryObjective `xml:"imsss:objectives>imsss:primaryObjective"`
}

type primaryObjective struct {
	ID                 string `xml:"objectiveID,attr"`
	SatisfiedByMeasure bool   `xml:"satisfiedByMeasure,attr"`
	MinMeasure         string `xml:"imsss:minNormalizedMeasure"`
}

type resource struct {
	Identifier string    `xml:"identifier,attr"`
	Type       string    `xml:"type,attr"`
	ScormType  string    `xml:"adlcp:scormType,attr"`
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

// Manifest returns the imsmanifest.xml bytes. It names no schema files:
// xsi:schemaLocation would point at XSDs the package does not carry.
func Manifest(in Input) ([]byte, error) {
	m := in.Module
	id := cp.Identifier(in.Project, m)
	man := manifest{
		Identifier: id, Version: "1",
		NS:      "http://www.imsglobal.org/xsd/imscp_v1p1",
		NSAdlcp: "http://www.adlnet.org/xsd/adlcp_v1p3",
		NSImsss: "http://www.imsglobal.org/xsd/imsss",
		Schema:  "ADL SCORM", SchemaVersion: "2004 4th Edition",
		LOM: newLOM(in, id),
		Organizations: organizations{Default: "org-" + m.ID, Org: organization{
			Identifier: "org-" + m.ID, Title: m.Title,
			Item: item{Identifier: "item-" + m.ID, IdentifierRef: "res-" + m.ID, Title: m.Title},
		}},
		Resources: resources(in),
	}
	if cp.Mastered(m) {
		man.Organizations.Org.Item.Sequencing = &sequencing{primaryObjective{
			ID: "mastery", SatisfiedByMeasure: true,
			MinMeasure: strconv.FormatFloat(float64(m.MasteryScore)/100, 'f', -1, 64),
		}}
	}
	out, err := xml.MarshalIndent(man, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("write manifest: %w", err)
	}
	return append([]byte(xml.Header), append(out, '\n')...), nil
}

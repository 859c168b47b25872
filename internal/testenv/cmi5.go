package testenv

// CMI5 validates a cmi5.xml course structure. The XSD imports nothing, so no
// catalog is needed.
var CMI5 = Schema{Driver: "cmi5/CourseStructure.xsd"}

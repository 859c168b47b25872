package player

// CMI5Script is the cmi5 tracking adapter, shipped only in cmi5 packages.
// It reports to the LMS's LRS, which may sit on another origin than the
// package: a cmi5 page's CSP therefore allows connections to any https:
// origin (the endpoint arrives only at launch), where other packages allow
// 'self' alone.
const CMI5Script = "cmi5.js"

func cmi5Script() []byte {
	data, err := static.ReadFile("static/" + CMI5Script)
	if err != nil {
		panic(err) // embedded at build time: cannot fail
	}
	return data
}

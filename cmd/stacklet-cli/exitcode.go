package main

import "github.com/stacklet/stacklet/authoring"

// Exit codes, one per error code, so scripts can tell a broken project from
// a typo in a flag.
const (
	exitInternal = 1
	exitUsage    = 2
	exitInvalid  = 3
	exitNotFound = 4
	exitConflict = 5
	exitCorrupt  = 6
	exitVersion  = 7
	exitCanceled = 130 // as a shell reports a process ended by Ctrl+C
)

var exitCodes = map[string]int{
	authoring.EINVALID:  exitInvalid,
	authoring.ENOTFOUND: exitNotFound,
	authoring.ECONFLICT: exitConflict,
	authoring.ECORRUPT:  exitCorrupt,
	authoring.EVERSION:  exitVersion,
	authoring.ECANCELED: exitCanceled,
}

func exitCode(err error) int {
	if code, ok := exitCodes[authoring.ErrorCode(err)]; ok {
		return code
	}
	return exitInternal
}

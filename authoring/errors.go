package authoring

import (
	"errors"
	"fmt"
)

// Error codes. The CLI maps them to exit codes and the desktop app to dialog
// texts, each in one place; everything else compares codes, never messages.
const (
	ECONFLICT = "conflict"  // the action clashes with existing state
	EINTERNAL = "internal"  // a bug or an unexpected failure
	EINVALID  = "invalid"   // the input breaks a rule the user can fix
	ENOTFOUND = "not_found" // a named thing does not exist
	ECORRUPT  = "corrupt"   // a file is damaged or is not what it claims to be
	EVERSION  = "version"   // a file was written by a newer Stacklet
	ECANCELED = "canceled"  // the user stopped a long job
)

// Error is an error a user can act on: Message says what is wrong and where.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for
// any other error and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	default:
		return EINTERNAL
	}
}

// ErrorMessage returns the user-facing message of err; errors that are not an
// *Error are hidden behind a generic text because they may hold internals.
func ErrorMessage(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Message
	default:
		return "internal error: " + err.Error()
	}
}

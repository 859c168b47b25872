package app

import (
	"os"
	"strings"
	"unicode"
)

// removeEmpty deletes path if it is an empty file: Fyne's save dialog
// creates the file it names, but a project file must be created by SQLite.
func removeEmpty(path string) {
	if st, err := os.Stat(path); err == nil && st.Size() == 0 {
		os.Remove(path)
	}
}

// fileName suggests a file name for a title: letters, digits, spaces and
// hyphens, nothing a file system might refuse.
func fileName(title string) string {
	name := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == ' ' || r == '-' || r == '_' {
			return r
		}
		return -1
	}, title)
	if name = strings.TrimSpace(name); name == "" {
		return "project"
	}
	return name
}

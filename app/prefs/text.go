package prefs

import "github.com/stacklet/stacklet/i18n"

// text returns catalog message id; a missing one shows its id, which the
// catalog tests catch long before a user would.
func text(s i18n.Strings, id string, data map[string]any) string {
	msg, err := s.Text(id, data)
	if err != nil {
		return id
	}
	return msg
}

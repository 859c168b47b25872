package webvtt

import (
	"fmt"
	"strings"
)

// checkTiming checks a cue timing line, "start --> end [settings]", and
// returns its start timestamp as written.
func checkTiming(line string) (string, error) {
	before, after, _ := strings.Cut(line, arrow)
	start := strings.Trim(before, " \t")
	if err := checkTimestamp(start); err != nil {
		return "", fmt.Errorf("cue start %v", err)
	}
	after = strings.TrimLeft(after, " \t")
	end := after
	if i := strings.IndexAny(after, " \t"); i >= 0 {
		end = after[:i]
	}
	if err := checkTimestamp(end); err != nil {
		return "", fmt.Errorf("cue end %v", err)
	}
	return start, nil
}

// checkTimestamp accepts [hh:]mm:ss.ttt, with hours of two or more digits
// and minutes and seconds below 60.
func checkTimestamp(ts string) error {
	bad := fmt.Errorf("time %q is not a timestamp like 00:01.500 or 01:02:03.500", ts)
	main, frac, ok := strings.Cut(ts, ".")
	if !ok || len(frac) != 3 || !digits(frac) {
		return bad
	}
	parts := strings.Split(main, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return bad
	}
	if len(parts) == 3 && (len(parts[0]) < 2 || !digits(parts[0])) {
		return bad
	}
	for _, p := range parts[len(parts)-2:] {
		if len(p) != 2 || !digits(p) || p[0] > '5' {
			return bad
		}
	}
	return nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

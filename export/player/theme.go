package player

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/stacklet/stacklet/authoring"
)

// fontStacks maps each font choice to fonts learners' systems already have:
// packages make no outside requests, so no web fonts.
var fontStacks = map[authoring.Font]string{
	authoring.FontSans:      `system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif`,
	authoring.FontSerif:     `"Iowan Old Style", "Palatino Linotype", Palatino, Georgia, "Noto Serif", "Times New Roman", serif`,
	authoring.FontRounded:   `ui-rounded, "SF Pro Rounded", "Hiragino Maru Gothic ProN", Quicksand, Comfortaa, Manjari, "Arial Rounded MT Bold", system-ui, sans-serif`,
	authoring.FontMonospace: `ui-monospace, "SF Mono", "Cascadia Mono", "Segoe UI Mono", Menlo, Consolas, "Liberation Mono", monospace`,
}

// rgb is a colour with channels from 0 to 1.
type rgb struct{ r, g, b float64 }

func parseHex(s string) (rgb, error) {
	if len(s) != 7 || s[0] != '#' {
		return rgb{}, authoring.Errorf(authoring.EINVALID, "accent colour %q is not a #rrggbb colour", s)
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return rgb{}, authoring.Errorf(authoring.EINVALID, "accent colour %q is not a #rrggbb colour", s)
	}
	return rgb{float64(v>>16&0xff) / 255, float64(v>>8&0xff) / 255, float64(v&0xff) / 255}, nil
}

func (c rgb) hex() string {
	ch := func(x float64) int { return int(math.Round(math.Max(0, math.Min(1, x)) * 255)) }
	return fmt.Sprintf("#%02x%02x%02x", ch(c.r), ch(c.g), ch(c.b))
}

// luminance is WCAG 2 relative luminance.
func (c rgb) luminance() float64 {
	lin := func(x float64) float64 {
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.r) + 0.7152*lin(c.g) + 0.0722*lin(c.b)
}

// contrast is the WCAG 2 contrast ratio of two colours, 1 to 21.
func contrast(a, b rgb) float64 {
	la, lb := a.luminance(), b.luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func mix(a, b rgb, t float64) rgb {
	return rgb{a.r + (b.r-a.r)*t, a.g + (b.g-a.g)*t, a.b + (b.b-a.b)*t}
}

var (
	white = rgb{1, 1, 1}
	black = rgb{0, 0, 0}
	ink   = rgb{0x11 / 255.0, 0x18 / 255.0, 0x27 / 255.0} // the page's text colour
)

// aa is the WCAG AA contrast for normal text.
const aa = 4.5

// onAccent returns the text colour for buttons filled with accent: white or
// the page's dark ink when either passes AA, else black, which always passes
// when white does not.
func onAccent(accent rgb) rgb {
	for _, c := range []rgb{white, ink} {
		if contrast(c, accent) >= aa {
			return c
		}
	}
	return black
}

// accentInk returns the accent darkened just enough to be readable as text
// and focus rings (links, outlines, selected tabs) on bg and anything lighter.
func accentInk(accent, bg rgb) rgb {
	c := accent
	for t := 0.0; contrast(c, bg) < aa+0.1 && t < 1; t += 0.02 { // margin for hex rounding
		c = mix(accent, black, t)
	}
	return c
}

// themeCSS renders theme.css: the project's look as custom properties,
// because CSP forbids inline styles.
func themeCSS(th authoring.Theme) ([]byte, error) {
	accent, err := parseHex(th.Accent)
	if err != nil {
		return nil, err
	}
	font := th.Font
	if font == "" {
		font = authoring.FontSans
	}
	stack, ok := fontStacks[font]
	if !ok {
		return nil, authoring.Errorf(authoring.EINVALID, "font %q is not sans, serif, rounded or monospace", th.Font)
	}
	soft := mix(accent, white, 0.9) // tinted panels, cards, chips
	inkC := accentInk(accent, soft)
	vars := [][2]string{
		{"--accent", strings.ToLower(th.Accent)},
		{"--on-accent", onAccent(accent).hex()},
		{"--accent-ink", inkC.hex()},
		{"--accent-soft", soft.hex()},
		{"--accent-line", mix(inkC, white, 0.6).hex()},
		{"--font", stack},
	}
	var b strings.Builder
	b.WriteString("/* Theme: generated from the project settings. */\n:root {\n")
	for _, v := range vars {
		fmt.Fprintf(&b, "  %s: %s;\n", v[0], v[1])
	}
	b.WriteString("}\n")
	return []byte(b.String()), nil
}

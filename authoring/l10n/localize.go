package l10n

import (
	"encoding/json"
	"slices"

	"github.com/stacklet/stacklet/authoring"
)

// Pending is a segment that is not exported as an approved translation:
// either its translation is used but not approved yet, or the source text
// stands in for a missing, stale or broken one (Reason says which).
type Pending struct {
	ID     string      `json:"id"`
	State  State       `json:"state"`
	Stale  bool        `json:"stale,omitempty"`
	Kind   PendingKind `json:"kind"`
	Reason string      `json:"reason"` // Kind in English words, with the detail
}

// PendingKind says why a text is not an approved translation, for screens
// that word it in their own language.
type PendingKind string

const (
	PendingUntranslated PendingKind = "untranslated"
	PendingStale        PendingKind = "stale"   // the source changed after translation
	PendingBroken       PendingKind = "broken"  // placeholders do not match: the source stands in
	PendingMachine      PendingKind = "machine" // used, not reviewed
	PendingEdited       PendingKind = "edited"  // used, not approved
)

func (p Pending) String() string { return p.ID + ": " + p.Reason }

// Localized is a module and its project as learners in one locale see them.
type Localized struct {
	Project *authoring.Project // a copy: title and the module's credentials translated
	Module  *authoring.Module  // the copy inside Project.Modules
	Pending []Pending          // in document order
	// Media holds the bytes of the translated caption tracks by hash: the
	// copy's blocks and media library name them, no store holds them.
	Media map[string][]byte
}

// Localize returns copies of p and of its module moduleID in locale, from
// the locale's translations tr. The inputs are never changed. The project
// title, the module, every credential the module earns and the titles of
// the other modules those credentials take are translated;
// what has no usable translation keeps its source text and is listed in
// Pending. Targets become markup again only through the rich-text parser,
// so a translation cannot smuggle in HTML or a link the source lacks.
//
// Each caption track of the module in caps (see LoadModuleCaptions) is
// written anew with its translated cues, under a new hash: the copy's
// blocks and library point to it and Media holds its bytes. Cues without a
// usable translation keep their source cue. Nil caps leaves tracks as they are.
func Localize(p *authoring.Project, moduleID string, locale authoring.Locale, tr Translations, caps Captions) (*Localized, error) {
	out, err := cloneProject(p)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(out.Modules, func(m authoring.Module) bool { return m.ID == moduleID })
	if i < 0 {
		return nil, authoring.Errorf(authoring.ENOTFOUND, "module %q not found", moduleID)
	}
	res := &Localized{Project: out, Module: &out.Modules[i]}
	if locale == "" || locale == p.SourceLocale {
		return res, nil
	}
	if !p.HasLocale(locale) {
		return nil, authoring.Errorf(authoring.EINVALID, "locale %q is not one of the project's locales", locale)
	}
	l := &localizer{tr: tr, caps: caps}
	walkProjectTitle(out, l.apply)
	siblings := map[string]bool{}
	for c := range out.Credentials {
		if slices.Contains(out.Credentials[c].Modules, moduleID) {
			walkCredential(&out.Credentials[c], l.apply)
			for _, id := range out.Credentials[c].Modules {
				siblings[id] = id != moduleID
			}
		}
	}
	walkModule(res.Module, l.track, l.apply)
	// The credential card names the other modules it takes: in this language.
	for j := range out.Modules {
		if siblings[out.Modules[j].ID] {
			walkModuleTitle(&out.Modules[j], l.apply)
		}
	}
	l.writeTracks(res, locale)
	res.Pending = l.pending
	return res, nil
}

// cloneProject copies p deeply enough that writing translated text into the
// copy leaves p untouched: credentials and modules go through JSON.
func cloneProject(p *authoring.Project) (*authoring.Project, error) {
	out := *p
	out.TargetLocales = slices.Clone(p.TargetLocales)
	out.Media = slices.Clone(p.Media)
	if err := deepCopy(p.Credentials, &out.Credentials); err != nil {
		return nil, err
	}
	if err := deepCopy(p.Modules, &out.Modules); err != nil {
		return nil, err
	}
	return &out, nil
}

// deepCopy decodes into a fresh value: Unmarshal into a slice that shares
// in's backing array would write through to in.
func deepCopy[T any](in T, out *T) error {
	var fresh T
	*out = fresh
	data, err := json.Marshal(in)
	if err == nil {
		err = json.Unmarshal(data, out)
	}
	if err != nil {
		return authoring.Errorf(authoring.EINVALID, "project cannot be copied for translation: %v", err)
	}
	return nil
}

// localizer writes translations into walked fields and notes what is pending.
type localizer struct {
	tr      Translations
	caps    Captions
	pending []Pending
	tracks  []trackCopy // caption tracks being translated, in document order
}

func (l *localizer) apply(f field) {
	if !f.rich {
		if target, ok := l.pick(f.id, EscapeText(*f.text)); ok {
			*f.text = UnescapeText(target)
			if f.written != nil {
				f.written()
			}
		}
		return
	}
	units, err := richUnits(*f.text)
	if err != nil {
		l.pend(f.id, Untranslated, PendingBroken, "the source markup is broken: fix the source first")
		return
	}
	*f.text = l.richField(f.id, units, *f.text)
}

// pick returns the target to use for segment id with source text, or false
// when the source must stand in.
func (l *localizer) pick(id, source string) (string, bool) {
	t, ok := l.tr[id]
	switch {
	case !ok || t.State == Untranslated || isBlank(t.Target):
		l.pend(id, Untranslated, PendingUntranslated, "not translated")
		return "", false
	case t.Source != source:
		l.pend(id, t.State, PendingStale, "the source changed after translation")
		return "", false
	}
	if err := CheckPlaceholders(source, t.Target); err != nil {
		l.pend(id, t.State, PendingBroken, "the translation is not used: "+err.Error())
		return "", false
	}
	switch t.State {
	case Machine:
		l.pend(id, t.State, PendingMachine, "machine translation, not reviewed")
	case Edited:
		l.pend(id, t.State, PendingEdited, "edited, not approved")
	}
	return t.Target, true
}

func (l *localizer) pend(id string, state State, kind PendingKind, reason string) {
	l.pending = append(l.pending, Pending{ID: id, State: state, Stale: kind == PendingStale, Kind: kind, Reason: reason})
}

// richField rebuilds a rich-text field from its units' targets. A unit whose
// target does not come back as the same markup keeps its source.
func (l *localizer) richField(id string, units []unit, source string) string {
	shape, _ := parseRich(source) // richUnits parsed it already
	lines := make([]string, len(units))
	for i, u := range units {
		uid := unitID(id, i)
		line, ok := "", false
		if target, picked := l.pick(uid, u.text); picked {
			if line, ok = unitLine(shape.shape[i], target, u); !ok {
				l.replace(uid, "the translation's markup cannot be rebuilt: check its placeholders and spacing")
			}
		}
		if !ok {
			if line, ok = unitLine(shape.shape[i], u.text, u); !ok {
				return source
			}
		}
		lines[i] = line
	}
	return shape.join(lines)
}

// replace turns the last pending note of id, or a used translation, into
// one that says the source stands in.
func (l *localizer) replace(id, reason string) {
	t := l.tr[id]
	if n := len(l.pending); n > 0 && l.pending[n-1].ID == id {
		l.pending = l.pending[:n-1]
	}
	l.pend(id, t.State, PendingBroken, reason)
}

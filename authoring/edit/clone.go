package edit

import (
	"encoding/json"
	"slices"

	"github.com/stacklet/stacklet/authoring"
)

// Snapshots go to the writer goroutine and onto the undo stacks while the UI
// keeps changing the live model, so they must share no memory with it. The
// JSON form is the one the store writes, so a round trip copies exactly what
// is saved; a block marshals in microseconds.

func cloneBlock(b authoring.Block) authoring.Block {
	// The content alone: Block's own JSON form adds a strict field check
	// that costs more than the copy and cannot fail here.
	c, err := authoring.NewContent(b.Kind())
	if err == nil {
		var data []byte
		if data, err = json.Marshal(b.Content); err == nil {
			err = json.Unmarshal(data, c)
		}
	}
	if err != nil {
		panic("edit: block " + b.ID + " cannot be copied: " + err.Error())
	}
	return authoring.Block{ID: b.ID, Content: c}
}

// cloneSettings copies a module without its blocks.
func cloneSettings(m *authoring.Module) authoring.Module {
	out := *m
	out.Outcomes = slices.Clone(m.Outcomes)
	out.Keywords = slices.Clone(m.Keywords)
	out.Blocks = nil
	return out
}

// cloneModule copies a module with its blocks.
func cloneModule(m *authoring.Module) authoring.Module {
	out := cloneSettings(m)
	out.Blocks = make([]authoring.Block, len(m.Blocks))
	for i, b := range m.Blocks {
		out.Blocks[i] = cloneBlock(b)
	}
	return out
}

// projectSettings is what Store.UpdateSettings saves.
type projectSettings struct {
	Title         string
	SourceLocale  authoring.Locale
	TargetLocales []authoring.Locale
	Theme         authoring.Theme
	Credentials   []authoring.Credential
}

func settingsOf(p *authoring.Project) projectSettings {
	return projectSettings{
		Title:         p.Title,
		SourceLocale:  p.SourceLocale,
		TargetLocales: slices.Clone(p.TargetLocales),
		Theme:         p.Theme,
		Credentials:   cloneCredentials(p.Credentials),
	}
}

func (s projectSettings) applyTo(p *authoring.Project) {
	p.Title, p.SourceLocale, p.Theme = s.Title, s.SourceLocale, s.Theme
	p.TargetLocales = slices.Clone(s.TargetLocales)
	p.Credentials = cloneCredentials(s.Credentials)
}

// asProject is the settings in the shape Store.UpdateSettings takes.
func (s projectSettings) asProject() *authoring.Project {
	p := &authoring.Project{}
	s.applyTo(p)
	return p
}

func cloneCredentials(cs []authoring.Credential) []authoring.Credential {
	if cs == nil {
		return nil
	}
	data, err := json.Marshal(cs)
	if err != nil {
		panic("edit: credentials cannot be copied: " + err.Error())
	}
	var out []authoring.Credential
	if err := json.Unmarshal(data, &out); err != nil {
		panic("edit: credentials cannot be copied: " + err.Error())
	}
	return out
}

// Snapshot returns a deep copy of the project, safe to hand to another
// goroutine (an export, a preview) while editing goes on.
func (s *Session) Snapshot() *authoring.Project {
	p := settingsOf(s.project).asProject()
	p.Media = slices.Clone(s.project.Media)
	p.Modules = make([]authoring.Module, len(s.project.Modules))
	for i := range s.project.Modules {
		p.Modules[i] = cloneModule(&s.project.Modules[i])
	}
	return p
}

package authoring

// Project is everything a learning designer authors in one .stacklet file.
type Project struct {
	Title         string       `json:"title"`
	SourceLocale  Locale       `json:"sourceLocale"`
	TargetLocales []Locale     `json:"targetLocales"`
	Theme         Theme        `json:"theme"`
	Media         []Media      `json:"-"`
	Modules       []Module     `json:"-"`
	Credentials   []Credential `json:"credentials"`
}

// Theme is the look every package of the project shares.
type Theme struct {
	Accent string `json:"accent"`         // "#rrggbb"
	Logo   string `json:"logo,omitempty"` // media hash
	Font   Font   `json:"font"`
}

// Font is a font choice. Packages make no outside requests, so each choice
// maps to a stack of fonts the learner's system already has.
type Font string

const (
	FontSans      Font = "sans"
	FontSerif     Font = "serif"
	FontRounded   Font = "rounded"
	FontMonospace Font = "monospace"
)

// Fonts lists the font choices.
var Fonts = []Font{FontSans, FontSerif, FontRounded, FontMonospace}

// Media is one file of the project's media library, stored once by content hash.
type Media struct {
	Hash string `json:"hash"` // hex SHA-256 of the bytes
	Name string `json:"name"` // the file name it was imported as
	Type string `json:"type"` // MIME type
	Size int64  `json:"size"`
}

// MediaKind groups MIME types the way pickers and validation need them.
func (m Media) MediaKind() string {
	switch {
	case m.Type == "text/vtt":
		return "captions"
	case len(m.Type) > 6 && m.Type[:6] == "image/":
		return "image"
	case len(m.Type) > 6 && m.Type[:6] == "audio/":
		return "audio"
	case len(m.Type) > 6 && m.Type[:6] == "video/":
		return "video"
	}
	return "other"
}

// Module returns the module with the given id.
func (p *Project) Module(id string) (*Module, error) {
	for i := range p.Modules {
		if p.Modules[i].ID == id {
			return &p.Modules[i], nil
		}
	}
	return nil, Errorf(ENOTFOUND, "module %q not found", id)
}

// MediaByHash returns the library entry with the given hash.
func (p *Project) MediaByHash(hash string) (Media, bool) {
	for _, m := range p.Media {
		if m.Hash == hash {
			return m, true
		}
	}
	return Media{}, false
}

// HasLocale reports whether l is the source or a target locale.
func (p *Project) HasLocale(l Locale) bool {
	if l == p.SourceLocale {
		return true
	}
	for _, t := range p.TargetLocales {
		if t == l {
			return true
		}
	}
	return false
}

package authoring

import "context"

// Store keeps a project on disk. Every method that changes something is one
// transaction, matching one user action, so a crash never leaves half an edit.
type Store interface {
	// Load reads the whole project: settings, media list, modules and blocks.
	Load(ctx context.Context) (*Project, error)
	// Replace swaps the whole project for p, reading media bytes from media;
	// used by import.
	Replace(ctx context.Context, p *Project, media MediaSource) error

	UpdateSettings(ctx context.Context, p *Project) error // title, locales, theme, credentials

	InsertModule(ctx context.Context, m *Module, index int) error // settings and blocks
	UpdateModule(ctx context.Context, m *Module) error            // settings only
	DeleteModule(ctx context.Context, moduleID string) error
	MoveModule(ctx context.Context, moduleID string, index int) error

	InsertBlock(ctx context.Context, moduleID string, b Block, index int) error
	UpdateBlock(ctx context.Context, moduleID string, b Block) error
	DeleteBlock(ctx context.Context, moduleID, blockID string) error
	MoveBlock(ctx context.Context, moduleID, blockID string, index int) error

	// AddMedia stores data once by content hash; adding the same bytes again
	// returns the existing entry.
	AddMedia(ctx context.Context, name string, data []byte) (Media, error)
	RemoveMedia(ctx context.Context, hash string) error
	MediaSource

	Close() error
}

// MediaSource reads media bytes by content hash.
type MediaSource interface {
	ReadMedia(ctx context.Context, hash string) ([]byte, error)
}

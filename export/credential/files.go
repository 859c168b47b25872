package credential

import (
	"context"
	"fmt"
	"path"
	"strings"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/export/archive"
	"github.com/stacklet/stacklet/export/player"
)

// Folder is where the files of the i-th credential a module earns go: the
// first in "credential/", any other in "credential/<id>/".
func Folder(i int, c *authoring.Credential) string {
	if i == 0 {
		return "credential/"
	}
	return "credential/" + c.ID + "/"
}

// File names inside a credential folder.
const (
	SummaryFile     = "index.html"
	AchievementFile = "achievement.json"
	ELMFile         = "microcredential.jsonld"
	ContextFile     = "context.json"
)

// Module is the package being built.
type Module struct {
	Project  *authoring.Project
	ModuleID string
	Locale   authoring.Locale
	Media    authoring.MediaSource
}

// Files returns the credential files of the module's package and what the
// player shows the learner about each credential, in project order. A
// credential with errors refuses the export with the list of problems: for
// one declared EU-compliant, every missing mandatory element.
func Files(ctx context.Context, mod Module) ([]archive.File, []player.Earn, error) {
	creds := mod.Project.CredentialsEarnedBy(mod.ModuleID)
	var problems []authoring.Problem
	for _, c := range creds {
		if err := modulesExist(mod.Project, c); err != nil {
			return nil, nil, err
		}
		problems = append(problems, authoring.Errors(mod.Project.ValidateCredential(c))...)
	}
	if len(problems) > 0 {
		return nil, nil, authoring.ProblemsError(problems)
	}
	var files []archive.File
	var earns []player.Earn
	for i, c := range creds {
		f, earn, err := mod.one(ctx, c, Folder(i, c))
		if err != nil {
			return nil, nil, err
		}
		files = append(files, f...)
		earns = append(earns, earn)
	}
	return files, earns, nil
}

// modulesExist reports a credential naming a module that is gone as
// ENOTFOUND, like any other reference to a missing module.
func modulesExist(p *authoring.Project, c *authoring.Credential) error {
	for _, id := range c.Modules {
		if _, err := p.Module(id); err != nil {
			return authoring.Errorf(authoring.ENOTFOUND, "credential %q names module %q, which does not exist", c.ID, id)
		}
	}
	return nil
}

func (mod Module) one(ctx context.Context, c *authoring.Credential, dir string) ([]archive.File, player.Earn, error) {
	src := Source{Project: mod.Project, Credential: c, Locale: mod.Locale}
	if err := mod.badge(ctx, &src); err != nil {
		return nil, player.Earn{}, err
	}
	w, err := newWriter(src)
	if err != nil {
		return nil, player.Earn{}, err
	}
	root := strings.Repeat("../", strings.Count(dir, "/"))
	summary, err := Summary(src, root)
	if err != nil {
		return nil, player.Earn{}, err
	}
	achievement, err := encode(w.achievement())
	if err != nil {
		return nil, player.Earn{}, fmt.Errorf("credential %q: %w", c.ID, err)
	}
	elm, err := encode(w.elm())
	if err != nil {
		return nil, player.Earn{}, fmt.Errorf("credential %q: %w", c.ID, err)
	}
	files := []archive.File{
		{Name: dir + SummaryFile, Data: summary}, {Name: dir + AchievementFile, Data: achievement},
		{Name: dir + ELMFile, Data: elm}, {Name: dir + ContextFile, Data: Context()},
	}
	earn := w.earn(dir)
	if src.Badge != nil {
		files = append(files, archive.File{Name: dir + src.Badge.Name, Data: src.Badge.Data})
		earn.Badge = dir + src.Badge.Name
	}
	return files, earn, nil
}

// badge reads the badge image as it is: wallets show the designer's file.
func (mod Module) badge(ctx context.Context, src *Source) error {
	hash := src.Credential.Image
	if hash == "" {
		return nil
	}
	m, ok := mod.Project.MediaByHash(hash)
	if !ok {
		return authoring.Errorf(authoring.ENOTFOUND, "credential %q: its badge image is missing from the media library", src.Credential.ID)
	}
	data, err := mod.Media.ReadMedia(ctx, hash)
	if err != nil {
		return fmt.Errorf("credential %q badge %q: %w", src.Credential.ID, m.Name, err)
	}
	src.Badge = &Badge{Name: "badge" + strings.ToLower(path.Ext(m.Name)), Type: m.Type, Data: data}
	return nil
}

// earn is what the player's "What you earn" section shows.
func (w *writer) earn(dir string) player.Earn {
	lead, reqs := w.requirements()
	e := player.Earn{Title: w.Credential.Title, AwardedBy: w.awardedBy(), Lead: lead, Href: dir + SummaryFile}
	for _, r := range reqs {
		e.Requirements = append(e.Requirements, w.requirementText(r))
	}
	return e
}

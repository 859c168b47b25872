package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/export/credential"
	"github.com/stacklet/stacklet/export/credential/vc"
)

func init() {
	register(command{name: "credential", summary: "issue and verify signed Open Badges 3.0 credentials",
		usage: "contexts fetch [--from DIR] | issue --credential ID --learners FILE -o DIR --key FILE PROJECT | verify FILE...",
		setup: setupCredential})
}

// now is the clock of issue and verify; tests fix it.
var now = time.Now

// credentialFlags are the flags of every credential subcommand. The command
// runner gives a command one flag set, so they share it and each
// subcommand refuses the flags that are not its own.
type credentialFlags struct {
	fs       *flag.FlagSet
	src      projectSource
	contexts *string
	from     *string
	id       *string
	learners *string
	out      *string
	key      *string
	locale   *string
	issuedAt *string
	strict   *bool
	didDocs  *string
	at       *string
	asJSON   *bool
}

var subcommandFlags = map[string][]string{
	"contexts": {"contexts", "from"},
	"issue":    {"contexts", "sample", "credential", "learners", "o", "key", "locale", "issued-at", "strict", "json"},
	"verify":   {"contexts", "did-doc", "at", "json"},
}

func setupCredential(fs *flag.FlagSet) func(context.Context, *env, []string) error {
	f := &credentialFlags{fs: fs, src: addProjectFlags(fs)}
	f.contexts = fs.String("contexts", "", "JSON-LD context cache folder (default: the user cache folder + stacklet/contexts)")
	f.from = fs.String("from", "", "contexts fetch: copy the contexts from this folder instead of downloading them")
	f.id = fs.String("credential", "", "issue: id of the project's credential")
	f.learners = fs.String("learners", "", "issue: CSV of learners (name, email or identifier, completion date, score; a module column for per-module reports) or an LMS completion report")
	f.out = fs.String("o", "", "issue: output folder for the signed credentials")
	f.key = fs.String("key", "", "issue: issuer key file from \"keys new\"")
	f.locale = fs.String("locale", "", "issue: language of the credential text (default: the project's source locale)")
	f.issuedAt = fs.String("issued-at", "", "issue: issue time, RFC 3339 (default: now); fixing it makes a run reproducible")
	f.strict = fs.Bool("strict", false, "issue: write nothing when any row is bad")
	f.didDocs = fs.String("did-doc", "", "verify: comma-separated local did.json files of did:web issuers (never fetched)")
	f.at = fs.String("at", "", "verify: check validity dates at this RFC 3339 time (default: now)")
	f.asJSON = fs.Bool("json", false, "issue, verify: write a JSON summary")
	return func(ctx context.Context, e *env, args []string) error {
		if len(args) == 0 {
			return usageError("name a subcommand: contexts, issue or verify")
		}
		if err := f.onlyOwnFlags(args[0]); err != nil {
			return err
		}
		switch args[0] {
		case "contexts":
			return f.fetchContexts(ctx, e, args[1:])
		case "issue":
			return f.issue(ctx, e, args[1:])
		default:
			return f.verify(e, args[1:])
		}
	}
}

func (f *credentialFlags) onlyOwnFlags(sub string) error {
	own, ok := subcommandFlags[sub]
	if !ok {
		return usageError(fmt.Sprintf("unknown subcommand %q: contexts, issue or verify", sub))
	}
	var foreign []string
	f.fs.Visit(func(fl *flag.Flag) {
		if !contains(own, fl.Name) {
			foreign = append(foreign, "--"+fl.Name)
		}
	})
	if len(foreign) > 0 {
		sort.Strings(foreign)
		return usageError(fmt.Sprintf("credential %s does not take %s", sub, strings.Join(foreign, ", ")))
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func (f *credentialFlags) cache() (vc.Cache, error) {
	if *f.contexts != "" {
		return vc.Cache{Dir: *f.contexts}, nil
	}
	dir, err := vc.DefaultCacheDir()
	return vc.Cache{Dir: dir}, err
}

// loader serves the cached standard contexts and Stacklet's own, which the
// binary carries.
func (f *credentialFlags) loader() (*vc.Loader, error) {
	cache, err := f.cache()
	if err != nil {
		return nil, err
	}
	return vc.NewLoader(cache, map[string][]byte{credential.ContextURL: credential.Context()}), nil
}

// fetchContexts fills the cache: from --from, or from the pinned URLs.
func (f *credentialFlags) fetchContexts(ctx context.Context, e *env, args []string) error {
	if len(args) != 1 || args[0] != "fetch" {
		return usageError(`say "credential contexts fetch"`)
	}
	cache, err := f.cache()
	if err != nil {
		return err
	}
	get := vc.FromWeb(&http.Client{Timeout: 30 * time.Second})
	if *f.from != "" {
		get = vc.FromDir(*f.from)
	}
	stored, err := cache.Fill(ctx, get)
	for _, url := range stored {
		fmt.Fprintf(e.stdout, "stored  %s\n", url)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%d pinned contexts in %s, every one matches its SHA-256\n", len(vc.Pinned), cache.Dir)
	return nil
}

// parseTime reads an RFC 3339 flag value; empty means now.
func parseTime(flagName, value string) (time.Time, error) {
	if value == "" {
		return now().UTC().Truncate(time.Second), nil
	}
	t, err := time.Parse(time.RFC3339, value)
	if err != nil {
		return time.Time{}, authoring.Errorf(authoring.EINVALID, "--%s %q is not an RFC 3339 time such as 2025-03-01T10:00:00Z", flagName, value)
	}
	return t.UTC(), nil
}

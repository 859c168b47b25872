package main

import (
	"context"
	"crypto/rand"
	"flag"
	"fmt"
	"strings"

	"github.com/stacklet/stacklet/export/credential/vc"
)

func init() {
	register(command{name: "keys", summary: "make an Ed25519 issuer key for signing credentials",
		usage: "new -o DIR [--did-web HOST[/PATH]]", setup: setupKeys})
}

func setupKeys(fs *flag.FlagSet) func(context.Context, *env, []string) error {
	out := fs.String("o", "", "folder for "+vc.KeyFileName+" (private, mode 0600) and "+vc.DIDFileName+" (public); outside any project")
	web := fs.String("did-web", "", "issue as did:web for this host and optional path (e.g. example.org); default: did:key")
	return func(_ context.Context, e *env, args []string) error {
		if len(args) != 1 || args[0] != "new" {
			return usageError(`the only keys command is "keys new"`)
		}
		if *out == "" {
			return usageError("name the key folder with -o DIR")
		}
		k, err := vc.NewKey(rand.Reader, *web)
		if err != nil {
			return err
		}
		keyPath, didPath, err := vc.WriteKey(*out, k)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "issuer        %s\nprivate key   %s (mode 0600: keep it secret, never in a project or package)\nDID document  %s\n", k.DID, keyPath, didPath)
		if strings.HasPrefix(k.DID, "did:web:") {
			fmt.Fprintf(e.stdout, "publish %s at %s before issuing\n", vc.DIDFileName, vc.DIDWebURL(k.DID))
		}
		return nil
	}
}

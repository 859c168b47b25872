// Command stacklet-cli does Stacklet's jobs without a window: create, import,
// dump, check, export and preview projects, for batch work and servers.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"

	"github.com/stacklet/stacklet/authoring"
)

// command is one subcommand: its flags are declared by setup and read by run.
type command struct {
	name    string
	summary string
	usage   string // arguments after the flags
	setup   func(fs *flag.FlagSet) func(ctx context.Context, env *env, args []string) error
}

// env is what commands write to; tests swap it.
type env struct {
	stdout, stderr io.Writer
	isTerminal     bool
}

var commands []command

func register(c command) { commands = append(commands, c) }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	e := &env{stdout: os.Stdout, stderr: os.Stderr, isTerminal: isTerminal(os.Stderr)}
	os.Exit(run(ctx, e, os.Args[1:]))
}

// run dispatches args to a command and returns the process exit code.
func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 { // a script that forgot the command should notice
		printUsage(e.stderr)
		return exitUsage
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printUsage(e.stdout)
		return 0
	}
	for _, c := range commands {
		if c.name == args[0] {
			return runCommand(ctx, e, c, args[1:])
		}
	}
	fmt.Fprintf(e.stderr, "stacklet-cli: unknown command %q\n\n", args[0])
	printUsage(e.stderr)
	return exitUsage
}

func runCommand(ctx context.Context, e *env, c command, args []string) int {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: stacklet-cli %s [flags] %s\n\n%s\n\nFlags:\n", c.name, c.usage, c.summary)
		fs.PrintDefaults()
	}
	do := c.setup(fs)
	if err := fs.Parse(interleave(fs, args)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return exitUsage
	}
	err := do(ctx, e, fs.Args())
	if err == nil {
		return 0
	}
	var u usageError
	if errors.As(err, &u) {
		fmt.Fprintf(e.stderr, "stacklet-cli %s: %s\n", c.name, u)
		fs.Usage()
		return exitUsage
	}
	if ctx.Err() != nil {
		err = authoring.Errorf(authoring.ECANCELED, "canceled: nothing half-written was left behind")
	}
	fmt.Fprintf(e.stderr, "stacklet-cli %s: %s\n", c.name, authoring.ErrorMessage(err))
	return exitCode(err)
}

// interleave moves flags after positional arguments to the front, so
// "export sample.stacklet --format web" works as people type it.
func interleave(fs *flag.FlagSet, args []string) []string {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			rest = append(rest, a)
			continue
		}
		flags = append(flags, a)
		if takesValue(fs, a) && i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	return append(flags, rest...)
}

func takesValue(fs *flag.FlagSet, arg string) bool {
	name := arg[1:]
	if name[0] == '-' {
		name = name[1:]
	}
	for i := range name {
		if name[i] == '=' {
			return false
		}
	}
	f := fs.Lookup(name)
	if f == nil {
		return false
	}
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return !ok || !b.IsBoolFlag()
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "stacklet-cli: build microlearning modules into SCORM and web packages.")
	fmt.Fprintln(w, "\nUsage: stacklet-cli <command> [flags] [arguments]\n\nCommands:")
	sorted := append([]command(nil), commands...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].name < sorted[j].name })
	for _, c := range sorted {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun \"stacklet-cli <command> --help\" for a command's flags.")
}

// usageError is a mistake in how the command was called.
type usageError string

func (u usageError) Error() string { return string(u) }

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stacklet/stacklet/assets"
	"github.com/stacklet/stacklet/authoring/jsondump"
	"github.com/stacklet/stacklet/export/cmi5"
	"github.com/stacklet/stacklet/export/credential/vc"
	"github.com/stacklet/stacklet/export/credential/vc/vctest"
)

const (
	sampleCredential = "micro-credentials-essentials"
	issuedAt         = "2025-03-10T12:00:00Z"
	checkedAt        = "2025-03-11T12:00:00Z"
)

// issuer is a context cache filled from the standards folder and a fresh
// issuer key, as a user sets them up.
type issuer struct{ contexts, key, did, dir string }

func newIssuer(t *testing.T, extra ...string) issuer {
	t.Helper()
	dir := t.TempDir()
	is := issuer{contexts: filepath.Join(dir, "contexts"), key: filepath.Join(dir, "keys", vc.KeyFileName),
		did: filepath.Join(dir, "keys", vc.DIDFileName), dir: dir}
	mustCLI(t, "credential", "contexts", "fetch", "--from", vctest.OpenBadgesDir(t), "--contexts", is.contexts)
	mustCLI(t, append([]string{"keys", "new", "-o", filepath.Join(dir, "keys")}, extra...)...)
	return is
}

func writeLearners(t *testing.T, dir, csv string) string {
	t.Helper()
	path := filepath.Join(dir, "learners.csv")
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const learnersCSV = "name,email,completion date,score\n" +
	"Ada Lovelace,ada@example.org,2025-03-01,85\n" +
	"Grace Hopper,grace@example.org,2025-03-04T08:15:00Z,92\n"

func (is issuer) issueArgs(learners, out string) []string {
	return []string{"credential", "issue", "--sample", "--credential", sampleCredential, "--learners", learners,
		"-o", out, "--key", is.key, "--contexts", is.contexts, "--issued-at", issuedAt}
}

func issuedFiles(t *testing.T, out string) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(out, "*.json"))
	return files
}

func TestIssueSampleVerifiesAndMatchesSchema(t *testing.T) {
	is := newIssuer(t)
	out := filepath.Join(is.dir, "out")
	mustCLI(t, is.issueArgs(writeLearners(t, is.dir, learnersCSV), out)...)
	files := issuedFiles(t, out)
	if len(files) != 2 {
		t.Fatalf("issued %v", files)
	}
	for _, f := range files {
		data, _ := os.ReadFile(f)
		if errs := vctest.AchievementCredentialErrors(t, data); len(errs) > 0 {
			t.Errorf("%s breaks the official schema: %v", f, errs)
		}
	}
	verified := mustCLI(t, append([]string{"credential", "verify", "--contexts", is.contexts, "--at", checkedAt}, files...)...)
	if strings.Count(verified, ": valid\n") != 2 {
		t.Fatalf("verify:\n%s", verified)
	}
	t.Run("Reproducible", func(t *testing.T) {
		again := filepath.Join(is.dir, "again")
		mustCLI(t, is.issueArgs(writeLearners(t, is.dir, learnersCSV), again)...)
		for _, f := range files {
			a, _ := os.ReadFile(f)
			b, err := os.ReadFile(filepath.Join(again, filepath.Base(f)))
			if err != nil || !bytes.Equal(a, b) {
				t.Fatalf("%s differs on a second run with the same key and issue time", filepath.Base(f))
			}
		}
	})
}

func TestVerifySaysWhatFailed(t *testing.T) {
	is := newIssuer(t)
	out := filepath.Join(is.dir, "out")
	mustCLI(t, is.issueArgs(writeLearners(t, is.dir, learnersCSV), out)...)
	file := issuedFiles(t, out)[0]
	data, _ := os.ReadFile(file)
	tampered := filepath.Join(is.dir, "tampered.json")
	os.WriteFile(tampered, bytes.Replace(data, []byte(`"value": "`), []byte(`"value": "1`), 1), 0o644)
	tests := []struct {
		name   string
		args   []string
		exit   int
		check  string
		reason vc.Reason
	}{
		{"ChangedScore", []string{tampered}, exitCorrupt, vc.CheckProof, vc.ReasonSignature},
		{"BeforeValidFrom", []string{"--at", "2025-01-01T00:00:00Z", file}, exitInvalid, vc.CheckDates, vc.ReasonNotYetValid},
		{"NoContexts", []string{"--contexts", t.TempDir(), file}, exitNotFound, vc.CheckProof, vc.ReasonContext},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"credential", "verify", "--json", "--contexts", is.contexts, "--at", checkedAt}, tt.args...)
			code, stdout, stderr := cli(t, args...)
			if code != tt.exit {
				t.Fatalf("exit %d, want %d\n%s%s", code, tt.exit, stdout, stderr)
			}
			var rows []verifyRow
			if err := json.Unmarshal([]byte(stdout), &rows); err != nil || len(rows) != 1 {
				t.Fatalf("--json output %q: %v", stdout, err)
			}
			for _, c := range rows[0].Checks {
				if c.Name == tt.check && (c.OK || c.Reason != tt.reason) {
					t.Fatalf("check %s: %+v, want reason %s", c.Name, c, tt.reason)
				}
			}
		})
	}
}

// TestIssueBadRows: rows that cannot earn the credential are reported by
// line and skipped: a broken email, a completion after the issue time, and
// a score below the sample's highest mastery score (80 %).
func TestIssueBadRows(t *testing.T) {
	csv := learnersCSV + "Bad Email,not-an-email,2025-03-01,90\n" + "Late,late@example.org,2099-01-01,90\n" +
		"Eve Failed,eve@example.org,2025-03-01,40\n"
	t.Run("SkippedAndReported", func(t *testing.T) {
		is := newIssuer(t)
		out := filepath.Join(is.dir, "out")
		code, stdout, stderr := cli(t, is.issueArgs(writeLearners(t, is.dir, csv), out)...)
		for _, want := range []string{"line 4: skipped", "line 5: skipped", "line 6: skipped: score 40 is below the pass mark of 80 %"} {
			if !strings.Contains(stderr, want) {
				t.Errorf("stderr lacks %q", want)
			}
		}
		if code != exitInvalid {
			t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
		}
		if files := issuedFiles(t, out); len(files) != 2 {
			t.Fatalf("the good rows gave %v", files)
		}
	})
	t.Run("StrictWritesNothing", func(t *testing.T) {
		is := newIssuer(t)
		out := filepath.Join(is.dir, "out")
		code, _, stderr := cli(t, append(is.issueArgs(writeLearners(t, is.dir, csv), out), "--strict")...)
		entries, _ := os.ReadDir(out)
		if code != exitInvalid || len(entries) != 0 {
			t.Fatalf("exit %d, wrote %v\n%s", code, entries, stderr)
		}
	})
}

func TestIssueRefuses(t *testing.T) {
	is := newIssuer(t)
	learners := writeLearners(t, is.dir, learnersCSV)
	out := filepath.Join(is.dir, "out")
	readable := filepath.Join(is.dir, "readable-key.json")
	key, _ := os.ReadFile(is.key)
	os.WriteFile(readable, key, 0o644)
	os.Chmod(readable, 0o644)
	broken := filepath.Join(is.dir, "broken-contexts")
	mustCLI(t, "credential", "contexts", "fetch", "--from", vctest.OpenBadgesDir(t), "--contexts", broken)
	ctx, _ := os.ReadFile(filepath.Join(broken, "credentials-v2.jsonld"))
	os.WriteFile(filepath.Join(broken, "credentials-v2.jsonld"), bytes.Replace(ctx, []byte("schema.org/name"), []byte("schema.org/nome"), 1), 0o644)
	tests := []struct {
		name string
		args []string
		exit int
	}{
		{"ReadableKey", replaceArg(is.issueArgs(learners, out), "--key", readable), exitInvalid},
		{"ChangedContext", replaceArg(is.issueArgs(learners, out), "--contexts", broken), exitCorrupt},
		{"UnknownCredential", replaceArg(is.issueArgs(learners, out), "--credential", "nope"), exitNotFound},
		{"MissingLearners", replaceArg(is.issueArgs(learners, out), "--learners", filepath.Join(is.dir, "none.csv")), exitNotFound},
		{"ForeignFlag", append(is.issueArgs(learners, out), "--did-doc", is.did), exitUsage},
		{"NoKey", []string{"credential", "issue", "--sample", "--credential", sampleCredential, "--learners", learners, "-o", out}, exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code, stdout, stderr := cli(t, tt.args...); code != tt.exit {
				t.Fatalf("exit %d, want %d\n%s%s", code, tt.exit, stdout, stderr)
			}
			if files := issuedFiles(t, out); len(files) != 0 {
				t.Fatalf("a refused run wrote %v", files)
			}
		})
	}
}

// TestIssueRefusesAnIncompleteCredential: a credential that declares itself
// EU-compliant with mandatory elements missing is not signed, as it is not
// exported.
func TestIssueRefusesAnIncompleteCredential(t *testing.T) {
	is := newIssuer(t)
	dump := filepath.Join(is.dir, "project")
	mustCLI(t, "dump", "--sample", dump)
	var project map[string]any
	data, err := os.ReadFile(filepath.Join(dump, "project.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &project); err != nil {
		t.Fatal(err)
	}
	cred := project["credentials"].([]any)[0].(map[string]any)
	delete(cred, "qualityAssurance")
	data, _ = json.Marshal(project)
	if err := os.WriteFile(filepath.Join(dump, "project.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(is.dir, "out")
	args := append([]string{"credential", "issue", dump}, is.issueArgs(writeLearners(t, is.dir, learnersCSV), out)[3:]...)
	code, stdout, stderr := cli(t, args...)
	if code != exitInvalid || !strings.Contains(stderr, "quality") {
		t.Fatalf("exit %d, want %d naming quality assurance\n%s%s", code, exitInvalid, stdout, stderr)
	}
	if files := issuedFiles(t, out); len(files) != 0 {
		t.Fatalf("an incomplete credential was signed: %v", files)
	}
}

func TestVerifyDIDWebNeedsLocalDocument(t *testing.T) {
	is := newIssuer(t, "--did-web", "example.org")
	out := filepath.Join(is.dir, "out")
	mustCLI(t, is.issueArgs(writeLearners(t, is.dir, learnersCSV), out)...)
	file := issuedFiles(t, out)[0]
	base := []string{"credential", "verify", "--contexts", is.contexts, "--at", checkedAt}
	if code, stdout, _ := cli(t, append(base, file)...); code != exitNotFound || !strings.Contains(stdout, "--did-doc") {
		t.Fatalf("without the DID document: exit %d\n%s", code, stdout)
	}
	mustCLI(t, append(base, "--did-doc", is.did, file)...)
}

func replaceArg(args []string, flag, value string) []string {
	out := append([]string(nil), args...)
	for i := range out {
		if out[i] == flag {
			out[i+1] = value
		}
	}
	return out
}

// TestIssueStackNeedsEveryModule: the sample's credential stacks three
// modules. From a per-module report (one row per learner and module, the
// last module named by its cmi5 AU id) only the learner who passed all three
// gets it, dated by the last module; the learner with one module (a score
// that would pass as a whole-credential row) is reported, and a repeated
// pass is no error.
func TestIssueStackNeedsEveryModule(t *testing.T) {
	p, _, err := jsondump.ReadFS(assets.SampleFS())
	if err != nil {
		t.Fatal(err)
	}
	issuing, err := p.Module("issuing-and-verifying")
	if err != nil {
		t.Fatal(err)
	}
	csv := "name,email,module id,score,lesson_status,completed_at\n" +
		"Ada Lovelace,ada@example.org,what-is-a-micro-credential,,completed,2025-03-01\n" +
		"Ada Lovelace,ada@example.org,designing-for-stackability,75,passed,2025-03-02\n" +
		"Ada Lovelace,ada@example.org," + cmi5.ModuleIRI(p, issuing) + ",85,passed,2025-03-03\n" +
		"Grace Hopper,grace@example.org,designing-for-stackability,95,passed,2025-03-01\n" +
		"Ada Lovelace,ada@example.org,issuing-and-verifying,90,passed,2025-03-05\n"
	is := newIssuer(t)
	out := filepath.Join(is.dir, "out")
	code, stdout, stderr := cli(t, is.issueArgs(writeLearners(t, is.dir, csv), out)...)
	want := "line 5: skipped: learner grace@example.org: 1 of 3 required modules passed (missing: what-is-a-micro-credential, issuing-and-verifying)\n"
	if code != exitInvalid || !strings.Contains(stderr, want) || strings.Contains(stderr, "line 6") {
		t.Fatalf("exit %d, want %d reporting only grace on line 5\n%s%s", code, exitInvalid, stdout, stderr)
	}
	files := issuedFiles(t, out)
	if len(files) != 1 || !strings.Contains(stdout, "line 2: "+files[0]) {
		t.Fatalf("issued %v, want ada's only\n%s", files, stdout)
	}
	data, _ := os.ReadFile(files[0])
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	subject := doc["credentialSubject"].(map[string]any)
	if doc["validFrom"] != "2025-03-03T00:00:00Z" || subject["result"] != nil || !bytes.Contains(data, []byte("Ada Lovelace")) {
		t.Fatalf("valid from %v (want the last module's 2025-03-03), result %v (want none)", doc["validFrom"], subject["result"])
	}
	verified := mustCLI(t, "credential", "verify", "--contexts", is.contexts, "--at", checkedAt, files[0])
	if !strings.Contains(verified, ": valid\n") {
		t.Fatalf("verify:\n%s", verified)
	}
	t.Run("WithoutModuleColumnSaysSo", func(t *testing.T) {
		code, stdout, stderr := cli(t, is.issueArgs(writeLearners(t, is.dir, learnersCSV), filepath.Join(is.dir, "whole"))...)
		if code != 0 || strings.Count(stderr, "no module column") != 1 || !strings.Contains(stderr, "all 3 of its modules") {
			t.Fatalf("exit %d, want 0 and one note that rows count as whole-credential completions\n%s%s", code, stdout, stderr)
		}
	})
}

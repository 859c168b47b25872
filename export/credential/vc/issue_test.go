package vc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/export/credential/vc/vctest"
)

func testBatch(t *testing.T) *Batch {
	t.Helper()
	loader, _ := testLoader(t)
	var ach map[string]any
	if err := json.Unmarshal(exampleAchievement(t), &ach); err != nil {
		t.Fatal(err)
	}
	return &Batch{
		CredentialID: "data-literacy", Name: "Data literacy basics (micro-credential)", Achievement: ach,
		ResultID:       "https://academy.example.org/achievements/data-literacy-basics/results/final-quiz",
		ValidityMonths: 24,
		Issuer:         authoring.Organisation{Name: "Example Academy", URL: "https://academy.example.org/", Country: "IE"},
		Key:            testKey(t), Created: testNow, Loader: loader,
	}
}

var ada = Learner{Line: 2, Name: "Ada Lovelace", Email: "ada@example.org", Completed: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), Score: "85"}

func issueOne(t *testing.T, b *Batch, l Learner) []byte {
	t.Helper()
	is, err := b.Issue(l)
	if err != nil {
		t.Fatal(err)
	}
	return is.Data
}

func TestIdentityHashVector(t *testing.T) {
	// The example in the Open Badges 3.0 IdentityHash definition.
	if got := IdentityHash("a@example.com", "Kosher"); got != "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399" {
		t.Fatal(got)
	}
}

func TestIssuedCredentialVerifies(t *testing.T) {
	b := testBatch(t)
	data := issueOne(t, b, ada)
	report := Verifier{Loader: b.Loader, Now: testNow}.Verify(data)
	for _, c := range report.Checks {
		if c.Err != nil {
			t.Errorf("check %s: %v", c.Name, c.Err)
		}
	}
	if errs := vctest.AchievementCredentialErrors(t, data); len(errs) > 0 {
		t.Fatalf("official schemas refuse the credential: %v", errs)
	}
	if again := issueOne(t, b, ada); !bytes.Equal(again, data) {
		t.Fatal("issuing the same award twice gives different bytes")
	}
	var doc map[string]any
	json.Unmarshal(data, &doc)
	id := subject(doc)["identifier"].([]any)[0].(map[string]any)
	if id["identityHash"] != IdentityHash("ada@example.org", id["salt"].(string)) || id["identityType"] != "emailAddress" {
		t.Fatalf("identifier %v", id)
	}
	if doc["validFrom"] != "2025-03-01T00:00:00Z" || doc["validUntil"] != "2027-03-01T00:00:00Z" {
		t.Fatalf("valid from %v until %v", doc["validFrom"], doc["validUntil"])
	}
}

func TestVerifyNamesWhatFailed(t *testing.T) {
	b := testBatch(t)
	data := issueOne(t, b, ada)
	tests := []struct {
		name   string
		data   []byte
		now    time.Time
		check  string
		code   string
		reason Reason
	}{
		{"OneByteOfAClaim", bytes.Replace(data, []byte("Ada Lovelace"), []byte("Ada Lovelacf"), 1), testNow, CheckProof, authoring.ECORRUPT, ReasonSignature},
		{"Score", bytes.Replace(data, []byte(`"value": "85"`), []byte(`"value": "95"`), 1), testNow, CheckProof, authoring.ECORRUPT, ReasonSignature},
		{"NotJSON", data[:len(data)/2], testNow, CheckJSON, authoring.ECORRUPT, ""},
		{"NotYetValid", data, time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC), CheckDates, authoring.EINVALID, ReasonNotYetValid},
		{"Expired", data, time.Date(2027, 3, 2, 0, 0, 0, 0, time.UTC), CheckDates, authoring.EINVALID, ReasonExpired},
		{"NoAchievementName", bytes.Replace(data, []byte(`"name": "Data literacy basics",`), []byte(`"humanName": "x",`), 1), testNow, CheckStructure, authoring.EINVALID, ReasonStructure},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			report := Verifier{Loader: b.Loader, Now: tt.now}.Verify(tt.data)
			var failed []string
			for _, c := range report.Checks {
				if c.Err != nil {
					failed = append(failed, c.Name)
				}
				if c.Name == tt.check {
					wantCode(t, c.Err, tt.code, tt.reason)
				}
			}
			wantCode(t, report.Err(), tt.code, tt.reason)
			if len(failed) == 0 || failed[0] != tt.check {
				t.Fatalf("failed checks %v, want %s first", failed, tt.check)
			}
		})
	}
}

// Our structural checks refuse what the official schemas refuse.
func TestStructureAgreesWithOfficialSchema(t *testing.T) {
	b := testBatch(t)
	data := issueOne(t, b, ada)
	tests := map[string]func(d map[string]any){
		"NoIssuer":          func(d map[string]any) { delete(d, "issuer") },
		"NotAchievementVC":  func(d map[string]any) { d["type"] = []any{"VerifiableCredential"} },
		"DateWithoutTime":   func(d map[string]any) { d["validFrom"] = "2025-03-01" },
		"WrongOBContext":    func(d map[string]any) { d["@context"].([]any)[1] = "https://example.org/ob.json" },
		"NoAchievementName": func(d map[string]any) { delete(subject(d)["achievement"].(map[string]any), "name") },
		"NoCriteria":        func(d map[string]any) { delete(subject(d)["achievement"].(map[string]any), "criteria") },
		"IdentityType":      func(d map[string]any) { subject(d)["identifier"].([]any)[0].(map[string]any)["type"] = "Identity" },
		"NoSubjectType":     func(d map[string]any) { subject(d)["type"] = []any{"Person"} },
		"HashedNotBool":     func(d map[string]any) { subject(d)["identifier"].([]any)[0].(map[string]any)["hashed"] = "yes" },
	}
	names := make([]string, 0, len(tests))
	for name := range tests {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			var doc map[string]any
			json.Unmarshal(data, &doc)
			tests[name](doc)
			changed, _ := json.Marshal(doc)
			if errs := vctest.AchievementCredentialErrors(t, changed); len(errs) != 2 {
				t.Fatalf("the official schemas do not both refuse this change (%d do): fix the test", len(errs))
			}
			wantCode(t, checkStructure(doc), authoring.EINVALID, ReasonStructure)
		})
	}
}

func TestIssueAllSkipsLearnersWhoCannotHaveOne(t *testing.T) {
	b := testBatch(t)
	future := ada
	future.Line, future.Email, future.Completed = 3, "future@example.org", testNow.Add(time.Hour)
	old := ada
	old.Line, old.Email, old.Completed = 4, "old@example.org", testNow.AddDate(-3, 0, 0)
	issued, bad, err := b.IssueAll([]Learner{ada, future, old})
	if err != nil {
		t.Fatal(err)
	}
	if len(issued) != 1 || issued[0].Line != 2 || len(bad) != 2 || bad[0].Line != 3 || bad[1].Line != 4 {
		t.Fatalf("issued %d, bad %v", len(issued), bad)
	}
}

// TestIssueAllHoldsThePassMark: with a graded module, a score below the pass
// mark or a bare "completed" does not earn the credential.
func TestIssueAllHoldsThePassMark(t *testing.T) {
	b := testBatch(t)
	b.PassMark = 80
	row := func(line int, score, status string) Learner {
		l := ada
		l.Line, l.Email, l.Score, l.Status = line, fmt.Sprintf("l%d@example.org", line), score, status
		return l
	}
	learners := []Learner{row(2, "80", ""), row(3, "79.5", "passed"), row(4, "", "completed"),
		row(5, "", "passed"), row(6, "", ""), row(7, "95", "completed")}
	issued, bad, err := b.IssueAll(learners)
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, is := range issued {
		got = append(got, is.Line)
	}
	if fmt.Sprint(got) != "[2 5 6 7]" || len(bad) != 2 || bad[0].Line != 3 || bad[1].Line != 4 {
		t.Fatalf("issued lines %v, bad %v", got, bad)
	}
}

func TestIssueAllStopsOnBrokenBatch(t *testing.T) {
	b := testBatch(t)
	b.Contexts = []string{"https://example.org/unknown-context.json"}
	_, _, err := b.IssueAll([]Learner{ada})
	wantCode(t, err, authoring.EINVALID, ReasonContext)
}

func TestWriteIssued(t *testing.T) {
	b := testBatch(t)
	grace := ada
	grace.Line, grace.Email, grace.Name = 3, "grace@example.org", ""
	issued, _, err := b.IssueAll([]Learner{ada, grace})
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "out")
	if err := WriteIssued(dir, issued); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 || entries[0].Name() == entries[1].Name() {
		t.Fatalf("wrote %v", entries)
	}
	for _, is := range issued {
		if got, _ := os.ReadFile(filepath.Join(dir, is.File)); !bytes.Equal(got, is.Data) {
			t.Errorf("%s differs from what was signed", is.File)
		}
	}
}

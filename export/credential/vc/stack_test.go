package vc

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/stacklet/stacklet/authoring"
)

// stackBatch is testBatch for a credential of three modules, as the sample
// has: one without graded questions, one at 70 % and one at 80 %.
func stackBatch(t *testing.T, required int) *Batch {
	t.Helper()
	b := testBatch(t)
	b.PassMark, b.ResultID, b.Required = 80, "", required
	b.Modules = []ModuleRule{
		{ID: "intro", Aliases: []string{"https://stacklet.io/xapi/course/modules/intro"}},
		{ID: "design", PassMark: 70, ResultID: "urn:uuid:result-design"},
		{ID: "issuing", PassMark: 80, ResultID: "urn:uuid:result-issuing"},
	}
	return b
}

// perModuleCSV is an LMS report with one row per learner and module.
const perModuleCSV = "Email,Activity ID,Score,Status,Completed\n" +
	"ada@example.org,intro,,completed,2025-01-05\n" + // 2
	"ada@example.org,design,75,passed,2025-01-10\n" + // 3
	"ada@example.org,issuing,85,passed,2025-01-20\n" + // 4
	"bob@example.org,intro,,completed,2025-01-05\n" + // 5
	"cy@example.org,intro,,completed,2025-01-05\n" + // 6
	"cy@example.org,design,65,passed,2025-01-06\n" + // 7: below design's 70
	"cy@example.org,issuing,90,passed,2025-01-07\n" + // 8
	"di@example.org,HTTPS://stacklet.io/xapi/course/modules/intro,,completed,2025-01-02\n" + // 9: the AU id
	"di@example.org,design,90,passed,2025-01-09\n" + // 10
	"di@example.org,design,71,passed,2025-01-08\n" + // 11: a second pass, earlier
	"di@example.org,issuing,,passed,2025-01-15\n" + // 12
	"ed@example.org,other-course,99,passed,2025-01-15\n" + // 13: not this credential's
	"fay@example.org,issuing,,completed,2025-01-15\n" + // 14: graded, but no score or pass
	"fay@example.org,,,completed,2025-01-15\n" // 15: no module

type outcome struct {
	issued  []int          // lines of the issued credentials
	rowBad  []int          // lines of rows that did not count
	short   map[int]string // learner-level problems: first line, learner
	reports []string       // messages of the learner-level problems
}

func issueCSV(t *testing.T, b *Batch, csv string) (outcome, []Issued) {
	t.Helper()
	learners, bad, err := ReadLearners(strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	issued, skipped, err := b.IssueAll(learners)
	if err != nil {
		t.Fatal(err)
	}
	o := outcome{short: map[int]string{}}
	for _, is := range issued {
		o.issued = append(o.issued, is.Line)
	}
	for _, r := range append(bad, skipped...) {
		if authoring.ErrorCode(r.Err) != authoring.EINVALID {
			t.Errorf("line %d: code %q, want %q", r.Line, authoring.ErrorCode(r.Err), authoring.EINVALID)
		}
		if r.Learner != "" {
			o.short[r.Line] = r.Learner
			o.reports = append(o.reports, authoring.ErrorMessage(r.Err))
			continue
		}
		o.rowBad = append(o.rowBad, r.Line)
	}
	sort.Ints(o.rowBad)
	return o, issued
}

func issuedDoc(t *testing.T, is Issued) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(is.Data, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestReadLearnersModuleColumn(t *testing.T) {
	learners, bad, err := ReadLearners(strings.NewReader(perModuleCSV))
	if err != nil {
		t.Fatal(err)
	}
	if len(learners) != 13 || len(bad) != 1 || bad[0].Line != 15 {
		t.Fatalf("%d learners, bad %v: want 13 and line 15 (no module); repeated learners are not bad", len(learners), bad)
	}
	if l := learners[1]; l.Module != "design" || l.Email != "ada@example.org" || l.Score != "75" {
		t.Fatalf("row 3: %+v", l)
	}
	for _, header := range []string{"module", "Module ID", "course_module", "SCO ID", "cmi5 AU id", "object.id"} {
		t.Run(header, func(t *testing.T) {
			learners, _, err := ReadLearners(strings.NewReader("email,date," + header + "\na@example.org,2025-01-01,m1\n"))
			if err != nil || len(learners) != 1 || learners[0].Module != "m1" {
				t.Fatalf("learners %+v, err %v", learners, err)
			}
		})
	}
}

// TestIssueAllStack: with a module column, a learner gets the stack
// credential only when every module is passed at its own pass mark.
func TestIssueAllStack(t *testing.T) {
	b := stackBatch(t, 0)
	got, issued := issueCSV(t, b, perModuleCSV)
	if fmt.Sprint(got.issued) != "[2 9]" {
		t.Errorf("issued lines %v, want ada (2) and di (9)", got.issued)
	}
	if fmt.Sprint(got.rowBad) != "[7 13 14 15]" {
		t.Errorf("rows not counted %v, want 7 (below 70), 13 (unknown module), 14 (completed, no score), 15 (no module)", got.rowBad)
	}
	if got.short[5] != "bob@example.org" || got.short[6] != "cy@example.org" || len(got.short) != 3 {
		t.Errorf("learners short of the credential %v, want bob, cy and fay", got.short)
	}
	if !contains(got.reports, "learner bob@example.org: 1 of 3 required modules passed (missing: design, issuing)") {
		t.Errorf("reports %q", got.reports)
	}
	// The award date is the last module's; di's earlier pass of design
	// counts, so di's date is issuing's.
	for i, want := range []string{"2025-01-20T00:00:00Z", "2025-01-15T00:00:00Z"} {
		doc := issuedDoc(t, issued[i])
		if doc["validFrom"] != want {
			t.Errorf("credential %d valid from %v, want %s", i, doc["validFrom"], want)
		}
		if r, ok := subject(doc)["result"]; ok {
			t.Errorf("credential %d has a result %v: one module's score cannot stand for three", i, r)
		}
	}
}

func TestIssueAllStackNOfM(t *testing.T) {
	const csv = "email,module,score,date\n" +
		"ada@example.org,intro,,2025-01-05\n" + // 2
		"ada@example.org,issuing,85,2025-01-03\n" + // 3
		"ada@example.org,design,75,2025-01-20\n" + // 4
		"bob@example.org,design,60,2025-01-05\n" + // 5
		"bob@example.org,issuing,81,2025-01-06\n" // 6
	t.Run("TwoOfThree", func(t *testing.T) {
		got, issued := issueCSV(t, stackBatch(t, 2), csv)
		if fmt.Sprint(got.issued) != "[2]" || fmt.Sprint(got.rowBad) != "[5]" || got.short[5] != "bob@example.org" {
			t.Fatalf("outcome %+v", got)
		}
		if !contains(got.reports, "learner bob@example.org: 1 of 2 required modules passed (any 2 of the 3; not passed: intro, design)") {
			t.Errorf("reports %q", got.reports)
		}
		// Earned when the second module was passed, not the third.
		if doc := issuedDoc(t, issued[0]); doc["validFrom"] != "2025-01-05T00:00:00Z" {
			t.Fatalf("valid from %v", doc["validFrom"])
		}
	})
	t.Run("OneOfThreeKeepsItsScore", func(t *testing.T) {
		got, issued := issueCSV(t, stackBatch(t, 1), csv)
		if fmt.Sprint(got.issued) != "[2 5]" {
			t.Fatalf("outcome %+v", got)
		}
		result := subject(issuedDoc(t, issued[0]))["result"].([]any)[0].(map[string]any)
		if result["value"] != "85" || result["resultDescription"] != "urn:uuid:result-issuing" {
			t.Fatalf("result %v, want issuing's 85", result)
		}
	})
}

// TestIssueAllStackExpired: validity runs from the award date, so a learner
// whose last module is too old is reported as a learner.
func TestIssueAllStackExpired(t *testing.T) {
	const csv = "identifier,module,date\n" +
		"u1,intro,2022-01-01\n" + "u1,design,2022-06-01\n" + "u1,issuing,2023-03-03\n" +
		"u2,intro,2022-01-01\n" + "u2,design,2022-06-01\n" + "u2,issuing,2023-03-01\n"
	b := stackBatch(t, 0)
	b.PassMark, b.Modules[1].PassMark, b.Modules[2].PassMark = 0, 0, 0
	got, _ := issueCSV(t, b, csv)
	if fmt.Sprint(got.issued) != "[2]" || got.short[5] != "u2" || len(got.rowBad) != 0 {
		t.Fatalf("outcome %+v", got)
	}
}

// Without a module column each row stays a whole-credential completion,
// held to the highest pass mark.
func TestIssueAllWithoutModuleColumn(t *testing.T) {
	const csv = "email,score,date\n" + "ada@example.org,85,2025-01-05\n" + "bob@example.org,75,2025-01-05\n"
	got, _ := issueCSV(t, stackBatch(t, 0), csv)
	if fmt.Sprint(got.issued) != "[2]" || fmt.Sprint(got.rowBad) != "[3]" || len(got.short) != 0 {
		t.Fatalf("outcome %+v", got)
	}
}

package vc

import (
	"strings"
	"testing"
	"time"

	"github.com/stacklet/stacklet/authoring"
)

func TestReadLearners(t *testing.T) {
	in := "\ufeffName,Email,Completion date,Score\n" +
		"Ada Lovelace,Ada@Example.org,2025-03-01,85\n" +
		"\n" +
		"Bad Email,not-an-email,2025-03-01,90\n" +
		"No Date,nodate@example.org,,90\n" +
		"Late,late@example.org,01/03/2025,90\n" +
		"Too High,high@example.org,2025-03-01,101\n" +
		"\"Multi\nLine\",multi@example.org,2025-03-01T10:00:00+02:00,\n" +
		"Again,ada@example.org,2025-03-02,70\n" +
		"Short,short@example.org\n" +
		"Grace,grace@example.org,2025-03-04 08:15:00,NaN\n"
	learners, bad, err := ReadLearners(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Learner{
		{Line: 2, Name: "Ada Lovelace", Email: "ada@example.org", Completed: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), Score: "85"},
		{Line: 8, Name: "Multi\nLine", Email: "multi@example.org", Completed: time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC)},
	}
	if len(learners) != len(want) {
		t.Fatalf("learners %+v", learners)
	}
	for i := range want {
		if learners[i] != want[i] {
			t.Errorf("learner %d: %+v, want %+v", i, learners[i], want[i])
		}
	}
	wantLines := []int{4, 5, 6, 7, 10, 11, 12}
	if len(bad) != len(wantLines) {
		t.Fatalf("bad rows %v, want lines %v", bad, wantLines)
	}
	for i, line := range wantLines {
		if bad[i].Line != line || authoring.ErrorCode(bad[i].Err) != authoring.EINVALID {
			t.Errorf("bad row %d: %v, want line %d", i, bad[i], line)
		}
	}
}

func TestReadLearnersCompletionReport(t *testing.T) {
	in := "learner_id,cmi.core.lesson_status,cmi.core.score.raw,completed_at\n" +
		"u-17,passed,92,2025-03-01T12:00:00Z\n" +
		"u-18,failed,40,2025-03-01T12:00:00Z\n" +
		"u-19,COMPLETED,,2025-03-02T12:00:00Z\n"
	learners, bad, err := ReadLearners(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(learners) != 2 || learners[0].Identifier != "u-17" || learners[0].Score != "92" || learners[1].Identifier != "u-19" {
		t.Fatalf("learners %+v", learners)
	}
	if len(bad) != 1 || bad[0].Line != 3 {
		t.Fatalf("bad %v", bad)
	}
}

// TestReadLearnersSCORM2004Report: success and completion are separate
// columns; a pass earns whatever the completion says, a failure never does.
func TestReadLearnersSCORM2004Report(t *testing.T) {
	in := "cmi.learner_id,cmi.learner_name,cmi.completion_status,cmi.success_status,cmi.score.raw,timestamp\n" +
		"u1,Ada,completed,passed,92,2025-03-01T12:00:00Z\n" +
		"u2,Bob,completed,failed,40,2025-03-01T12:00:00Z\n" +
		"u3,Cy,incomplete,unknown,,2025-03-01T12:00:00Z\n" +
		"u4,Di,completed,unknown,,2025-03-01T12:00:00Z\n" +
		"u5,Ed,incomplete,passed,85,2025-03-01T12:00:00Z\n"
	learners, bad, err := ReadLearners(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range learners {
		got = append(got, l.Identifier+"="+l.Name+"/"+l.Status)
	}
	if want := "u1=Ada/passed u4=Di/completed u5=Ed/passed"; strings.Join(got, " ") != want {
		t.Errorf("learners %v, want %s", got, want)
	}
	if len(bad) != 2 || bad[0].Line != 3 || bad[1].Line != 4 {
		t.Fatalf("bad %v, want lines 3 and 4", bad)
	}
}

func TestReadLearnersRefusesHeader(t *testing.T) {
	for name, in := range map[string]string{
		"Empty":       "",
		"NoIdentity":  "name,completion date\nAda,2025-03-01\n",
		"NoDate":      "name,email\nAda,ada@example.org\n",
		"TwoEmails":   "email,e-mail,date\n",
		"OnlyUnknown": "foo,bar\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := ReadLearners(strings.NewReader(in))
			wantCode(t, err, authoring.EINVALID, "")
		})
	}
}

// FuzzReadLearners: any input gives learners and bad rows with lines inside
// the file, never a panic, and every learner has an identity and a date;
// with a module column every learner has a module, without one none does.
func FuzzReadLearners(f *testing.F) {
	f.Add("name,email,completion date,score\nAda,ada@example.org,2025-03-01,85\n")
	f.Add("learner_id,status,score,date\nu1,passed,92,2025-03-01T12:00:00Z\nu2,\"fail\n")
	f.Add("email,date\n\"a@b.c\",2025-01-01\n,\n\"\"\"\n")
	f.Add("email,module,score,date\na@b.c,m1,80,2025-01-01\na@b.c,m2,,2025-01-02\na@b.c,,,2025-01-03\n")
	f.Fuzz(func(t *testing.T, in string) {
		learners, bad, err := ReadLearners(strings.NewReader(in))
		if err != nil {
			return
		}
		lines := strings.Count(in, "\n") + 1
		for _, l := range learners {
			if l.Line < 2 || l.Line > lines || (l.Email == "" && l.Identifier == "") || l.Completed.IsZero() {
				t.Fatalf("learner %+v from %q", l, in)
			}
			if (l.Module == "") == ByModule(learners) {
				t.Fatalf("learner %+v: some learners have a module, some not, from %q", l, in)
			}
		}
		for _, b := range bad {
			if b.Line < 1 || b.Line > lines || b.Err == nil {
				t.Fatalf("bad row %+v from %q", b, in)
			}
		}
	})
}

package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/export/credential/vc"
)

// verifyRow is one file of "credential verify --json".
type verifyRow struct {
	File   string       `json:"file"`
	Valid  bool         `json:"valid"`
	Checks []checkEntry `json:"checks"`
}

type checkEntry struct {
	Name   string    `json:"name"`
	OK     bool      `json:"ok"`
	Error  string    `json:"error,omitempty"`
	Code   string    `json:"code,omitempty"`
	Reason vc.Reason `json:"reason,omitempty"`
}

func (f *credentialFlags) verify(e *env, files []string) error {
	if len(files) == 0 {
		return usageError("name the credential files to verify")
	}
	v, err := f.verifier()
	if err != nil {
		return err
	}
	var rows []verifyRow
	var first error
	for _, file := range files {
		row, err := verifyFile(v, file)
		if first == nil {
			first = err
		}
		rows = append(rows, row)
	}
	printVerify(e, rows, *f.asJSON)
	if first != nil {
		return authoring.Errorf(authoring.ErrorCode(first), "verification failed: %s", authoring.ErrorMessage(first))
	}
	return nil
}

func (f *credentialFlags) verifier() (vc.Verifier, error) {
	loader, err := f.loader()
	if err != nil {
		return vc.Verifier{}, err
	}
	at, err := parseTime("at", *f.at)
	if err != nil {
		return vc.Verifier{}, err
	}
	v := vc.Verifier{Loader: loader, Now: at}
	for _, path := range splitList(*f.didDocs) {
		data, err := os.ReadFile(path)
		if err != nil {
			return v, authoring.Errorf(authoring.ENOTFOUND, "DID document %s not found", path)
		}
		doc, err := vc.ReadDIDDocument(data)
		if err != nil {
			return v, authoring.Errorf(authoring.EINVALID, "%s: %s", path, authoring.ErrorMessage(err))
		}
		v.Resolver.Docs = append(v.Resolver.Docs, doc)
	}
	return v, nil
}

// verifyFile runs every check on one file and returns the first failure.
func verifyFile(v vc.Verifier, file string) (verifyRow, error) {
	row := verifyRow{File: file}
	data, err := os.ReadFile(file)
	if err != nil {
		err = authoring.Errorf(authoring.ENOTFOUND, "%s not found", file)
		row.Checks = []checkEntry{{Name: vc.CheckJSON, Error: authoring.ErrorMessage(err), Code: authoring.ENOTFOUND}}
		return row, err
	}
	report := v.Verify(data)
	for _, c := range report.Checks {
		row.Checks = append(row.Checks, checkEntry{Name: c.Name, OK: c.Err == nil, Error: authoring.ErrorMessage(c.Err),
			Code: authoring.ErrorCode(c.Err), Reason: vc.ReasonOf(c.Err)})
	}
	row.Valid = report.Err() == nil
	return row, report.Err()
}

func printVerify(e *env, rows []verifyRow, asJSON bool) {
	if asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.Encode(rows)
		return
	}
	for _, r := range rows {
		verdict := "valid"
		if !r.Valid {
			verdict = "NOT VALID"
		}
		fmt.Fprintf(e.stdout, "%s: %s\n", r.File, verdict)
		for _, c := range r.Checks {
			if c.OK {
				fmt.Fprintf(e.stdout, "  ok    %s\n", c.Name)
			} else {
				fmt.Fprintf(e.stdout, "  FAIL  %s: %s\n", c.Name, c.Error)
			}
		}
	}
}

package lrstest

import (
	"bytes"
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"reflect"
	"slices"
	"strings"
)

// docKey addresses a State API document (activity, agent, registration,
// state id) or an Agent Profile document (agent, profile id).
type docKey struct {
	api, activity, agent, registration, id string
}

func stateKey(stateID, activityID string, agent Agent, registration string) docKey {
	return docKey{"stateId", activityID, agent.key(), registration, stateID}
}

// xapi answers an LRS request once its token and version are right: a
// token this LMS handed out (401 otherwise) and xAPI 1.0.x (400 otherwise,
// as the xAPI spec says for a missing or unknown version).
func (s *Server) xapi(w http.ResponseWriter, r *http.Request, rec *Request) {
	s.mu.Lock()
	_, known := s.launches[rec.Token]
	s.mu.Unlock()
	if !known {
		writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "no Authorization: Basic <token> handed out by the fetch URL"})
		return
	}
	if !strings.HasPrefix(rec.Version, xapiVersion10) {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "X-Experience-API-Version must be 1.0.x"})
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	switch r.URL.Path {
	case "/xapi/statements":
		s.postStatements(w, r, body)
	case "/xapi/activities/state":
		s.document(w, r, body, "stateId")
	case "/xapi/agents/profile":
		s.document(w, r, body, "profileId")
	default:
		http.NotFound(w, r)
	}
}

// postStatements stores one statement (PUT ?statementId=) or a list (POST)
// and gives those without an id one, as an LRS does. A statement whose id is
// stored already is kept once when its content is the same, and refuses the
// request with 409 when it differs (xAPI 1.0.3 Statement Resource).
func (s *Server) postStatements(w http.ResponseWriter, r *http.Request, body []byte) {
	var raws []json.RawMessage
	switch r.Method {
	case http.MethodPut:
		raws = []json.RawMessage{body}
	case http.MethodPost:
		if err := json.Unmarshal(body, &raws); err != nil { // a list, or else one statement
			raws = []json.RawMessage{body}
		}
	default:
		writeJSON(w, http.StatusMethodNotAllowed, map[string]string{"error": "statements are PUT or POSTed here"})
		return
	}
	list := make([]Statement, len(raws))
	ids := make([]string, len(raws))
	for i, raw := range raws {
		if err := json.Unmarshal(raw, &list[i]); err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "statement " + err.Error()})
			return
		}
		if list[i].ID == "" {
			list[i].ID = r.URL.Query().Get("statementId")
		}
		if list[i].ID == "" {
			list[i].ID = uuid()
		}
		list[i].Raw = slices.Clone(raw)
		ids[i] = list[i].ID
	}
	if !s.storeNew(list) {
		writeJSON(w, http.StatusConflict, map[string]string{"error": "a statement with this id and other content is stored"})
		return
	}
	if r.Method == http.MethodPut {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	writeJSON(w, http.StatusOK, ids)
}

// storeNew appends the statements of list not stored yet, or none when one
// has the id of a stored statement with other content.
func (s *Server) storeNew(list []Statement) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	var fresh []Statement
	for _, st := range list {
		i := slices.IndexFunc(s.statements, func(old Statement) bool { return old.ID == st.ID })
		switch {
		case i < 0:
			fresh = append(fresh, st)
		case !sameJSON(s.statements[i].Raw, st.Raw):
			return false
		}
	}
	s.statements = append(s.statements, fresh...)
	return true
}

// sameJSON: a and b hold equal JSON values.
func sameJSON(a, b []byte) bool {
	var x, y any
	return json.Unmarshal(a, &x) == nil && json.Unmarshal(b, &y) == nil && reflect.DeepEqual(x, y)
}

// document is the State API (idParam stateId) and the Agent Profile API
// (profileId): GET one document or the list of ids, PUT replaces, POST
// merges JSON objects, DELETE removes. LMS.LaunchData is the LMS's: an AU
// may only read it (cmi5 §10).
func (s *Server) document(w http.ResponseWriter, r *http.Request, body []byte, idParam string) {
	q := r.URL.Query()
	var agent Agent
	if err := json.Unmarshal([]byte(q.Get("agent")), &agent); err != nil || agent.key() == "" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "agent is not an identified Agent"})
		return
	}
	key := docKey{api: idParam, agent: agent.key(), id: q.Get(idParam)}
	if idParam == "stateId" {
		key = stateKey(key.id, q.Get("activityId"), agent, q.Get("registration"))
		if key.activity == "" {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "activityId is missing"})
			return
		}
	}
	if r.Method != http.MethodGet && key.id == "LMS.LaunchData" {
		writeJSON(w, http.StatusForbidden, map[string]string{"error": "LMS.LaunchData belongs to the LMS"})
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case r.Method == http.MethodGet && key.id == "":
		writeJSON(w, http.StatusOK, s.ids(key))
	case r.Method == http.MethodGet:
		doc, ok := s.docs[key]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(doc)
	case key.id == "" && r.Method != http.MethodDelete:
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": idParam + " is missing"})
	case r.Method == http.MethodPut:
		s.docs[key] = slices.Clone(body)
		w.WriteHeader(http.StatusNoContent)
	case r.Method == http.MethodPost:
		merged, ok := merge(s.docs[key], body)
		if !ok {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "POST merges JSON objects only"})
			return
		}
		s.docs[key] = merged
		w.WriteHeader(http.StatusNoContent)
	case r.Method == http.MethodDelete:
		for k := range s.docs {
			if k == key || (key.id == "" && k == (docKey{key.api, key.activity, key.agent, key.registration, k.id})) {
				delete(s.docs, k)
			}
		}
		w.WriteHeader(http.StatusNoContent)
	default:
		writeJSON(w, http.StatusMethodNotAllowed, map[string]string{"error": r.Method + " is not part of this API"})
	}
}

// ids lists the documents in key's scope (every field but id), sorted.
func (s *Server) ids(scope docKey) []string {
	out := []string{}
	for k := range s.docs {
		if (docKey{scope.api, scope.activity, scope.agent, scope.registration, k.id}) == k {
			out = append(out, k.id)
		}
	}
	slices.Sort(out)
	return out
}

// merge adds the top-level properties of patch to old, both JSON objects
// (xAPI's POST to a document resource); no old document is an empty one.
func merge(old, patch []byte) ([]byte, bool) {
	base := map[string]json.RawMessage{}
	if len(bytes.TrimSpace(old)) > 0 && json.Unmarshal(old, &base) != nil {
		return nil, false
	}
	var add map[string]json.RawMessage
	if json.Unmarshal(patch, &add) != nil || add == nil {
		return nil, false
	}
	maps.Copy(base, add)
	out, err := json.Marshal(base)
	return out, err == nil
}

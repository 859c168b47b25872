package lrstest

import (
	"encoding/json"
	"slices"
	"strings"
)

// IRIs of cmi5 (§9).
const (
	VerbPrefix    = "http://adlnet.gov/expapi/verbs/"
	CategoryCMI5  = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
	CategoryMove  = "https://w3id.org/xapi/cmi5/context/categories/moveon"
	ExtSessionID  = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
	ExtMastery    = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"
	xapiVersion10 = "1.0."
)

// Statement holds the parts of an xAPI statement cmi5 rules speak about;
// Raw keeps the statement as it arrived.
type Statement struct {
	ID      string   `json:"id"`
	Actor   Agent    `json:"actor"`
	Verb    Verb     `json:"verb"`
	Object  Activity `json:"object"`
	Result  *Result  `json:"result,omitempty"`
	Context Context  `json:"context"`

	Raw json.RawMessage `json:"-"`
}

// Agent is an xAPI Agent; cmi5 actors are identified by an account.
type Agent struct {
	ObjectType string   `json:"objectType,omitempty"`
	Name       string   `json:"name,omitempty"`
	Mbox       string   `json:"mbox,omitempty"`
	Account    *Account `json:"account,omitempty"`
}

// Account is an Agent's account on a system.
type Account struct {
	HomePage string `json:"homePage"`
	Name     string `json:"name"`
}

// JSON is the agent as a launch URL or State API query carries it.
func (a Agent) JSON() string {
	data, _ := json.Marshal(a)
	return string(data)
}

// key identifies the agent, ignoring its display name.
func (a Agent) key() string {
	if a.Account != nil {
		return a.Account.HomePage + "\x00" + a.Account.Name
	}
	return a.Mbox
}

// Verb is a statement's verb, by IRI.
type Verb struct {
	ID string `json:"id"`
}

// Activity is a statement object or a context activity.
type Activity struct {
	ID         string `json:"id"`
	ObjectType string `json:"objectType,omitempty"`
}

// Result is what a statement reports: success, completion, duration, score.
type Result struct {
	Success    *bool  `json:"success,omitempty"`
	Completion *bool  `json:"completion,omitempty"`
	Duration   string `json:"duration,omitempty"`
	Response   string `json:"response,omitempty"`
	Score      *Score `json:"score,omitempty"`
}

// Score is a result's score; cmi5 speaks of scaled (0-1).
type Score struct {
	Scaled *float64 `json:"scaled,omitempty"`
	Raw    *float64 `json:"raw,omitempty"`
	Min    *float64 `json:"min,omitempty"`
	Max    *float64 `json:"max,omitempty"`
}

// Context is a statement's context, and the shape of LaunchData's contextTemplate.
type Context struct {
	Registration      string            `json:"registration,omitempty"`
	ContextActivities ContextActivities `json:"contextActivities"`
	Extensions        map[string]any    `json:"extensions,omitempty"`
}

// ContextActivities names the parent, grouping and category activities.
type ContextActivities struct {
	Parent   []Activity `json:"parent,omitempty"`
	Grouping []Activity `json:"grouping,omitempty"`
	Category []Activity `json:"category,omitempty"`
}

// VerbName is the verb's last path segment for ADL verbs ("initialized"),
// else the whole IRI.
func (s Statement) VerbName() string {
	return strings.TrimPrefix(s.Verb.ID, VerbPrefix)
}

// HasCategory reports whether the context lists the category activity id.
func (s Statement) HasCategory(id string) bool {
	return slices.ContainsFunc(s.Context.ContextActivities.Category, func(a Activity) bool { return a.ID == id })
}

// SessionID is the cmi5 session id extension, or "".
func (s Statement) SessionID() string {
	id, _ := s.Context.Extensions[ExtSessionID].(string)
	return id
}

// CMI5Defined returns the statements carrying the cmi5 category, in order.
func CMI5Defined(list []Statement) []Statement {
	var out []Statement
	for _, s := range list {
		if s.HasCategory(CategoryCMI5) {
			out = append(out, s)
		}
	}
	return out
}

// Verbs returns the verb names of list, in order.
func Verbs(list []Statement) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = s.VerbName()
	}
	return out
}

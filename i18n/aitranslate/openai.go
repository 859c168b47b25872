package aitranslate

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"

	openai "github.com/sashabaranov/go-openai"
)

// openAIProvider talks to any server that speaks OpenAI's chat completions
// API: OpenAI, Azure OpenAI, Ollama, llama.cpp, vLLM.
type openAIProvider struct {
	client *openai.Client
	cfg    Config
	// plain is set once the server rejected response_format, so later
	// requests rely on the prompt alone.
	plain atomic.Bool
}

func newOpenAI(cfg Config, hc *http.Client) *openAIProvider {
	oc := openai.DefaultConfig(cfg.APIKey)
	if strings.Contains(cfg.BaseURL, ".openai.azure.com") {
		oc = openai.DefaultAzureConfig(cfg.APIKey, cfg.BaseURL)
	} else if cfg.BaseURL != "" {
		oc.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	}
	oc.HTTPClient = headerDoer{hc}
	return &openAIProvider{client: openai.NewClientWithConfig(oc), cfg: cfg}
}

func (p *openAIProvider) model() string { return p.cfg.Model }
func (p *openAIProvider) remote() bool  { return true }

func (p *openAIProvider) complete(ctx context.Context, req *Request, b *batch) (parsedReply, usage, error) {
	system, user := messages(req, b)
	creq := openai.ChatCompletionRequest{
		Model: p.cfg.Model,
		Messages: []openai.ChatCompletionMessage{
			{Role: openai.ChatMessageRoleSystem, Content: system},
			{Role: openai.ChatMessageRoleUser, Content: user},
		},
		ResponseFormat: p.responseFormat(b),
	}
	meta := &responseMeta{}
	resp, err := p.client.CreateChatCompletion(context.WithValue(ctx, metaKey{}, meta), creq)
	if err != nil {
		return parsedReply{}, usage{}, p.callErr(err, meta, creq.ResponseFormat != nil)
	}
	u := usage{resp.Usage.PromptTokens, resp.Usage.CompletionTokens}
	if len(resp.Choices) == 0 {
		return parsedReply{}, u, unreadableErr(errors.New("it has no choices"))
	}
	choice := resp.Choices[0]
	parsed, err := parseReply(choice.Message.Content)
	if err != nil {
		if choice.FinishReason == openai.FinishReasonLength {
			err = errors.New("it was cut off at the model's length limit: lower the batch size")
		}
		return parsedReply{}, u, unreadableErr(err)
	}
	return parsed, u, nil
}

func (p *openAIProvider) responseFormat(b *batch) *openai.ChatCompletionResponseFormat {
	switch {
	case p.plain.Load() || p.cfg.ResponseFormat == "text":
		return nil
	case p.cfg.ResponseFormat == "json_schema":
		return &openai.ChatCompletionResponseFormat{
			Type: openai.ChatCompletionResponseFormatTypeJSONSchema,
			JSONSchema: &openai.ChatCompletionResponseFormatJSONSchema{
				Name: "translations", Schema: replySchema(b), Strict: true,
			},
		}
	}
	return &openai.ChatCompletionResponseFormat{Type: openai.ChatCompletionResponseFormatTypeJSONObject}
}

// callErr describes a failed call for the engine's retry decision.
func (p *openAIProvider) callErr(err error, meta *responseMeta, askedFormat bool) *callError {
	ce := &callError{err: err, status: httpStatus(err), endpoint: p.cfg.BaseURL, model: p.cfg.Model}
	if meta.header != nil {
		ce.retryAfter = meta.header.Get("Retry-After")
		ce.retryAfterMs = meta.header.Get("Retry-After-Ms")
	}
	var ue *url.Error
	ce.transport = errors.As(err, &ue)
	// Servers without JSON mode answer 400 naming the field: drop it for the
	// rest of the run and try again at once.
	if askedFormat && ce.status == http.StatusBadRequest && strings.Contains(strings.ToLower(err.Error()), "response_format") {
		p.plain.Store(true)
		ce.retryNow = true
	}
	return ce
}

func httpStatus(err error) int {
	var re *openai.RequestError
	if errors.As(err, &re) {
		return re.HTTPStatusCode
	}
	var ae *openai.APIError
	if errors.As(err, &ae) {
		return ae.HTTPStatusCode
	}
	return 0
}

// responseMeta and headerDoer capture the response headers of a failed call,
// which go-openai drops, to honour Retry-After.
type responseMeta struct{ header http.Header }

type metaKey struct{}

type headerDoer struct{ inner *http.Client }

func (d headerDoer) Do(req *http.Request) (*http.Response, error) {
	resp, err := d.inner.Do(req)
	if m, ok := req.Context().Value(metaKey{}).(*responseMeta); ok && resp != nil {
		m.header = resp.Header
	}
	return resp, err
}

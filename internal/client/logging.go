package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// LogLevel is the severity of a log entry; the provider maps it onto terraform-plugin-log.
type LogLevel int

// Log levels, most verbose first.
const (
	LogTrace LogLevel = iota
	LogDebug
	LogInfo
	LogWarn
	LogError
)

func (l LogLevel) String() string {
	switch l {
	case LogTrace:
		return "TRACE"
	case LogDebug:
		return "DEBUG"
	case LogInfo:
		return "INFO"
	case LogWarn:
		return "WARN"
	case LogError:
		return "ERROR"
	}
	return fmt.Sprintf("LogLevel(%d)", int(l))
}

// LogFunc receives every log entry with the context of the request it is about.
type LogFunc func(ctx context.Context, level LogLevel, msg string, fields map[string]any)

const (
	masked = "***"
	// maxLoggedBody bounds a body written to the TRACE log.
	maxLoggedBody = 64 << 10
	// minScrubbedSecretLen keeps a tiny configured secret from mangling every log line.
	minScrubbedSecretLen = 4
)

// Header values that are never logged, whatever the level.
var sensitiveHeaders = map[string]bool{
	"authorization":    true,
	"x-auth-token":     true,
	"x-security-token": true,
}

// logger wraps Config.Log. Besides the structural masking of headers and JSON fields,
// it scrubs the configured secrets from every string it emits as a last line of defence.
type logger struct {
	fn      LogFunc
	secrets []string
}

func newLogger(cfg Config) *logger {
	l := &logger{fn: cfg.Log}
	for _, s := range []string{cfg.SecretKey, cfg.SecurityToken, cfg.AuthToken} {
		if len(s) >= minScrubbedSecretLen {
			l.secrets = append(l.secrets, s)
		}
	}
	return l
}

func (l *logger) log(ctx context.Context, level LogLevel, msg string, fields map[string]any) {
	if l == nil || l.fn == nil {
		return
	}
	out := make(map[string]any, len(fields))
	for k, v := range fields {
		out[k] = l.scrub(v)
	}
	l.fn(ctx, level, l.scrubString(msg), out)
}

func (l *logger) scrub(v any) any {
	switch v := v.(type) {
	case string:
		return l.scrubString(v)
	case error:
		return l.scrubString(v.Error())
	case map[string]string:
		out := make(map[string]string, len(v))
		for k, s := range v {
			out[k] = l.scrubString(s)
		}
		return out
	}
	return v
}

func (l *logger) scrubString(s string) string {
	for _, secret := range l.secrets {
		s = strings.ReplaceAll(s, secret, masked)
	}
	return s
}

// loggingTransport logs each attempt as sent (after signing) and its response: a DEBUG
// summary, then headers and body at TRACE.
type loggingTransport struct {
	log  *logger
	next http.RoundTripper
}

func (t *loggingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if t.log.fn == nil {
		return t.next.RoundTrip(req)
	}
	ctx := req.Context()
	t.log.log(ctx, LogDebug, "SMS API request", map[string]any{"method": req.Method, "path": req.URL.Path})
	t.log.log(ctx, LogTrace, "SMS API request detail", map[string]any{
		"method": req.Method, "path": req.URL.Path, "query": req.URL.RawQuery,
		"headers": maskHeaders(req.Header), "body": maskBody(peekRequestBody(req)),
	})

	start := time.Now()
	resp, err := t.next.RoundTrip(req)
	duration := time.Since(start)
	if err != nil {
		t.log.log(ctx, LogDebug, "SMS API request failed", map[string]any{
			"method": req.Method, "path": req.URL.Path, "duration": duration.String(), "error": err,
		})
		return resp, err
	}
	t.log.log(ctx, LogDebug, "SMS API response", map[string]any{
		"method": req.Method, "path": req.URL.Path, "status": resp.StatusCode,
		"duration": duration.String(), "request_id": resp.Header.Get(headerRequestID),
	})
	t.log.log(ctx, LogTrace, "SMS API response detail", map[string]any{
		"method": req.Method, "path": req.URL.Path, "status": resp.StatusCode,
		"headers": maskHeaders(resp.Header), "body": maskBody(peekResponseBody(resp)),
	})
	return resp, nil
}

// peekRequestBody reads the body through GetBody so the real body is left untouched.
func peekRequestBody(req *http.Request) []byte {
	if req.GetBody == nil {
		return nil
	}
	rc, err := req.GetBody()
	if err != nil {
		return nil
	}
	defer rc.Close()
	b, _ := io.ReadAll(io.LimitReader(rc, maxLoggedBody))
	return b
}

// peekResponseBody reads up to maxLoggedBody and puts it back in front of the rest.
func peekResponseBody(resp *http.Response) []byte {
	if resp.Body == nil || resp.Body == http.NoBody {
		return nil
	}
	head, err := io.ReadAll(io.LimitReader(resp.Body, maxLoggedBody))
	resp.Body = struct {
		io.Reader
		io.Closer
	}{io.MultiReader(bytes.NewReader(head), &errReader{err}, resp.Body), resp.Body}
	return head
}

// errReader replays a read error hit while peeking, then behaves as an empty reader.
type errReader struct{ err error }

func (r *errReader) Read([]byte) (int, error) {
	if r.err != nil {
		return 0, r.err
	}
	return 0, io.EOF
}

// maskHeaders renders headers as one value per name, masking credentials.
func maskHeaders(h http.Header) map[string]string {
	out := make(map[string]string, len(h))
	for name, values := range h {
		if sensitiveHeaders[strings.ToLower(name)] {
			out[name] = masked
			continue
		}
		out[name] = strings.Join(values, ", ")
	}
	return out
}

// maskBody returns a JSON body with secret-like fields masked at any depth; a body that
// is not JSON is returned as text.
func maskBody(body []byte) string {
	if len(body) == 0 {
		return ""
	}
	var doc any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return string(body)
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(maskJSON(doc)); err != nil {
		return string(body)
	}
	return strings.TrimSuffix(out.String(), "\n")
}

func maskJSON(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, field := range v {
			if isSecretField(k) {
				v[k] = masked
			} else {
				v[k] = maskJSON(field)
			}
		}
		return v
	case []any:
		for i := range v {
			v[i] = maskJSON(v[i])
		}
		return v
	}
	return v
}

// isSecretField matches secret_key, sk, password, passwd, security_token, auth_token,
// token, access_token, private_key, passphrase, ... in any case.
func isSecretField(name string) bool {
	n := strings.ToLower(name)
	if n == "sk" || n == "token" || n == "authorization" {
		return true
	}
	for _, part := range []string{"secret", "password", "passwd", "passphrase", "_token", "token_", "private_key", "credential"} {
		if strings.Contains(n, part) {
			return true
		}
	}
	return false
}

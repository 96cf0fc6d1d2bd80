// Package client is the only code of the provider that speaks HTTP to the SMS v3 API:
// SDK-HMAC-SHA256 signing, retries through go-retryablehttp, typed errors and
// secret-masking request logs. It imports nothing from terraform-plugin-*.
package client

import (
	"crypto/tls"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// Defaults applied by New for zero (or, for MaxRetries, negative) Config values.
const (
	DefaultMaxRetries     = 5
	DefaultRetryWaitMin   = 1 * time.Second
	DefaultRetryWaitMax   = 30 * time.Second
	DefaultRequestTimeout = 60 * time.Second
	DefaultUserAgent      = "terraform-provider-sms"
)

// Config configures a Client. Exactly one of AccessKey/SecretKey (optionally with
// SecurityToken) or AuthToken must be set.
type Config struct {
	Endpoint                            string // e.g. https://sms.ap-southeast-3.myhuaweicloud.com or http://127.0.0.1:PORT
	EndpointFrom                        string // where Endpoint came from, named in errors (e.g. "the endpoint attribute")
	AccessKey, SecretKey, SecurityToken string // AK/SK mode (SecurityToken optional)
	AuthToken                           string // X-Auth-Token mode (mutually exclusive with AK/SK)
	ProjectID                           string // X-Project-Id (signed); omitted when empty
	Insecure                            bool   // skip TLS verification
	MaxRetries                          int    // retries after the first attempt; 0 = none, <0 = DefaultMaxRetries
	RetryWaitMin, RetryWaitMax          time.Duration
	RequestTimeout                      time.Duration // per attempt; 0 = DefaultRequestTimeout
	UserAgent                           string
	Log                                 LogFunc // optional; nil = no logging
	// Transport carries the signed requests; nil = a clone of http.DefaultTransport (with
	// Insecure applied). Tests pass one to see or refuse every request.
	Transport http.RoundTripper
}

// Client calls the SMS v3 task API. It is safe for concurrent use.
type Client struct {
	cfg     Config
	base    *url.URL
	retry   *retryablehttp.Client
	log     *logger
	waitMin time.Duration
	waitMax time.Duration

	// Seams for tests: the signing clock, the jitter source and a recorder of every
	// backoff wait chosen (by go-retryablehttp or by CreateTask).
	now    func() time.Time
	jitter func(n int64) int64
	onWait func(attempt int, wait time.Duration)

	// listPageSize is the limit every list call sends; tests lower it to force paging.
	listPageSize int

	// refusedAttempts and refusedWait are the quick retries of a refused connection.
	refusedAttempts int
	refusedWait     time.Duration

	// endpointAPIModel is the last APIModelHeader the endpoint answered with ("" while
	// none has: the real service sends none).
	endpointAPIModel atomic.Pointer[string]
}

// APIModelHeader is the response header in which the local emulator says which task
// API it speaks (its emulator.APIModelHeader; the real service sends none).
const APIModelHeader = "X-Sms-Emulator-Api-Model"

// EndpointAPIModel returns the task API the endpoint said it speaks in its last answer
// (APIModelHeader), or "" when it has said nothing.
func (c *Client) EndpointAPIModel() string {
	if m := c.endpointAPIModel.Load(); m != nil {
		return *m
	}
	return ""
}

// New validates cfg and builds a Client.
func New(cfg Config) (*Client, error) {
	base, err := parseEndpoint(cfg.Endpoint)
	if err != nil {
		return nil, err
	}
	if err := validateAuth(cfg); err != nil {
		return nil, err
	}
	if cfg.MaxRetries < 0 {
		cfg.MaxRetries = DefaultMaxRetries
	}
	if cfg.RetryWaitMin <= 0 {
		cfg.RetryWaitMin = DefaultRetryWaitMin
	}
	if cfg.RetryWaitMax <= 0 {
		cfg.RetryWaitMax = DefaultRetryWaitMax
	}
	if cfg.RetryWaitMin > cfg.RetryWaitMax {
		return nil, fmt.Errorf("retry wait min (%s) must not exceed retry wait max (%s)", cfg.RetryWaitMin, cfg.RetryWaitMax)
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = DefaultRequestTimeout
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent
	}

	c := &Client{
		cfg:          cfg,
		base:         base,
		log:          newLogger(cfg),
		waitMin:      cfg.RetryWaitMin,
		waitMax:      cfg.RetryWaitMax,
		now:          time.Now,
		jitter:       rand.Int64N,
		listPageSize: defaultListPageSize,

		refusedAttempts: defaultRefusedAttempts,
		refusedWait:     defaultRefusedWait,
	}

	defaultTransport, ok := http.DefaultTransport.(*http.Transport)
	if !ok {
		// Only if a program replaced http.DefaultTransport; its settings are unknown.
		return nil, fmt.Errorf("http.DefaultTransport is a %T, not an *http.Transport", http.DefaultTransport)
	}
	transport := cfg.Transport
	if transport == nil {
		cloned := defaultTransport.Clone()
		if cfg.Insecure {
			cloned.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} //nolint:gosec // opt-in by the user (insecure = true)
		}
		transport = cloned
	}
	c.retry = &retryablehttp.Client{
		HTTPClient: &http.Client{
			Transport: &signingTransport{client: c, next: &loggingTransport{log: c.log, next: transport}},
			Timeout:   cfg.RequestTimeout,
		},
		Logger:         nil, // everything is logged through Config.Log instead
		RetryWaitMin:   cfg.RetryWaitMin,
		RetryWaitMax:   cfg.RetryWaitMax,
		RetryMax:       cfg.MaxRetries,
		CheckRetry:     checkRetry,
		Backoff:        c.backoff,
		ErrorHandler:   giveUp,
		RequestLogHook: c.logRetry,
	}
	return c, nil
}

func parseEndpoint(endpoint string) (*url.URL, error) {
	if endpoint == "" {
		return nil, errors.New("endpoint must be set")
	}
	u, err := url.Parse(endpoint)
	if err != nil {
		return nil, fmt.Errorf("endpoint %q is not a valid URL: %w", endpoint, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("endpoint %q must be an absolute http:// or https:// URL", endpoint)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("endpoint %q has no host", endpoint)
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return nil, fmt.Errorf("endpoint %q must not contain credentials, a query or a fragment", endpoint)
	}
	u.Path = strings.TrimSuffix(u.Path, "/")
	u.RawPath = ""
	return u, nil
}

func validateAuth(cfg Config) error {
	akSK := cfg.AccessKey != "" || cfg.SecretKey != ""
	switch {
	case akSK && cfg.AuthToken != "":
		return errors.New("access key/secret key and auth token are mutually exclusive: set only one")
	case akSK && (cfg.AccessKey == "" || cfg.SecretKey == ""):
		return errors.New("access key and secret key must be set together")
	case cfg.AuthToken != "" && cfg.SecurityToken != "":
		return errors.New("security token is only used with access key/secret key, not with auth token")
	case !akSK && cfg.AuthToken == "":
		return errors.New("no credentials: set access key and secret key, or auth token")
	}
	return nil
}

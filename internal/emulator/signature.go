package emulator

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"time"
)

// SDK-HMAC-SHA256 verification, recomputed from the request as received with the
// rules of huaweicloud-sdk-go-v3's core/auth/signer: the signed-header list comes from the
// Authorization header, the canonical URI gets a trailing '/', the query is sorted and
// percent-encoded, and the payload hash covers the exact body bytes.

const (
	signingAlgorithm = "SDK-HMAC-SHA256"
	sdkDateFormat    = "20060102T150405Z"
	unsignedPayload  = "UNSIGNED-PAYLOAD"
)

type signatureVerifier struct {
	secrets map[string]string // access key -> secret key
	maxSkew time.Duration
	now     func() time.Time // real time: clients sign with their wall clock
}

func newSignatureVerifier(creds []Credential, maxSkew time.Duration, now func() time.Time) *signatureVerifier {
	secrets := make(map[string]string, len(creds))
	for _, c := range creds {
		secrets[c.AccessKey] = c.SecretKey
	}
	return &signatureVerifier{secrets: secrets, maxSkew: maxSkew, now: now}
}

// verify returns why the request's signature is not acceptable, or nil.
func (v *signatureVerifier) verify(r *http.Request, body []byte) error {
	auth, err := parseAuthorization(r.Header.Get("Authorization"))
	if err != nil {
		return err
	}
	secret, known := v.secrets[auth.accessKey]
	if !known {
		return fmt.Errorf("the access key %q does not exist", auth.accessKey)
	}
	if !slices.Contains(auth.signedHeaders, "x-sdk-date") {
		return errors.New("x-sdk-date must be one of the signed headers")
	}
	date := r.Header.Get("X-Sdk-Date")
	signedAt, err := time.Parse(sdkDateFormat, date)
	if err != nil {
		return fmt.Errorf("X-Sdk-Date %q is not in the form YYYYMMDDTHHMMSSZ", date)
	}
	if skew := v.now().Sub(signedAt); skew > v.maxSkew || skew < -v.maxSkew {
		return fmt.Errorf("X-Sdk-Date %s is more than %s away from the server time %s", date, v.maxSkew,
			v.now().UTC().Format(sdkDateFormat))
	}

	headerValue := func(name string) (string, bool) {
		if name == "host" {
			return r.Host, r.Host != ""
		}
		values := r.Header.Values(name)
		return strings.TrimSpace(strings.Join(values, ",")), len(values) > 0
	}
	hash := sha256Hex(body)
	if slices.Contains(auth.signedHeaders, "x-sdk-content-sha256") && r.Header.Get("X-Sdk-Content-Sha256") == unsignedPayload {
		hash = unsignedPayload
	}
	canonical, err := canonicalRequest(r.Method, r.URL.Path, r.URL.RawQuery, auth.signedHeaders, headerValue, hash)
	if err != nil {
		return err
	}
	want := signHex(secret, stringToSign(date, canonical))
	if !hmac.Equal([]byte(want), []byte(auth.signature)) {
		return errors.New("verify aksk signature fail")
	}
	return nil
}

type authorization struct {
	accessKey     string
	signedHeaders []string
	signature     string
}

// parseAuthorization reads "SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;b, Signature=hex".
func parseAuthorization(h string) (authorization, error) {
	var a authorization
	rest, found := strings.CutPrefix(h, signingAlgorithm+" ")
	if !found {
		return a, fmt.Errorf("the Authorization header must start with %q", signingAlgorithm+" ")
	}
	for _, part := range strings.Split(rest, ",") {
		key, value, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch key {
		case "Access":
			a.accessKey = value
		case "SignedHeaders":
			a.signedHeaders = strings.Split(value, ";")
		case "Signature":
			a.signature = value
		}
	}
	if a.accessKey == "" || len(a.signedHeaders) == 0 || a.signature == "" {
		return a, errors.New("the Authorization header needs Access, SignedHeaders and Signature")
	}
	return a, nil
}

// canonicalRequest builds the six-part canonical request; headerValue returns the value of
// a signed header (by lowercase name) and whether the request has it.
func canonicalRequest(method, path, rawQuery string, signedHeaders []string,
	headerValue func(string) (string, bool), payloadHash string) (string, error) {
	query, err := canonicalQuery(rawQuery)
	if err != nil {
		return "", err
	}
	var headers strings.Builder
	for _, name := range signedHeaders {
		value, present := headerValue(name)
		if !present {
			return "", fmt.Errorf("the signed header %q is not in the request", name)
		}
		headers.WriteString(name + ":" + strings.TrimSpace(value) + "\n")
	}
	return strings.Join([]string{method, canonicalURI(path), query, headers.String(),
		strings.Join(signedHeaders, ";"), payloadHash}, "\n"), nil
}

// canonicalURI escapes each path segment and ends the path with '/'.
func canonicalURI(path string) string {
	segments := strings.Split(path, "/")
	for i, s := range segments {
		segments[i] = sdkEscape(s)
	}
	uri := strings.Join(segments, "/")
	if !strings.HasSuffix(uri, "/") {
		uri += "/"
	}
	return uri
}

// canonicalQuery sorts keys, and values within a key, and escapes both.
func canonicalQuery(rawQuery string) (string, error) {
	values, err := url.ParseQuery(rawQuery)
	if err != nil {
		return "", fmt.Errorf("the query string is malformed: %w", err)
	}
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var pairs []string
	for _, k := range keys {
		vs := append([]string(nil), values[k]...)
		sort.Strings(vs)
		for _, v := range vs {
			pairs = append(pairs, sdkEscape(k)+"="+sdkEscape(v))
		}
	}
	return strings.Join(pairs, "&"), nil
}

// sdkEscape keeps A-Z a-z 0-9 - _ . ~ and writes every other byte as %XX.
func sdkEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if ('A' <= c && c <= 'Z') || ('a' <= c && c <= 'z') || ('0' <= c && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

func stringToSign(date, canonical string) string {
	return signingAlgorithm + "\n" + date + "\n" + sha256Hex([]byte(canonical))
}

func signHex(secret, message string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(message))
	return hex.EncodeToString(mac.Sum(nil))
}

func sha256Hex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

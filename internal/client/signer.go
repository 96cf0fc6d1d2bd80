package client

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"
)

// SDK-HMAC-SHA256 as implemented by huaweicloud-sdk-go-v3 (core/auth/signer). Worked
// examples produced by that SDK are the unit tests (signer_test.go).

const (
	// SigningAlgorithm is the algorithm name in the Authorization header and string to sign.
	SigningAlgorithm = "SDK-HMAC-SHA256"
	// SDKDateFormat is the layout of the X-Sdk-Date header.
	SDKDateFormat = "20060102T150405Z"

	headerSdkDate       = "X-Sdk-Date"
	headerContentSha256 = "X-Sdk-Content-Sha256"
	unsignedPayload     = "UNSIGNED-PAYLOAD"
	headerAuthorization = "Authorization"
	headerProjectID     = "X-Project-Id"
	headerSecurityToken = "X-Security-Token"
	headerAuthToken     = "X-Auth-Token"
	headerRequestID     = "X-Request-Id"
	headerContentType   = "Content-Type"
	headerUserAgent     = "User-Agent"
	contentTypeJSON     = "application/json"
)

// Sign signs req in place for the AK/SK pair: it (re)writes X-Sdk-Date from now, adds
// X-Sdk-Content-Sha256 for non-JSON content types (as the SDK does) and sets
// Authorization. body must be the exact bytes that will be sent. Every header already in
// req.Header (X-Project-Id, X-Security-Token, User-Agent, ...) is signed, except
// Content-Type* and names containing '_'.
func Sign(req *http.Request, body []byte, ak, sk string, now time.Time) error {
	if ak == "" || sk == "" {
		return fmt.Errorf("signing %s %s: access key and secret key must both be set", req.Method, req.URL.Path)
	}
	date := now.UTC().Format(SDKDateFormat)
	req.Header.Set(headerSdkDate, date)
	if ct := req.Header.Get(headerContentType); ct != "" &&
		!strings.Contains(ct, "application/json") && !strings.Contains(ct, "application/bson") {
		req.Header.Set(headerContentSha256, unsignedPayload)
	}
	canonical, signed := CanonicalRequest(req.Method, req.URL.Path, req.URL.RawQuery, req.Header, body)
	sig := Signature(StringToSign(canonical, date), sk)
	req.Header.Set(headerAuthorization, AuthorizationHeader(ak, signed, sig))
	return nil
}

// CanonicalRequest builds the canonical request from the unescaped path, the raw
// query, the headers present at signing time and the exact body. It also returns the
// SignedHeaders list. Servers use it to verify a request with the same rules.
func CanonicalRequest(method, path, rawQuery string, header http.Header, body []byte) (canonical, signedHeaders string) {
	names := SignedHeaderNames(header)
	var headers strings.Builder
	for _, name := range names {
		headers.WriteString(name)
		headers.WriteByte(':')
		headers.WriteString(strings.TrimSpace(headerValue(header, name)))
		headers.WriteByte('\n')
	}
	signedHeaders = strings.Join(names, ";")
	canonical = strings.Join([]string{
		method,
		CanonicalURI(path),
		CanonicalQuery(rawQuery),
		headers.String(),
		signedHeaders,
		payloadHash(header, body),
	}, "\n")
	return canonical, signedHeaders
}

// StringToSign is algorithm, X-Sdk-Date and the hex SHA-256 of the canonical request.
func StringToSign(canonicalRequest, sdkDate string) string {
	sum := sha256.Sum256([]byte(canonicalRequest))
	return SigningAlgorithm + "\n" + sdkDate + "\n" + hex.EncodeToString(sum[:])
}

// Signature is the lowercase hex HMAC-SHA256 of the string to sign keyed with the SK
// itself (no key derivation).
func Signature(stringToSign, sk string) string {
	mac := hmac.New(sha256.New, []byte(sk))
	mac.Write([]byte(stringToSign))
	return hex.EncodeToString(mac.Sum(nil))
}

// AuthorizationHeader formats the Authorization header value.
func AuthorizationHeader(ak, signedHeaders, signature string) string {
	return fmt.Sprintf("%s Access=%s, SignedHeaders=%s, Signature=%s", SigningAlgorithm, ak, signedHeaders, signature)
}

// SignedHeaderNames lists the lowercase names to sign, sorted: every header present,
// minus content-type* and names containing '_'.
func SignedHeaderNames(header http.Header) []string {
	names := make([]string, 0, len(header))
	for name := range header {
		lower := strings.ToLower(name)
		if strings.HasPrefix(lower, "content-type") || strings.Contains(lower, "_") {
			continue
		}
		names = append(names, lower)
	}
	sort.Strings(names)
	return names
}

// CanonicalURI percent-encodes each path segment and guarantees a trailing '/'.
func CanonicalURI(path string) string {
	segments := strings.Split(path, "/")
	for i, s := range segments {
		segments[i] = Escape(s)
	}
	uri := strings.Join(segments, "/")
	if !strings.HasSuffix(uri, "/") {
		uri += "/"
	}
	return uri
}

// CanonicalQuery sorts keys and the values within each key and percent-encodes both.
// An unparseable query is used as far as it parses; the server sees the same bytes.
func CanonicalQuery(rawQuery string) string {
	values, _ := url.ParseQuery(rawQuery)
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
			pairs = append(pairs, Escape(k)+"="+Escape(v))
		}
	}
	return strings.Join(pairs, "&")
}

// Escape keeps A-Z a-z 0-9 - _ . ~ and writes every other byte as uppercase %XX.
func Escape(s string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isUnreserved(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&0x0f])
	}
	return b.String()
}

func isUnreserved(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '-' || c == '_' || c == '.' || c == '~'
}

// headerValue finds a header by lowercase name whatever its stored spelling, because
// http.Header keys are canonicalised only when set through Set/Add.
func headerValue(header http.Header, lowerName string) string {
	for name, values := range header {
		if strings.ToLower(name) == lowerName && len(values) > 0 {
			return values[0]
		}
	}
	return ""
}

func payloadHash(header http.Header, body []byte) string {
	if header.Get(headerContentSha256) == unsignedPayload {
		return unsignedPayload
	}
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:])
}

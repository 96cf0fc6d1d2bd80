package emulator

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// Worked signing examples, each produced by the official Huawei Cloud Go SDK's signer (E by the full SDK client on the wire).

const (
	exampleAK     = "EXAMPLEAK0123456789A"
	exampleSK     = "EXAMPLESKabcdefghijklmnopqrstuvwxyz0123"
	exampleHost   = "sms.ap-southeast-3.myhuaweicloud.com"
	exampleTaskID = "0b3b3ea5-5ff1-4d4a-9bcc-2e5b7a0c1d2e"
	exampleDate   = "20250101T120000Z"
)

type signingVector struct {
	name        string
	method      string
	target      string // URL as sent
	header      map[string]string
	body        string
	accessKey   string
	secretKey   string
	signed      string
	signature   string
	now         time.Time
	canonicalSH string // SHA-256 of the canonical request, where the document gives it
}

func signingVectors() []signingVector {
	actionURL := "https://" + exampleHost + "/v3/tasks/" + exampleTaskID + "/action"
	base := map[string]string{"Content-Type": "application/json", "X-Project-Id": DefaultProjectID, "X-Sdk-Date": exampleDate}
	with := func(extra map[string]string) map[string]string {
		h := map[string]string{}
		for k, v := range base {
			h[k] = v
		}
		for k, v := range extra {
			h[k] = v
		}
		return h
	}
	at2025 := time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)
	return []signingVector{
		{name: "A action", method: http.MethodPost, target: actionURL, header: base, body: `{"operation":"start"}`,
			accessKey: exampleAK, secretKey: exampleSK, signed: "x-project-id;x-sdk-date",
			signature: "56a0faab8439640f5f82f5d8cc5fdc16168762d7e5de25850eae869a85270bb7", now: at2025,
			canonicalSH: "f5646d57b708032679531a731ad49611838282d462cf5497ca60e019ce704be4"},
		{name: "B security token", method: http.MethodPost, target: actionURL,
			header: with(map[string]string{"X-Security-Token": "EXAMPLE-SECURITY-TOKEN"}), body: `{"operation":"start"}`,
			accessKey: exampleAK, secretKey: exampleSK, signed: "x-project-id;x-sdk-date;x-security-token",
			signature: "19a505fdf960c35cc4b6d6104268a6daf2737d30550fc7ad67967d75d1a26c5f", now: at2025,
			canonicalSH: "16587c78c28a1df4758520241e36f4fa56fc4836df78a0b4017568999b5f0cf9"},
		{name: "C query", method: http.MethodGet, target: "https://" + exampleHost + "/v3/tasks?limit=10&name=web%2001&offset=0&state=RUNNING",
			header: base, accessKey: exampleAK, secretKey: exampleSK, signed: "x-project-id;x-sdk-date",
			signature: "af9fbe78e33dfa4d6f7293ed16c798360652375e0ddf5ef88cf59481629818a8", now: at2025,
			canonicalSH: "0731f4fe6b02ce8dcca6c41394e17012fcf73ad9cf94877f30307395cc3c00dc"},
		{name: "D explicit host, unsigned underscore header", method: http.MethodGet,
			target: "https://" + exampleHost + "/v3/tasks/" + exampleTaskID, header: with(map[string]string{"X_Custom": "x"}),
			accessKey: exampleAK, secretKey: exampleSK, signed: "host;x-project-id;x-sdk-date",
			signature: "5f4de853d80cd8772a8d6e1e055275827b3748a47131c6f4fe244342b3b0e89b", now: at2025},
		{name: "E official SDK client", method: http.MethodPost, target: actionURL,
			header: map[string]string{"Content-Type": "application/json", "User-Agent": "huaweicloud-usdk-go/3.0; example-ua",
				"X-Project-Id": DefaultProjectID, "X-Sdk-Date": exampleDate, "X-Security-Token": "EXAMPLE-SECURITY-TOKEN"},
			body: "{\"operation\":\"start\"}\n", accessKey: exampleAK, secretKey: exampleSK,
			signed:    "user-agent;x-project-id;x-sdk-date;x-security-token",
			signature: "f56dbc5b5c34f6c548356eb21b41242f08f77868652d2b0cc9560c4b07350f9b", now: at2025},
		{name: "F SDK unit test", method: http.MethodGet, target: "https://example.huaweicloud.com/path?limit=1",
			header: map[string]string{"X-Sdk-Date": "20060102T150405Z", "TEST_UNDERSCORE": "x"}, accessKey: "AccessKey",
			secretKey: "SecretKey", signed: "x-sdk-date", signature: "5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624",
			now: time.Date(2006, 1, 2, 15, 4, 5, 0, time.UTC)},
	}
}

// request builds the vector as a server receives it; change lets a case alter it first.
func (v signingVector) request(change func(r *http.Request, body *string)) (*http.Request, []byte) {
	body := v.body
	r := httptest.NewRequest(v.method, v.target, nil)
	for k, val := range v.header {
		r.Header[k] = []string{val} // as sent: X_Custom keeps its spelling
	}
	r.Header.Set("Authorization", "SDK-HMAC-SHA256 Access="+v.accessKey+", SignedHeaders="+v.signed+", Signature="+v.signature)
	if change != nil {
		change(r, &body)
	}
	return r, []byte(body)
}

func (v signingVector) verifier() *signatureVerifier {
	return newSignatureVerifier([]Credential{{AccessKey: v.accessKey, SecretKey: v.secretKey}}, defaultMaxClockSkew,
		func() time.Time { return v.now })
}

func TestSignatureVerifier_workedExamples(t *testing.T) {
	t.Parallel()
	for _, v := range signingVectors() {
		t.Run(v.name, func(t *testing.T) {
			t.Parallel()
			r, body := v.request(nil)
			if err := v.verifier().verify(r, body); err != nil {
				t.Fatalf("verify: %v", err)
			}
		})
	}
}

func TestCanonicalRequest_matchesDocument(t *testing.T) {
	t.Parallel()
	// Example A's canonical request, as the document shows it.
	want := "POST\n/v3/tasks/" + exampleTaskID + "/action/\n\n" +
		"x-project-id:" + DefaultProjectID + "\nx-sdk-date:" + exampleDate + "\n\n" +
		"x-project-id;x-sdk-date\n81cbcd7dc3875094520c392561a13d47fcd6920196644b7e300ec9369e826810"
	headers := map[string]string{"x-project-id": DefaultProjectID, "x-sdk-date": exampleDate}
	got, err := canonicalRequest(http.MethodPost, "/v3/tasks/"+exampleTaskID+"/action", "", []string{"x-project-id", "x-sdk-date"},
		func(n string) (string, bool) { v, ok := headers[n]; return v, ok }, sha256Hex([]byte(`{"operation":"start"}`)))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("canonical request (-want +got):\n%s", diff)
	}

	for _, v := range signingVectors() {
		if v.canonicalSH == "" {
			continue
		}
		r, body := v.request(nil)
		headerValue := func(n string) (string, bool) { return r.Header.Get(n), r.Header.Get(n) != "" }
		canonical, err := canonicalRequest(r.Method, r.URL.Path, r.URL.RawQuery, strings.Split(v.signed, ";"), headerValue, sha256Hex(body))
		if err != nil {
			t.Fatal(err)
		}
		if got := sha256Hex([]byte(canonical)); got != v.canonicalSH {
			t.Errorf("%s: SHA-256 of the canonical request = %s, want %s\n%s", v.name, got, v.canonicalSH, canonical)
		}
	}
	if got, want := mustCanonicalQuery(t, "state=RUNNING&name=web%2001&limit=10&offset=0"), "limit=10&name=web%2001&offset=0&state=RUNNING"; got != want {
		t.Errorf("canonical query = %q, want %q", got, want)
	}
}

func mustCanonicalQuery(t *testing.T, raw string) string {
	t.Helper()
	q, err := canonicalQuery(raw)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func TestSignatureVerifier_rejectsTampering(t *testing.T) {
	t.Parallel()
	vectors := map[string]signingVector{}
	for _, v := range signingVectors() {
		vectors[v.name[:1]] = v
	}
	cases := []struct {
		name    string
		vector  string
		change  func(r *http.Request, body *string)
		wantErr string // "" = still valid
	}{
		{"body byte", "E", func(_ *http.Request, b *string) { *b = strings.Replace(*b, "start", "stast", 1) }, "verify aksk signature fail"},
		{"body trailing newline dropped", "E", func(_ *http.Request, b *string) { *b = strings.TrimSuffix(*b, "\n") }, "verify aksk signature fail"},
		{"path byte", "A", func(r *http.Request, _ *string) { r.URL.Path = strings.Replace(r.URL.Path, "action", "actiom", 1) }, "verify aksk signature fail"},
		{"query byte", "C", func(r *http.Request, _ *string) {
			r.URL.RawQuery = strings.Replace(r.URL.RawQuery, "limit=10", "limit=11", 1)
		}, "verify aksk signature fail"},
		{"query added", "F", func(r *http.Request, _ *string) { r.URL.RawQuery += "&offset=0" }, "verify aksk signature fail"},
		{"signed header byte", "A", func(r *http.Request, _ *string) { r.Header.Set("X-Project-Id", DefaultProjectID[:31]+"0") }, "verify aksk signature fail"},
		{"signed user-agent byte", "E", func(r *http.Request, _ *string) { r.Header.Set("User-Agent", "huaweicloud-usdk-go/3.0; example-ub") }, "verify aksk signature fail"},
		{"signed token byte", "B", func(r *http.Request, _ *string) { r.Header.Set("X-Security-Token", "EXAMPLE-SECURITY-TOKEM") }, "verify aksk signature fail"},
		{"signed host byte", "D", func(r *http.Request, _ *string) { r.Host = "sms.ap-southeast-4.myhuaweicloud.com" }, "verify aksk signature fail"},
		{"method", "A", func(r *http.Request, _ *string) { r.Method = http.MethodPut }, "verify aksk signature fail"},
		{"signature byte", "A", func(r *http.Request, _ *string) {
			r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), "Signature=56a0", "Signature=56a1", 1))
		}, "verify aksk signature fail"},
		{"signed header missing", "B", func(r *http.Request, _ *string) { r.Header.Del("X-Security-Token") }, `the signed header "x-security-token" is not in the request`},
		{"unknown access key", "A", func(r *http.Request, _ *string) {
			r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), exampleAK, "OTHERAK", 1))
		}, `the access key "OTHERAK" does not exist`},
		{"other algorithm", "A", func(r *http.Request, _ *string) {
			r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), "SDK-HMAC-SHA256", "V11-HMAC-SHA256", 1))
		}, `the Authorization header must start with "SDK-HMAC-SHA256 "`},
		{"date unsigned", "A", func(r *http.Request, _ *string) {
			r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), "x-project-id;x-sdk-date", "x-project-id", 1))
		}, "x-sdk-date must be one of the signed headers"},
		{"date malformed", "A", func(r *http.Request, _ *string) { r.Header.Set("X-Sdk-Date", "2025-01-01T12:00:00Z") }, "is not in the form YYYYMMDDTHHMMSSZ"},
		{"unsigned underscore header changed", "D", func(r *http.Request, _ *string) { r.Header["X_Custom"] = []string{"y"} }, ""},
		{"unsigned content type changed", "A", func(r *http.Request, _ *string) { r.Header.Set("Content-Type", "text/plain") }, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			v := vectors[tc.vector]
			r, body := v.request(tc.change)
			err := v.verifier().verify(r, body)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("verify: %v, want success", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("verify error = %v, want one containing %q", err, tc.wantErr)
			}
		})
	}
}

func TestSignatureVerifier_clockSkew(t *testing.T) {
	t.Parallel()
	signedAt := time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		name    string
		now     time.Time
		wantErr bool
	}{
		{"same time", signedAt, false},
		{"15 minutes later", signedAt.Add(15 * time.Minute), false},
		{"15 minutes earlier", signedAt.Add(-15 * time.Minute), false},
		{"16 minutes later", signedAt.Add(16 * time.Minute), true},
		{"16 minutes earlier", signedAt.Add(-16 * time.Minute), true},
	}
	v := signingVectors()[0]
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			vec := v
			vec.now = tc.now
			r, body := vec.request(nil)
			err := vec.verifier().verify(r, body)
			if (err != nil) != tc.wantErr {
				t.Fatalf("verify error = %v, want error: %v", err, tc.wantErr)
			}
			if err != nil && !strings.Contains(err.Error(), "X-Sdk-Date 20250101T120000Z is more than 15m0s away from the server time") {
				t.Fatalf("error text %q does not explain the skew", err)
			}
		})
	}
}

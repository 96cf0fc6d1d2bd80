package client

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// Fixed inputs of the worked examples (signatures produced by huaweicloud-sdk-go-v3).
const (
	vectorAK        = "EXAMPLEAK0123456789A"
	vectorSK        = "EXAMPLESKabcdefghijklmnopqrstuvwxyz0123"
	vectorProjectID = "0123456789abcdef0123456789abcdef"
	vectorTaskID    = "0b3b3ea5-5ff1-4d4a-9bcc-2e5b7a0c1d2e"
	vectorHost      = "sms.ap-southeast-3.myhuaweicloud.com"
)

var vectorDate = time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)

func TestSign_workedExamples(t *testing.T) {
	t.Parallel()

	actionURL := "https://" + vectorHost + "/v3/tasks/" + vectorTaskID + "/action"
	cases := []struct {
		name          string
		method, url   string
		headers       map[string]string
		body          string
		ak, sk        string
		now           time.Time
		canonical     string // exact canonical request, when the document shows it
		canonicalHash string // when given
		authorization string
	}{
		{
			name: "A action start", method: http.MethodPost, url: actionURL,
			headers: map[string]string{"Content-Type": "application/json", "X-Project-Id": vectorProjectID},
			body:    `{"operation":"start"}`, ak: vectorAK, sk: vectorSK, now: vectorDate,
			canonical: "POST\n/v3/tasks/" + vectorTaskID + "/action/\n\n" +
				"x-project-id:" + vectorProjectID + "\nx-sdk-date:20250101T120000Z\n\n" +
				"x-project-id;x-sdk-date\n81cbcd7dc3875094520c392561a13d47fcd6920196644b7e300ec9369e826810",
			canonicalHash: "f5646d57b708032679531a731ad49611838282d462cf5497ca60e019ce704be4",
			authorization: "SDK-HMAC-SHA256 Access=EXAMPLEAK0123456789A, SignedHeaders=x-project-id;x-sdk-date, Signature=56a0faab8439640f5f82f5d8cc5fdc16168762d7e5de25850eae869a85270bb7",
		},
		{
			name: "B security token", method: http.MethodPost, url: actionURL,
			headers: map[string]string{
				"Content-Type": "application/json", "X-Project-Id": vectorProjectID,
				"X-Security-Token": "EXAMPLE-SECURITY-TOKEN",
			},
			body: `{"operation":"start"}`, ak: vectorAK, sk: vectorSK, now: vectorDate,
			canonicalHash: "16587c78c28a1df4758520241e36f4fa56fc4836df78a0b4017568999b5f0cf9",
			authorization: "SDK-HMAC-SHA256 Access=EXAMPLEAK0123456789A, SignedHeaders=x-project-id;x-sdk-date;x-security-token, Signature=19a505fdf960c35cc4b6d6104268a6daf2737d30550fc7ad67967d75d1a26c5f",
		},
		{
			name: "C list query", method: http.MethodGet,
			url:     "https://" + vectorHost + "/v3/tasks?state=RUNNING&name=web%2001&limit=10&offset=0",
			headers: map[string]string{"Content-Type": "application/json", "X-Project-Id": vectorProjectID},
			ak:      vectorAK, sk: vectorSK, now: vectorDate,
			canonicalHash: "0731f4fe6b02ce8dcca6c41394e17012fcf73ad9cf94877f30307395cc3c00dc",
			authorization: "SDK-HMAC-SHA256 Access=EXAMPLEAK0123456789A, SignedHeaders=x-project-id;x-sdk-date, Signature=af9fbe78e33dfa4d6f7293ed16c798360652375e0ddf5ef88cf59481629818a8",
		},
		{
			name: "D explicit host and underscore header", method: http.MethodGet,
			url: "https://" + vectorHost + "/v3/tasks/" + vectorTaskID,
			headers: map[string]string{
				"Content-Type": "application/json", "X-Project-Id": vectorProjectID,
				"Host": vectorHost, "X_Custom": "x",
			},
			ak: vectorAK, sk: vectorSK, now: vectorDate,
			authorization: "SDK-HMAC-SHA256 Access=EXAMPLEAK0123456789A, SignedHeaders=host;x-project-id;x-sdk-date, Signature=5f4de853d80cd8772a8d6e1e055275827b3748a47131c6f4fe244342b3b0e89b",
		},
		{
			name: "E full SDK client request", method: http.MethodPost, url: actionURL,
			headers: map[string]string{
				"Content-Type":     "application/json",
				"User-Agent":       "huaweicloud-usdk-go/3.0; example-ua",
				"X-Project-Id":     vectorProjectID,
				"X-Security-Token": "EXAMPLE-SECURITY-TOKEN",
			},
			body: "{\"operation\":\"start\"}\n", ak: vectorAK, sk: vectorSK, now: vectorDate,
			authorization: "SDK-HMAC-SHA256 Access=EXAMPLEAK0123456789A, SignedHeaders=user-agent;x-project-id;x-sdk-date;x-security-token, Signature=f56dbc5b5c34f6c548356eb21b41242f08f77868652d2b0cc9560c4b07350f9b",
		},
		{
			name: "F SDK unit-test vector", method: http.MethodGet,
			url:     "https://example.huaweicloud.com/path?limit=1",
			headers: map[string]string{"TEST_UNDERSCORE": "value"},
			ak:      "AccessKey", sk: "SecretKey",
			now:           time.Date(2006, 1, 2, 15, 4, 5, 0, time.UTC),
			authorization: "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			req, err := http.NewRequest(tc.method, tc.url, nil)
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range tc.headers {
				req.Header[k] = []string{v} // exact spelling, as the SDK's header map holds it
			}
			if err := Sign(req, []byte(tc.body), tc.ak, tc.sk, tc.now); err != nil {
				t.Fatalf("Sign: %v", err)
			}
			if diff := cmp.Diff(tc.authorization, req.Header.Get("Authorization")); diff != "" {
				t.Errorf("Authorization (-want +got):\n%s", diff)
			}
			if got, want := req.Header.Get("X-Sdk-Date"), tc.now.Format(SDKDateFormat); got != want {
				t.Errorf("X-Sdk-Date = %q, want %q", got, want)
			}
			// The canonical request is over the headers present before Authorization was added.
			header := req.Header.Clone()
			header.Del("Authorization")
			canonical, _ := CanonicalRequest(req.Method, req.URL.Path, req.URL.RawQuery, header, []byte(tc.body))
			if tc.canonical != "" {
				if diff := cmp.Diff(tc.canonical, canonical); diff != "" {
					t.Errorf("canonical request (-want +got):\n%s", diff)
				}
			}
			if tc.canonicalHash != "" {
				sum := sha256.Sum256([]byte(canonical))
				if got := hex.EncodeToString(sum[:]); got != tc.canonicalHash {
					t.Errorf("canonical request hash = %s, want %s\ncanonical:\n%s", got, tc.canonicalHash, canonical)
				}
			}
		})
	}
}

func TestSign_stringToSignExampleA(t *testing.T) {
	t.Parallel()
	canonical := "POST\n/v3/tasks/" + vectorTaskID + "/action/\n\n" +
		"x-project-id:" + vectorProjectID + "\nx-sdk-date:20250101T120000Z\n\n" +
		"x-project-id;x-sdk-date\n81cbcd7dc3875094520c392561a13d47fcd6920196644b7e300ec9369e826810"
	want := "SDK-HMAC-SHA256\n20250101T120000Z\nf5646d57b708032679531a731ad49611838282d462cf5497ca60e019ce704be4"
	if diff := cmp.Diff(want, StringToSign(canonical, "20250101T120000Z")); diff != "" {
		t.Errorf("StringToSign (-want +got):\n%s", diff)
	}
}

func TestCanonicalPieces(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, got, want string
	}{
		{"uri gets trailing slash", CanonicalURI("/v3/tasks"), "/v3/tasks/"},
		{"uri keeps trailing slash", CanonicalURI("/v3/tasks/"), "/v3/tasks/"},
		{"uri escapes segments", CanonicalURI("/v3/tasks/a b+c*"), "/v3/tasks/a%20b%2Bc%2A/"},
		{"empty query", CanonicalQuery(""), ""},
		{"query sorted with space as %20", CanonicalQuery("state=RUNNING&name=web+01&limit=10&offset=0"), "limit=10&name=web%2001&offset=0&state=RUNNING"},
		{"repeated key values sorted", CanonicalQuery("b=2&a=z&a=y"), "a=y&a=z&b=2"},
		{"escape keeps unreserved", Escape("AZaz09-_.~"), "AZaz09-_.~"},
		{"escape utf-8 bytes uppercase", Escape("é/"), "%C3%A9%2F"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if tc.got != tc.want {
				t.Errorf("got %q, want %q", tc.got, tc.want)
			}
		})
	}
}

func TestSign_nonJSONContentTypeIsUnsignedPayload(t *testing.T) {
	t.Parallel()
	req, _ := http.NewRequest(http.MethodPut, "https://example.com/upload", nil)
	req.Header.Set("Content-Type", "application/octet-stream")
	if err := Sign(req, []byte("data"), "ak", "sk", vectorDate); err != nil {
		t.Fatal(err)
	}
	header := req.Header.Clone()
	header.Del("Authorization")
	canonical, signed := CanonicalRequest(req.Method, req.URL.Path, "", header, []byte("data"))
	if !strings.HasSuffix(canonical, "\nUNSIGNED-PAYLOAD") {
		t.Errorf("canonical request should end with UNSIGNED-PAYLOAD:\n%s", canonical)
	}
	if diff := cmp.Diff("x-sdk-content-sha256;x-sdk-date", signed); diff != "" {
		t.Errorf("signed headers (-want +got):\n%s", diff)
	}
}

func TestSign_missingKeys(t *testing.T) {
	t.Parallel()
	req, _ := http.NewRequest(http.MethodGet, "https://example.com/v3/tasks", nil)
	err := Sign(req, nil, "ak", "", vectorDate)
	want := "signing GET /v3/tasks: access key and secret key must both be set"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}

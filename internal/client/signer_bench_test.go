package client

import (
	"net/http"
	"strings"
	"testing"
)

// BenchmarkSign signs the two requests the provider sends most: a PUT of a ~2 KB task
// body and a GET of a task, with the headers the client sets before signing.
func BenchmarkSign(b *testing.B) {
	const url = "https://" + vectorHost + "/v3/tasks/" + vectorTaskID
	body := benchTaskBody(2048)
	for _, bc := range []struct {
		name   string
		method string
		body   []byte
	}{
		{"put_2KB", http.MethodPut, body},
		{"get", http.MethodGet, nil},
	} {
		b.Run(bc.name, func(b *testing.B) {
			req, err := http.NewRequest(bc.method, url, nil)
			if err != nil {
				b.Fatal(err)
			}
			req.Header.Set(headerContentType, contentTypeJSON)
			req.Header.Set(headerUserAgent, "terraform-provider-sms/bench")
			req.Header.Set(headerProjectID, vectorProjectID)
			b.ReportAllocs()
			for b.Loop() {
				// Sign adds these two; a real request is signed once, so start afresh.
				req.Header.Del(headerAuthorization)
				req.Header.Del(headerSdkDate)
				if err := Sign(req, bc.body, vectorAK, vectorSK, vectorDate); err != nil {
					b.Fatal(err)
				}
			}
			if !strings.HasPrefix(req.Header.Get(headerAuthorization), SigningAlgorithm+" Access="+vectorAK) {
				b.Fatalf("Authorization = %q", req.Header.Get(headerAuthorization))
			}
		})
	}
}

// benchTaskBody is a JSON task body of exactly size bytes (size > 40).
func benchTaskBody(size int) []byte {
	prefix := `{"name":"bench","speed_limit":200,"migration_ip":"`
	suffix := `"}`
	return []byte(prefix + strings.Repeat("a", size-len(prefix)-len(suffix)) + suffix)
}

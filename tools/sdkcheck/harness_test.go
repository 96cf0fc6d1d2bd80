package sdkcheck

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/basic"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/config"
	sms "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sms/v3"
	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
)

// exchange is what the emulator answered to one request, as it went on the wire.
type exchange struct {
	method, path string
	status       int
	body         []byte
}

// recorder keeps the emulator's raw answers, so that a check can read the JSON the
// SDK decoded rather than what its model kept of it.
type recorder struct {
	next http.Handler
	mu   sync.Mutex
	log  []exchange
}

func (rec *recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	tee := &teeWriter{ResponseWriter: w, status: http.StatusOK}
	rec.next.ServeHTTP(tee, r)
	rec.mu.Lock()
	defer rec.mu.Unlock()
	rec.log = append(rec.log, exchange{method: r.Method, path: r.URL.Path, status: tee.status, body: tee.body.Bytes()})
}

// last is the latest answer.
func (rec *recorder) last() exchange {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if len(rec.log) == 0 {
		return exchange{}
	}
	return rec.log[len(rec.log)-1]
}

type teeWriter struct {
	http.ResponseWriter
	status int
	body   bytes.Buffer
}

func (w *teeWriter) WriteHeader(status int) { w.status = status; w.ResponseWriter.WriteHeader(status) }

func (w *teeWriter) Write(b []byte) (int, error) { w.body.Write(b); return w.ResponseWriter.Write(b) }

// harness is an emulator on 127.0.0.1 (a random port) with a manual clock, and the SDK's
// SMS v3 client pointed at it with the emulator's test AK/SK.
type harness struct {
	emu    *emulator.Emulator
	clock  *emulator.ManualClock
	rec    *recorder
	client *sms.SmsClient
}

func newHarness(t *testing.T, model emulator.APIModel) *harness {
	t.Helper()
	clock := emulator.NewManualClock(time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC))
	emu, err := emulator.New(emulator.Options{APIModel: model, Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{next: emu}
	srv := httptest.NewServer(rec) // binds 127.0.0.1
	t.Cleanup(srv.Close)

	// A project ID in the credentials keeps the SDK from asking IAM for one: with an
	// endpoint and no region, nothing but the emulator is ever called.
	cred, err := basic.NewCredentialsBuilder().WithAk(emulator.DefaultAccessKey).WithSk(emulator.DefaultSecretKey).
		WithProjectId(emulator.DefaultProjectID).SafeBuild()
	if err != nil {
		t.Fatal(err)
	}
	hc, err := sms.SmsClientBuilder().WithEndpoints([]string{srv.URL}).WithCredential(cred).
		WithHttpConfig(config.DefaultHttpConfig().WithRetries(0).WithTimeout(10 * time.Second)).SafeBuild()
	if err != nil {
		t.Fatal(err)
	}
	return &harness{emu: emu, clock: clock, rec: rec, client: sms.NewSmsClient(hc)}
}

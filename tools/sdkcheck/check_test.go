package sdkcheck

import (
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/sdkerr"
	sms "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sms/v3"
)

// checker runs SDK calls against a harness and checks each answer.
type checker struct {
	t      *testing.T
	h      *harness
	served map[string]bool // SDK methods that answered successfully
	// allowed are answer keys the emulator's model answers on purpose although the SDK
	// model lacks them, by method and path.
	allowed map[string][]string
}

// call runs one SDK method that must succeed, then checks that its answer carries no JSON
// key the SDK's response model lacks. A "raw text" answer (a Body string) and a stream
// have no keys to check.
func call[R any](c *checker, method string, run func() (R, error)) R {
	c.t.Helper()
	resp, err := run()
	if err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
	c.served[method] = true
	ex := c.h.rec.last()
	rt := reflect.TypeOf(resp)
	for rt.Kind() == reflect.Pointer {
		rt = rt.Elem()
	}
	if body, hasBody := rt.FieldByName("Body"); hasBody && (body.Type.Kind() == reflect.Pointer || body.Type.Kind() == reflect.Interface) {
		return resp
	}
	var raw any
	if err := json.Unmarshal(ex.body, &raw); err != nil {
		c.t.Errorf("%s: the answer is not JSON: %v: %s", method, err, ex.body)
		return resp
	}
	for _, key := range unknownKeys("", raw, rt) {
		if !c.isAllowed(method, key) {
			c.t.Errorf("%s answers %s, which the SDK's %s lacks", method, key, rt.Name())
		}
	}
	return resp
}

func (c *checker) isAllowed(method, key string) bool {
	for _, prefix := range c.allowed[method] {
		if key == prefix || strings.HasPrefix(key, prefix+".") || strings.HasPrefix(key, prefix+"[]") {
			return true
		}
	}
	return false
}

// refused runs one SDK method that must fail with the HTTP status and error code given,
// decoded by the SDK's own error handling.
func refused[R any](c *checker, method string, status int, code string, run func() (R, error)) {
	c.t.Helper()
	_, err := run()
	var apiErr *sdkerr.ServiceResponseError
	if !errors.As(err, &apiErr) {
		c.t.Fatalf("%s: want a %d %s error, got %v", method, status, code, err)
	}
	if apiErr.StatusCode != status || apiErr.ErrorCode != code || apiErr.ErrorMessage == "" || apiErr.RequestId == "" {
		c.t.Errorf("%s: got status %d, code %q, message %q, request id %q; want %d %s with a message and a request id",
			method, apiErr.StatusCode, apiErr.ErrorCode, apiErr.ErrorMessage, apiErr.RequestId, status, code)
	}
}

// sdkMethods are the SMS v3 client's API methods (each has an ...Invoker twin).
func sdkMethods() []string {
	var out []string
	ct := reflect.TypeOf(&sms.SmsClient{})
	for i := range ct.NumMethod() {
		if name := ct.Method(i).Name; !strings.HasSuffix(name, "Invoker") {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

func readAll(t *testing.T, r io.ReadCloser) string {
	t.Helper()
	defer r.Close()
	data, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

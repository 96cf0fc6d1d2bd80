package emulator

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestParseFaultSpec(t *testing.T) {
	t.Parallel()
	cases := []struct {
		spec     string
		wantPath string
		want     Faults
		wantErr  string
	}{
		{spec: "path=/v3/tasks,rate503=0.2,latency=50ms", wantPath: "/v3/tasks", want: Faults{Rate503: 0.2, Latency: 50 * time.Millisecond}},
		{spec: "methods=post|put,rate429=0.1,rate500=0.1,drop=0.05,lose=2", want: Faults{Rate429: 0.1, Rate500: 0.1, DropRate: 0.05,
			LoseReplyAfterApply: 2, Methods: []string{"POST", "PUT"}}},
		{spec: "lose_reply_after_apply=1, drop_rate=0", want: Faults{LoseReplyAfterApply: 1}},
		{spec: "", want: Faults{}},
		{spec: "rate503=x", wantErr: `rate503: strconv.ParseFloat: parsing "x"`},
		{spec: "rate503=1.5", wantErr: "rate503 must be between 0 and 1, got 1.5"},
		{spec: "rate429=0.6,rate500=0.6", wantErr: "the rates add up to 1.2, more than 1"},
		{spec: "latency=-1s", wantErr: "latency must not be negative"},
		{spec: "lose=-1", wantErr: "lose-reply count must not be negative"},
		{spec: "speed=3", wantErr: `unknown key "speed"`},
		{spec: "path", wantErr: `"path" is not key=value`},
	}
	for _, tc := range cases {
		t.Run(tc.spec, func(t *testing.T) {
			t.Parallel()
			path, got, err := ParseFaultSpec(tc.spec)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error = %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if path != tc.wantPath {
				t.Errorf("path = %q, want %q", path, tc.wantPath)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("faults (-want +got):\n%s", diff)
			}
		})
	}
}

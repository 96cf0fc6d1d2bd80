package provider

import "testing"

func TestTuneGarbageCollector(t *testing.T) {
	for name, tc := range map[string]struct {
		env         map[string]string
		wantPercent int
		wantLimit   int64
	}{
		"nothing set":     {map[string]string{}, gcPercent, gcMemoryLimit},
		"GOGC set":        {map[string]string{"GOGC": "100"}, 0, 0},
		"GOGC=off":        {map[string]string{"GOGC": "off"}, 0, 0},
		"GOMEMLIMIT set":  {map[string]string{"GOMEMLIMIT": "256MiB"}, 0, 0},
		"other variables": {map[string]string{"GODEBUG": "gctrace=1"}, gcPercent, gcMemoryLimit},
	} {
		var percent int
		var limit int64
		tuneGarbageCollector(func(k string) string { return tc.env[k] },
			func(p int) int { percent = p; return 100 },
			func(l int64) int64 { limit = l; return 0 })
		if percent != tc.wantPercent || limit != tc.wantLimit {
			t.Errorf("%s: GC percent %d, limit %d; want %d, %d", name, percent, limit, tc.wantPercent, tc.wantLimit)
		}
	}
}

package main

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
)

func TestParseGoBench(t *testing.T) {
	t.Parallel()
	out := `goos: linux
goarch: amd64
pkg: example.com/p
cpu: AMD EPYC
BenchmarkExpand/seed_example-2   	    1140	   1142767 ns/op	      1358 full-put-bytes	  440476 B/op	    6528 allocs/op
BenchmarkExpand/seed_example-2   	    1000	   1000000 ns/op	      1358 full-put-bytes	  440000 B/op	    6500 allocs/op
BenchmarkExpand/seed_example-2   	    1200	   1200000 ns/op	      1358 full-put-bytes	  441000 B/op	    6600 allocs/op
BenchmarkSign-16   	  171919	      7212 ns/op	    2972 B/op	      51 allocs/op
--- FAIL: BenchmarkOther
PASS
ok  	example.com/p	7.435s
`
	got, cpu := parseGoBench(out)
	if cpu != "AMD EPYC" {
		t.Errorf("cpu = %q", cpu)
	}
	type summary struct {
		Pkg, Name string
		Runs      int
		Order     []string
		Medians   map[string]float64
	}
	var sums []summary
	for _, b := range got {
		s := summary{Pkg: b.pkg, Name: b.name, Runs: b.runs, Order: b.order, Medians: map[string]float64{}}
		for _, u := range b.order {
			s.Medians[u], _ = b.median(u)
		}
		sums = append(sums, s)
	}
	want := []summary{
		{"example.com/p", "BenchmarkExpand/seed_example", 3,
			[]string{"ns/op", "full-put-bytes", "B/op", "allocs/op"},
			map[string]float64{"ns/op": 1142767, "full-put-bytes": 1358, "B/op": 440476, "allocs/op": 6528}},
		{"example.com/p", "BenchmarkSign", 1,
			[]string{"ns/op", "B/op", "allocs/op"},
			map[string]float64{"ns/op": 7212, "B/op": 2972, "allocs/op": 51}},
	}
	if diff := cmp.Diff(want, sums); diff != "" {
		t.Errorf("parseGoBench (-want +got):\n%s", diff)
	}
}

func TestTrimProcsSuffix(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"BenchmarkSign-2":              "BenchmarkSign",
		"BenchmarkSign/put_2KB-16":     "BenchmarkSign/put_2KB",
		"BenchmarkSign/get":            "BenchmarkSign/get",
		"BenchmarkX/target_1024_disks": "BenchmarkX/target_1024_disks",
		"BenchmarkX/a-b":               "BenchmarkX/a-b",
	} {
		if got := trimProcsSuffix(in); got != want {
			t.Errorf("trimProcsSuffix(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPathKind(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"/v3/tasks":                     "/v3/tasks",
		"/v3/tasks/abc":                 "/v3/tasks/{id}",
		"/v3/tasks/abc/action":          "/v3/tasks/{id}/action",
		"/v3/tasks/abc/speed-limit":     "/v3/tasks/{id}/speed-limit",
		"/v3/sources/abc":               "/v3/sources/abc",
		"/__emulator/journal":           "/__emulator/journal",
		"/v3/tasks/":                    "/v3/tasks/",
		"/v3/tasks/0b3b3ea5-5ff1/extra": "/v3/tasks/{id}/extra",
	} {
		if got := pathKind(in); got != want {
			t.Errorf("pathKind(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMedianAndGrowth(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		got  float64
		want float64
	}{
		{"median of none", median(nil), 0},
		{"median odd", median([]float64{3, 1, 2}), 2},
		{"median even", median([]float64{4, 1, 3, 2}), 2.5},
		{"linear growth", growthExponent(16, 128, 2, 16), 1},
		{"quadratic growth", growthExponent(1, 8, 1, 64), 2},
	}
	for _, c := range cases {
		if math.Abs(c.got-c.want) > 1e-9 {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if !math.IsNaN(growthExponent(16, 16, 1, 2)) {
		t.Error("growthExponent of equal sizes is not NaN")
	}
}

func TestParseOptions(t *testing.T) {
	t.Parallel()
	o, err := parseOptions([]string{"-scale", "1, 10", "-disks", "2", "-reps", "2"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int{1, 10}, o.scale); diff != "" {
		t.Errorf("scale (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int{2}, o.disks); diff != "" {
		t.Errorf("disks (-want +got):\n%s", diff)
	}
	if o.heavyReps != 2 {
		t.Errorf("heavyReps = %d, want -reps (2) when unset", o.heavyReps)
	}
	for _, bad := range []struct {
		args []string
		want string
	}{
		{[]string{"-scale", "1,x"}, `-scale: "x" is not a positive integer`},
		{[]string{"-disks", "0"}, `-disks: "0" is not a positive integer`},
		{[]string{"-reps", "0"}, "-reps and -go-count must be at least 1, -heavy-reps at least 0"},
		{[]string{"-heavy-reps", "-1"}, "-reps and -go-count must be at least 1, -heavy-reps at least 0"},
	} {
		_, err := parseOptions(bad.args)
		if err == nil || err.Error() != bad.want {
			t.Errorf("parseOptions(%q) error = %v, want %q", bad.args, err, bad.want)
		}
	}
}

func TestPhaseRequests(t *testing.T) {
	t.Parallel()
	p := phaseRequests{entries: []emulator.JournalEntry{
		{Method: "PUT", Path: "/v3/tasks/abc", Status: 200, Body: []byte(`{"speed_limit":200}`)},
		{Method: "GET", Path: "/v3/tasks/abc", Status: 200},
		{Method: "GET", Path: "/v3/tasks/abc", Status: 404},
	}}
	if got, want := p.sequence(), "PUT /v3/tasks/{id}, GET /v3/tasks/{id}, GET /v3/tasks/{id} → 404"; got != want {
		t.Errorf("sequence = %q, want %q", got, want)
	}
	if got := p.writes(); got != 1 {
		t.Errorf("writes = %d, want 1", got)
	}
	cases := []struct {
		want map[string]int
		ok   bool
	}{
		{map[string]int{"PUT": 1, "GET": 2}, true},
		{map[string]int{"PUT": 1, "GET": 1}, false},
		{map[string]int{"GET": 2}, false},
	}
	for _, c := range cases {
		if got := p.only(c.want); got != c.ok {
			t.Errorf("only(%v) = %t, want %t", c.want, got, c.ok)
		}
	}
	if got := (phaseRequests{}).sequence(); got != "none" {
		t.Errorf("empty sequence = %q, want none", got)
	}
	if diff := cmp.Diff([][]byte{[]byte(`{"speed_limit":200}`)}, p.bodies("PUT")); diff != "" {
		t.Errorf("bodies (-want +got):\n%s", diff)
	}
}

func TestBudgetRepeat(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		b       budget
		want    int
		failAt  int
		wantRan int
		wantErr string
	}{
		{"no limit runs all", budget{start: time.Now()}, 3, 0, 3, ""},
		{"spent budget still runs the first", budget{start: time.Now().Add(-time.Hour), limit: time.Minute}, 3, 0, 1, ""},
		{"room left runs all", budget{start: time.Now(), limit: time.Hour}, 3, 0, 3, ""},
		{"error stops", budget{start: time.Now()}, 3, 2, 1, "step, repetition 2: boom"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			calls := 0
			ran, err := c.b.repeat(c.want, "step", func(rep int) error {
				calls++
				if rep == c.failAt {
					return errors.New("boom")
				}
				return nil
			})
			gotErr := ""
			if err != nil {
				gotErr = err.Error()
			}
			if ran != c.wantRan || gotErr != c.wantErr {
				t.Errorf("repeat = %d, %q; want %d, %q", ran, gotErr, c.wantRan, c.wantErr)
			}
			if want := c.wantRan + min(1, len(c.wantErr)); calls != want {
				t.Errorf("once called %d times, want %d", calls, want)
			}
		})
	}
}

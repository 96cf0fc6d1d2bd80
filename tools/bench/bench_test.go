package main

import (
	"math"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
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
	got := parseGoBench(out)
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
			s.Medians[u] = b.median(u)
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

func TestParseReattach(t *testing.T) {
	t.Parallel()
	line := "\tTF_REATTACH_PROVIDERS='{\"registry.terraform.io/sms-migration/sms\":{\"Protocol\":\"grpc\",\"Pid\":11237,\"Addr\":{\"Network\":\"unix\",\"String\":\"/tmp/it'\"'\"'s\"}}}'"
	got, ok := parseReattach(line)
	want := `{"registry.terraform.io/sms-migration/sms":{"Protocol":"grpc","Pid":11237,"Addr":{"Network":"unix","String":"/tmp/it's"}}}`
	if !ok || got != want {
		t.Errorf("parseReattach = %q, %t; want %q", got, ok, want)
	}
	for _, other := range []string{
		"Provider started. To attach Terraform CLI, set the TF_REATTACH_PROVIDERS environment variable with the following:",
		"\tCommand Prompt:\tset \"TF_REATTACH_PROVIDERS={}\"",
		"",
	} {
		if _, ok := parseReattach(other); ok {
			t.Errorf("parseReattach(%q) found a configuration", other)
		}
	}
}

func TestParseStatCPU(t *testing.T) {
	t.Parallel()
	// utime 49 and stime 14 ticks (fields 14 and 15), behind a command name with a space
	// and a parenthesis.
	stat := "11237 (terraform-p (x)) S 1 11237 1 0 -1 4194560 3337 0 0 0 49 14 0 0 20 0 7 0 1029 1265811456 8301 18446744073709551615"
	got, err := parseStatCPU(stat)
	if err != nil || got != 630*time.Millisecond {
		t.Errorf("parseStatCPU = %v, %v; want 630ms", got, err)
	}
	for _, bad := range []struct{ stat, want string }{
		{"11237 terraform S 1", "malformed /proc stat line"},
		{"11237 (p) S 1 2 3", "short /proc stat line"},
		{"1 (p) S 1 1 1 0 -1 0 0 0 0 0 x 14 0", `/proc stat CPU field "x": strconv.ParseInt: parsing "x": invalid syntax`},
	} {
		if _, err := parseStatCPU(bad.stat); err == nil || err.Error() != bad.want {
			t.Errorf("parseStatCPU(%q) error = %v, want %q", bad.stat, err, bad.want)
		}
	}
}

func TestParsePprofTop(t *testing.T) {
	t.Parallel()
	out := `File: terraform-provider-sms
Type: cpu
Time: 2026-11-29 06:00:00 UTC
Duration: 5.01s, Total samples = 4.50s (89.82%)
Showing nodes accounting for 2.10s, 46.67% of 4.50s total
      flat  flat%   sum%        cum   cum%
     0.50s 11.11% 11.11%      0.60s 13.33%  runtime.mallocgc
     0.30s  6.67% 17.78%      3.00s 66.67%  github.com/hashicorp/terraform-plugin-go/tftypes.transform

`
	duration, rows := parsePprofTop(out)
	if duration != "Duration: 5.01s, Total samples = 4.50s (89.82%)" {
		t.Errorf("duration = %q", duration)
	}
	want := []string{
		"      flat  flat%   sum%        cum   cum%",
		"     0.50s 11.11% 11.11%      0.60s 13.33%  runtime.mallocgc",
		"     0.30s  6.67% 17.78%      3.00s 66.67%  github.com/hashicorp/terraform-plugin-go/tftypes.transform",
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
}

func TestMedianAndRatio(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name      string
		got, want float64
	}{
		{"median odd", median([]float64{3, 1, 2}), 2},
		{"median even", median([]float64{4, 1, 3, 2}), 2.5},
		// Per-repetition ratios 2, 4 and 10: their median, not the ratio of medians (3.5 / 1).
		{"ratio per repetition", medianRatio([]float64{2, 8, 10}, []float64{1, 2, 1}), 4},
	}
	for _, c := range cases {
		if math.Abs(c.got-c.want) > 1e-9 {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if !math.IsNaN(median(nil)) || !math.IsNaN(medianRatio([]float64{1}, []float64{0})) {
		t.Error("median of nothing is not NaN")
	}
}

func TestParseOptions(t *testing.T) {
	t.Parallel()
	o, err := parseOptions([]string{"-scale", "1, 10", "-disks", "", "-reps", "2"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int{1, 10}, o.scale); diff != "" {
		t.Errorf("scale (-want +got):\n%s", diff)
	}
	if len(o.disks) != 0 || o.reps != 2 || o.baseline != "" {
		t.Errorf("disks = %v, reps = %d, baseline = %q; want none, 2, none", o.disks, o.reps, o.baseline)
	}
	for _, bad := range []struct {
		args []string
		want string
	}{
		{[]string{"-scale", "1,x"}, `-scale: "x" is not a positive integer`},
		{[]string{"-disks", "0"}, `-disks: "0" is not a positive integer`},
		{[]string{"-reps", "0"}, "-reps must be at least 1; -go-count, -profile-n and -profile-disks at least 0"},
		{[]string{"-go-count", "-1"}, "-reps must be at least 1; -go-count, -profile-n and -profile-disks at least 0"},
	} {
		_, err := parseOptions(bad.args)
		if err == nil || err.Error() != bad.want {
			t.Errorf("parseOptions(%q) error = %v, want %q", bad.args, err, bad.want)
		}
	}
}

func TestShellWords(t *testing.T) {
	t.Parallel()
	got := shellWords([]string{"-baseline", "", "-scale", "200", "-disks", "it's"})
	if want := `-baseline '' -scale 200 -disks 'it'"'"'s'`; got != want {
		t.Errorf("shellWords = %s, want %s", got, want)
	}
}

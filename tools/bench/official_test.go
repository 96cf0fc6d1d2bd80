package main

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
)

func TestReattachFromHandshake(t *testing.T) {
	t.Parallel()
	got, err := reattachFromHandshake("1|5|unix|/tmp/plugin123|grpc|\n", officialAddress, 4242)
	want := `{"registry.terraform.io/huaweicloud/huaweicloud":{"Protocol":"grpc","ProtocolVersion":5,"Pid":4242,"Test":true,"Addr":{"Network":"unix","String":"/tmp/plugin123"}}}`
	if err != nil || got != want {
		t.Errorf("reattachFromHandshake = %s, %v; want %s", got, err, want)
	}
	for _, bad := range []struct{ line, want string }{
		{"[DEBUG] plugin: starting", `not a go-plugin handshake line: "[DEBUG] plugin: starting"`},
		{"2|5|unix|/tmp/p|grpc|", `not a go-plugin handshake line: "2|5|unix|/tmp/p|grpc|"`},
		{"1|6|unix|/tmp/p|grpc|", `handshake "1|6|unix|/tmp/p|grpc|": want plugin protocol 5 over gRPC on unix or tcp`},
		{"1|5|unix|/tmp/p|netrpc|", `handshake "1|5|unix|/tmp/p|netrpc|": want plugin protocol 5 over gRPC on unix or tcp`},
		{"1|5|unix|/tmp/p|grpc|MIIB", `handshake "1|5|unix|/tmp/p|grpc|MIIB": the provider asks for TLS, which a reattached provider cannot use`},
	} {
		if _, err := reattachFromHandshake(bad.line, officialAddress, 1); err == nil || err.Error() != bad.want {
			t.Errorf("reattachFromHandshake(%q) error = %v, want %q", bad.line, err, bad.want)
		}
	}
}

func TestOfficialTasksConfig(t *testing.T) {
	t.Parallel()
	got := officialTasksConfig(3, "http://127.0.0.1:4321/")
	for _, want := range []string{
		`source = "huaweicloud/huaweicloud"`,
		`auth_url                = "http://127.0.0.1:4321/v3"`,
		`sms = "http://127.0.0.1:4321/"`,
		`skip_check_website_type = true`,
		`project_id              = "` + emulator.DefaultProjectID + `"`,
		`region                  = "` + emulator.DefaultRegion + `"`,
		`count            = 3`,
		`source_server_id = "` + benchSourceServerID + `"`,
		`vm_template_id   = "` + officialTemplateID + `"`,
		`use_public_ip    = false`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("officialTasksConfig lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, emulator.DefaultSecretKey) {
		t.Error("officialTasksConfig holds the secret key; it belongs in the provider's environment")
	}
}

func TestRequestShapes(t *testing.T) {
	t.Parallel()
	const task = "5f2a6c1e-0b7d-4c3a-9e8f-1a2b3c4d5e6f"
	journal := []emulator.JournalEntry{
		{Method: "GET", Path: "/v3/tasks/" + task, Status: 200, SignatureValid: true},
		{Method: "GET", Path: "/v3/tasks/" + task + "/passphrase", Status: 404, SignatureValid: true},
		{Method: "GET", Path: "/v3/tasks/0123456789abcdef0123456789abcdef", Status: 200, SignatureValid: false},
		{Method: "GET", Path: "/v3/tasks/" + task + "/passphrase", Status: 200, SignatureValid: true},
	}
	got := requestShapes(journal)
	want := []requestShape{
		{call: "GET /v3/tasks/{id}", count: 2, unsig: 1},
		{call: "GET /v3/tasks/{id}/passphrase", count: 2, failed: 1},
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(requestShape{})); diff != "" {
		t.Errorf("requestShapes (-want +got):\n%s", diff)
	}
	if d, want := describeRequests(got, 2), "`GET /v3/tasks/{id}` ×1.00 (1 without a valid signature); "+
		"`GET /v3/tasks/{id}/passphrase` ×1.00 (1 answered with an error)"; d != want {
		t.Errorf("describeRequests = %s, want %s", d, want)
	}
	if d := describeRequests(nil, 1); d != "none" {
		t.Errorf("describeRequests(nil) = %s", d)
	}
}

func TestOfficialRows(t *testing.T) {
	t.Parallel()
	c := &officialCase{n: 100, pairs: 2,
		ours: &officialSide{stateBytes: 400_000, schema: schemaSize{258, 4}, apply: tfResult{wall: 10 * time.Second},
			plan: series{wall: []float64{4, 6}, terraformCPU: []float64{2, 3}, providerCPU: []float64{1, 1}}},
		official: &officialSide{stateBytes: 160_000, schema: schemaSize{43, 2}, apply: tfResult{wall: 20 * time.Second},
			plan: series{wall: []float64{4, 4}, terraformCPU: []float64{1, 1}, providerCPU: []float64{2, 1}}},
	}
	want := [][]string{
		// Per-pair ratios 1 and 1.5: their median.
		{"100", "2", "wall", "5.00 s (4.00–6.00)", "4.00 s (4.00–4.00)", "1.25×"},
		// All processes: 3 and 4 against 3 and 2, ratios 1 and 2.
		{"100", "2", "CPU, all processes", "3.50 s (3.00–4.00)", "2.50 s (2.00–3.00)", "1.50×"},
		{"100", "2", "provider CPU", "1.00 s (1.00–1.00)", "1.50 s (1.00–2.00)", "0.75×"},
		{"100", "2", "Terraform's own CPU", "2.50 s (2.00–3.00)", "1.00 s (1.00–1.00)", "2.50×"},
		{"100", "—", "state per task", "4.0 KB", "1.6 KB", "2.50×"},
		{"100", "—", "resource schema: attributes and blocks at every depth (levels of nesting)", "258 (4)", "43 (2)", "6.00×"},
		{"100", "1", "apply (creates N), wall", "10.00 s", "20.00 s", "0.50×"},
	}
	if diff := cmp.Diff(want, officialRows(c)); diff != "" {
		t.Errorf("officialRows (-want +got):\n%s", diff)
	}
}

// TestOffHostTrap sends a request for another host through the trap, as a provider's
// HTTP client would with the trap's environment, and finds it refused and recorded.
func TestOffHostTrap(t *testing.T) {
	t.Parallel()
	trap, err := startOffHostTrap()
	if err != nil {
		t.Fatal(err)
	}
	defer trap.close()
	env := trap.env([]string{"PATH=/bin", "no_proxy=*", "HTTPS_PROXY=http://elsewhere:1"})
	var proxy string
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "HTTP_PROXY="); ok {
			proxy = v
		}
		if strings.HasPrefix(kv, "no_proxy=") || kv == "HTTPS_PROXY=http://elsewhere:1" {
			t.Errorf("trap.env kept %s", kv)
		}
	}
	proxyURL, err := url.Parse(proxy)
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Transport: &http.Transport{Proxy: http.ProxyURL(proxyURL)}}
	resp, err := client.Get("http://iam.example.invalid/v3/auth/domains")
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("status = %d, want 403", resp.StatusCode)
	}
	if diff := cmp.Diff([]string{"GET http://iam.example.invalid/v3/auth/domains"}, trap.requests()); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
}

func TestParseOfficialOptions(t *testing.T) {
	t.Setenv(officialEnv, "/opt/official")
	o, err := parseOptions([]string{"-official-scale", "100, 500", "-official-reps", "2"})
	if err != nil {
		t.Fatal(err)
	}
	if o.official != "/opt/official" || o.officialReps != 2 || o.officialOut != "BENCHMARKS-official.md" {
		t.Errorf("official = %q, reps = %d, out = %q", o.official, o.officialReps, o.officialOut)
	}
	if diff := cmp.Diff([]int{100, 500}, o.officialScale); diff != "" {
		t.Errorf("officialScale (-want +got):\n%s", diff)
	}
	t.Setenv(officialEnv, "")
	for _, bad := range []struct {
		args []string
		want string
	}{
		{[]string{"-official-reps", "0"}, "-official-reps must be at least 1"},
		{[]string{"-official-scale", "x"}, `-official-scale: "x" is not a positive integer`},
		{[]string{"-official-only"}, "-official-only needs the official provider's binary (-official or $" + officialEnv + "): " + officialHowTo},
	} {
		if _, err := parseOptions(bad.args); err == nil || err.Error() != bad.want {
			t.Errorf("parseOptions(%q) error = %v, want %q", bad.args, err, bad.want)
		}
	}
}

func TestResourceSchemaSize(t *testing.T) {
	t.Parallel()
	// A protocol 6 resource with a nested attribute two levels deep, and a protocol 5
	// resource with a nested block.
	out := `{"format_version":"1.0","provider_schemas":{
  "registry.terraform.io/sms-migration/sms":{"resource_schemas":{"sms_migration_task":{"version":0,"block":{
    "attributes":{"id":{"type":"string"},"name":{"type":"string"},
      "source_server":{"nested_type":{"nesting_mode":"single","attributes":{
        "id":{"type":"string"},
        "disks":{"nested_type":{"nesting_mode":"list","attributes":{"name":{"type":"string"},"size":{"type":"number"}}}}}}}}}}}},
  "registry.terraform.io/huaweicloud/huaweicloud":{"resource_schemas":{"huaweicloud_sms_task":{"version":0,"block":{
    "attributes":{"id":{"type":"string"},"type":{"type":"string"}},
    "block_types":{"target_server_disks":{"nesting_mode":"list","block":{"attributes":{"name":{"type":"string"}}}}}}}}}}}`
	for typ, want := range map[string]schemaSize{
		// id, name, source_server, source_server.id, .disks, .disks.name, .disks.size.
		"sms_migration_task": {attributes: 7, depth: 2},
		// id, type, target_server_disks, target_server_disks.name.
		"huaweicloud_sms_task": {attributes: 4, depth: 1},
	} {
		got, err := resourceSchemaSize([]byte(out), typ)
		if err != nil || got != want {
			t.Errorf("resourceSchemaSize(%s) = %+v, %v; want %+v", typ, got, err, want)
		}
	}
	if _, err := resourceSchemaSize([]byte(out), "sms_other"); err == nil || err.Error() != "no provider has a resource type sms_other" {
		t.Errorf("resourceSchemaSize(sms_other) error = %v", err)
	}
}

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
)

// The handshake Terraform's plugin protocol 5 servers expect (terraform-plugin-go's
// tf5server): without this variable a provider refuses to run outside Terraform.
const (
	pluginMagicCookie = "TF_PLUGIN_MAGIC_COOKIE=d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2"
	pluginProtocol    = 5
)

// startPluginProvider starts a provider that has no -debug switch (the official
// provider's main.go calls plugin.Serve without a debug option) the way Terraform does:
// with the magic cookie, after which go-plugin prints its handshake line,
// "1|5|unix|/tmp/plugin123|grpc|". From that line the bench writes the
// TF_REATTACH_PROVIDERS value a -debug provider would have printed, with Test set so
// that Terraform leaves the process running when it ends. Outside its test mode go-plugin
// ignores SIGINT, so SIGTERM ends it.
func startPluginProvider(ctx context.Context, bin, address string, env []string) (*providerProc, error) {
	env = append(env, pluginMagicCookie, fmt.Sprintf("PLUGIN_PROTOCOL_VERSIONS=%d", pluginProtocol))
	return launchProvider(exec.CommandContext(ctx, bin), env, syscall.SIGTERM,
		func(line string, pid int) (string, bool) {
			r, err := reattachFromHandshake(line, address, pid)
			return r, err == nil
		})
}

// reattachFromHandshake turns go-plugin's handshake line
// (core-version|protocol-version|network|address|protocol[|cert]) into the
// TF_REATTACH_PROVIDERS value for the provider address (registry.terraform.io/ns/name).
func reattachFromHandshake(line, address string, pid int) (string, error) {
	f := strings.Split(strings.TrimSpace(line), "|")
	if len(f) < 5 || f[0] != "1" {
		return "", fmt.Errorf("not a go-plugin handshake line: %q", line)
	}
	version, err := strconv.Atoi(f[1])
	if err != nil || version != pluginProtocol || f[4] != "grpc" || (f[2] != "unix" && f[2] != "tcp") {
		return "", fmt.Errorf("handshake %q: want plugin protocol %d over gRPC on unix or tcp", line, pluginProtocol)
	}
	if len(f) > 5 && f[5] != "" {
		return "", fmt.Errorf("handshake %q: the provider asks for TLS, which a reattached provider cannot use", line)
	}
	type addr struct{ Network, String string }
	type reattach struct {
		Protocol        string
		ProtocolVersion int
		Pid             int
		Test            bool
		Addr            addr
	}
	out, err := json.Marshal(map[string]reattach{address: {"grpc", version, pid, true, addr{f[2], f[3]}}})
	return string(out), err
}

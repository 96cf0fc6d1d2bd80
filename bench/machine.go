package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
)

// machine describes where the figures were measured.
type machine struct {
	cpus        int
	cpuModel    string
	memory      string
	kernel      string
	goVersion   string
	terraform   string
	loadAtStart string
}

func describeMachine(ctx context.Context, repo string) machine {
	m := machine{
		cpus:        runtime.NumCPU(),
		cpuModel:    procField("/proc/cpuinfo", "model name"),
		memory:      memTotal(),
		kernel:      strings.TrimSpace(readFileOr("/proc/sys/kernel/osrelease", "unknown")),
		goVersion:   commandOutput(ctx, repo, "go", "env", "GOVERSION"),
		terraform:   terraformVersion(ctx),
		loadAtStart: loadAverage(),
	}
	m.kernel = runtime.GOOS + "/" + runtime.GOARCH + ", kernel " + m.kernel
	return m
}

// procField is the value of the first "key : value" line of a /proc file.
func procField(path, key string) string {
	f, err := os.Open(path)
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

func memTotal() string {
	v := procField("/proc/meminfo", "MemTotal")
	var kib int64
	if _, err := fmt.Sscanf(v, "%d kB", &kib); err != nil {
		return v
	}
	return fmt.Sprintf("%.1f GiB", float64(kib)/(1<<20))
}

// loadAverage is the 1, 5 and 15 minute load averages: how busy the shared machine was.
func loadAverage() string {
	fields := strings.Fields(readFileOr("/proc/loadavg", ""))
	if len(fields) < 3 {
		return "unknown"
	}
	return strings.Join(fields[:3], " / ")
}

func readFileOr(path, fallback string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return fallback
	}
	return string(data)
}

func commandOutput(ctx context.Context, dir, name string, args ...string) string {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "unknown"
	}
	return strings.TrimSpace(string(out))
}

func terraformVersion(ctx context.Context) string {
	cmd := exec.CommandContext(ctx, "terraform", "version", "-json")
	cmd.Env = append(os.Environ(), "CHECKPOINT_DISABLE=1")
	out, err := cmd.Output()
	if err != nil {
		return "unknown"
	}
	var v struct {
		Version  string `json:"terraform_version"`
		Platform string `json:"platform"`
	}
	if err := json.Unmarshal(out, &v); err != nil {
		return "unknown"
	}
	return v.Version + " (" + v.Platform + ")"
}

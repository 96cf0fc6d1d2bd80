package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
)

// machine describes where the figures were measured.
type machine struct {
	cpus                                int
	cpuModel, memory, kernel, goVersion string
	terraform, loadAtStart              string
}

func describeMachine(ctx context.Context, repo string) machine {
	var memKiB int64
	_, _ = fmt.Sscanf(procField("/proc/meminfo", "MemTotal"), "%d kB", &memKiB)
	kernel, _ := os.ReadFile("/proc/sys/kernel/osrelease")
	terraform := strings.TrimPrefix(strings.SplitN(commandOutput(ctx, repo, "terraform", "version"), "\n", 2)[0], "Terraform ")
	return machine{
		cpus:        runtime.NumCPU(),
		cpuModel:    procField("/proc/cpuinfo", "model name"),
		memory:      fmt.Sprintf("%.1f GiB", float64(memKiB)/(1<<20)),
		kernel:      runtime.GOOS + "/" + runtime.GOARCH + ", kernel " + strings.TrimSpace(string(kernel)),
		goVersion:   commandOutput(ctx, repo, "go", "env", "GOVERSION"),
		terraform:   terraform,
		loadAtStart: loadAverage(),
	}
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

// loadAverage is the 1, 5 and 15 minute load averages: how busy the shared machine was.
func loadAverage() string {
	data, _ := os.ReadFile("/proc/loadavg")
	fields := strings.Fields(string(data))
	if len(fields) < 3 {
		return "unknown"
	}
	return strings.Join(fields[:3], " / ")
}

func commandOutput(ctx context.Context, dir, name string, args ...string) string {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(cleanEnv(), "CHECKPOINT_DISABLE=1")
	out, err := cmd.Output()
	if err != nil {
		return "unknown"
	}
	return strings.TrimSpace(string(out))
}

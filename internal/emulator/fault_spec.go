package emulator

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ParseFaultSpec reads the command line's fault form,
// "path=/v3/tasks,methods=POST|PUT,rate429=0.1,rate500=0,rate503=0.2,latency=50ms,drop=0.05,lose=1",
// into a path prefix and its Faults. Every key is optional; path defaults to "" (all).
func ParseFaultSpec(spec string) (string, Faults, error) {
	var path string
	var f Faults
	for _, part := range strings.Split(spec, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		key, value, found := strings.Cut(part, "=")
		if !found {
			return "", Faults{}, fmt.Errorf("fault %q: %q is not key=value", spec, part)
		}
		var err error
		switch strings.ToLower(key) {
		case "path":
			path = value
		case "methods", "method":
			f.Methods = strings.FieldsFunc(strings.ToUpper(value), func(r rune) bool { return r == '|' || r == '+' || r == ' ' })
		case "rate429":
			f.Rate429, err = strconv.ParseFloat(value, 64)
		case "rate500":
			f.Rate500, err = strconv.ParseFloat(value, 64)
		case "rate503":
			f.Rate503, err = strconv.ParseFloat(value, 64)
		case "drop", "droprate", "drop_rate":
			f.DropRate, err = strconv.ParseFloat(value, 64)
		case "latency":
			f.Latency, err = time.ParseDuration(value)
		case "lose", "lose_reply", "lose_reply_after_apply":
			f.LoseReplyAfterApply, err = strconv.Atoi(value)
		default:
			return "", Faults{}, fmt.Errorf("fault %q: unknown key %q (want path, methods, rate429, rate500, rate503, latency, drop, lose)", spec, key)
		}
		if err != nil {
			return "", Faults{}, fmt.Errorf("fault %q: %s: %w", spec, key, err)
		}
	}
	if err := f.Validate(); err != nil {
		return "", Faults{}, fmt.Errorf("fault %q: %w", spec, err)
	}
	return path, f, nil
}

// faultRequest is the JSON form of a fault (POST /__emulator/faults).
type faultRequest struct {
	Path                string   `json:"path"`
	Rate429             float64  `json:"rate429"`
	Rate500             float64  `json:"rate500"`
	Rate503             float64  `json:"rate503"`
	Latency             string   `json:"latency"` // a Go duration, e.g. "50ms"
	DropRate            float64  `json:"drop_rate"`
	LoseReplyAfterApply int      `json:"lose_reply_after_apply"`
	Methods             []string `json:"methods"`
}

func parseFaultRequest(data []byte) (string, Faults, error) {
	var req faultRequest
	if err := json.Unmarshal(data, &req); err != nil {
		return "", Faults{}, fmt.Errorf("fault body: %w", err)
	}
	f := Faults{Rate429: req.Rate429, Rate500: req.Rate500, Rate503: req.Rate503, DropRate: req.DropRate,
		LoseReplyAfterApply: req.LoseReplyAfterApply, Methods: req.Methods}
	if req.Latency != "" {
		d, err := time.ParseDuration(req.Latency)
		if err != nil {
			return "", Faults{}, fmt.Errorf("fault body: latency: %w", err)
		}
		f.Latency = d
	}
	if err := f.Validate(); err != nil {
		return "", Faults{}, err
	}
	return req.Path, f, nil
}

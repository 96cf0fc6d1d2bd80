package task

import (
	"context"
	"fmt"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
)

// migrationTaskSpeedLimitWindowRules holds speed_limit_windows to the rules the API leaves
// unsaid, choosing the reading that cannot surprise: a window is a stretch of one day
// (start before end, never across midnight), no two windows overlap (one may start at
// the minute another ends), and a speed of 0, which could mean "no limit" as well as
// "no transfer", is refused.
type migrationTaskSpeedLimitWindowRules struct{}

var _ validator.List = migrationTaskSpeedLimitWindowRules{}

func (migrationTaskSpeedLimitWindowRules) Description(_ context.Context) string {
	return "each window starts before it ends on the same day, windows do not overlap, and no window's speed is 0"
}

func (v migrationTaskSpeedLimitWindowRules) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

// clockWindow is a window whose bounds are known and well formed, in minutes of the day.
type clockWindow struct {
	index      int
	start, end int
	text       string // "08:00–18:00"
}

func (migrationTaskSpeedLimitWindowRules) ValidateList(ctx context.Context, req validator.ListRequest, resp *validator.ListResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || len(req.ConfigValue.Elements()) > conns.MigrationTaskMaxArrayLength {
		return // a list over the API's bound is reported by its size alone
	}
	var windows []clockWindow
	for i, element := range req.ConfigValue.Elements() {
		obj, ok := element.(basetypes.ObjectValue)
		if !ok || obj.IsNull() || obj.IsUnknown() {
			continue
		}
		attrs := obj.Attributes()
		at := req.Path.AtListIndex(i)
		if speed, ok := attrs["speed"].(types.Int64); ok && !speed.IsNull() && !speed.IsUnknown() && speed.ValueInt64() < 1 {
			detail := fmt.Sprintf("A window's speed must be 1 to %d Mbit/s, got %d.", migrationTaskMaxWindowSpeed, speed.ValueInt64())
			if speed.ValueInt64() == 0 {
				detail = fmt.Sprintf("A window's speed must be 1 to %d Mbit/s, got 0: the API does not say whether 0 means no limit or no "+
					"transfer at all. To leave hours unlimited, leave them out of every window (speed_limit applies there).", migrationTaskMaxWindowSpeed)
			}
			resp.Diagnostics.AddAttributeError(at.AtName("speed"), "Invalid speed-limit window speed", detail)
		}
		start, okStart := clockMinutes(attrs["start"])
		end, okEnd := clockMinutes(attrs["end"])
		if !okStart || !okEnd {
			continue // unknown, or malformed (the attribute's own validator reports that)
		}
		text := fmt.Sprintf("%s–%s", formatClock(start), formatClock(end))
		switch {
		case end == start:
			resp.Diagnostics.AddAttributeError(at.AtName("end"), "Empty speed-limit window",
				fmt.Sprintf("The window %s starts and ends at the same minute. A window must end after it starts.", text))
			continue
		case end < start:
			resp.Diagnostics.AddAttributeError(at.AtName("end"), "Speed-limit window crosses midnight",
				fmt.Sprintf("The window %s ends before it starts, so it would cross midnight, which the API does not "+
					"document. Split it into two windows: %s–23:59 and 00:00–%s.", text, formatClock(start), formatClock(end)))
			continue
		}
		windows = append(windows, clockWindow{index: i, start: start, end: end, text: text})
	}
	reportOverlaps(req, resp, windows)
}

// maxOverlapReports bounds the overlap errors of one plan: a list of thousands of copies
// of one window needs one message, not thousands.
const maxOverlapReports = 3

// reportOverlaps sorts the windows by start and reports each that starts before an
// earlier one has ended, naming both.
func reportOverlaps(req validator.ListRequest, resp *validator.ListResponse, windows []clockWindow) {
	sort.SliceStable(windows, func(a, b int) bool { return windows[a].start < windows[b].start })
	reported := 0
	var latest *clockWindow // of the windows so far, the one that ends last
	for i := range windows {
		w := &windows[i]
		if latest != nil && w.start < latest.end {
			first, second := latest, w
			if second.index < first.index {
				first, second = second, first
			}
			resp.Diagnostics.AddAttributeError(req.Path.AtListIndex(second.index), "Overlapping speed-limit windows",
				fmt.Sprintf("The window %s (%s) overlaps the window %s (%s). Windows must not overlap; one may start "+
					"at the minute another ends.", second.text, req.Path.AtListIndex(second.index),
					first.text, req.Path.AtListIndex(first.index)))
			if reported++; reported == maxOverlapReports {
				return
			}
		}
		if latest == nil || w.end > latest.end {
			latest = w
		}
	}
}

// clockMinutes reads a known, well-formed HH:MM value as minutes after midnight.
func clockMinutes(v any) (int, bool) {
	s, ok := v.(types.String)
	if !ok || s.IsNull() || s.IsUnknown() || !migrationTaskClockPattern.MatchString(s.ValueString()) {
		return 0, false
	}
	var h, m int
	if _, err := fmt.Sscanf(s.ValueString(), "%d:%d", &h, &m); err != nil {
		return 0, false
	}
	return h*60 + m, true
}

func formatClock(minutes int) string {
	return fmt.Sprintf("%02d:%02d", minutes/60, minutes%60)
}

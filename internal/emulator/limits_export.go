package emulator

// TaskLimitRows are the rows of the task requests' limits table (taskLimits) as plain
// data, for tests outside the emulator that hold other tables to it (the provider's own
// limits table must agree with the emulator's wherever both cover a field).
func TaskLimitRows() []TaskLimitRow {
	out := make([]TaskLimitRow, 0, len(taskLimits))
	for _, r := range taskLimits {
		out = append(out, TaskLimitRow{Op: string(r.op), Path: r.path, Seed: r.seed.export(), Current: r.current.export()})
	}
	return out
}

// TaskLimitRow is one row: the request ("CreateTask", "UpdateTask", "ListTasks"), the
// field path ("[]" is every item of an array) and its bound under each model.
type TaskLimitRow struct {
	Op, Path      string
	Seed, Current TaskLimitBound
}

// TaskLimitBound is one model's bound; Set is false where the model has no such field.
// MaxLen -1: the length is not checked. FMax +Inf: no maximum. EdgeIn and EdgeOut are
// strings at the edge of a character rule, the first allowed, the second not.
type TaskLimitBound struct {
	Set             bool
	MinLen, MaxLen  int
	Values          []string
	EdgeIn, EdgeOut string
	Min, Max        int64
	FMin, FMax      float64
	MaxItems        int
}

func (b bound) export() TaskLimitBound {
	out := TaskLimitBound{Set: b.set, MinLen: b.minLen, MaxLen: b.maxLen, Values: b.enum,
		Min: b.min, Max: b.max, FMin: b.fmin, FMax: b.fmax, MaxItems: b.maxItems}
	if b.rule != nil {
		out.EdgeIn, out.EdgeOut = b.rule.edgeIn, b.rule.edgeOut
	}
	return out
}

package emulator

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"strconv"
)

// ShowConsistencyResult, UpdateConsistencyResult (the Agent posts a task's check) and
// ExportConsistencyResults (a report over several tasks).

// consistencyResult is ConsistencyResult, one checked directory.
type consistencyResult struct {
	DirCheck           string `json:"dir_check"`
	NumTotalFiles      int64  `json:"num_total_files"`
	NumDifferentFiles  int64  `json:"num_different_files"`
	NumTargetMissFiles int64  `json:"num_target_miss_files"`
	NumTargetMoreFiles int64  `json:"num_target_more_files"`
}

const maxConsistencyFiles = 1_000_000

var consistencyResultFields = []field{
	array("consistency_result", 30, object("",
		str("dir_check", 0, 1024).required(),
		integer("num_total_files", 0, maxConsistencyFiles).required(),
		integer("num_different_files", 0, maxConsistencyFiles).required(),
		integer("num_target_miss_files", 0, maxConsistencyFiles).required(),
		integer("num_target_more_files", 0, maxConsistencyFiles).required(),
	)),
}

// updateConsistencyResult replaces the task's results and marks its source as having
// one (ListServers' is_consistency_result_exist). The body no longer carries a finish
// time, so the emulator stamps it.
func (e *Emulator) updateConsistencyResult(id string, body []byte) reply {
	var b struct {
		ConsistencyResult []consistencyResult `json:"consistency_result"`
	}
	if aerr := decodeAndValidate(body, consistencyResultFields, &b); aerr != nil {
		return fail(aerr)
	}
	return e.withTask(id, true, func(rec *taskRecord, now int64) reply {
		a := rec.agent()
		a.Consistency = append([]consistencyResult{}, b.ConsistencyResult...)
		a.ConsistencyFinishedMS = now
		if src, found := e.st.Sources[rec.sourceServerID()]; found {
			src.ConsistencyResultExist = true
		}
		return reply{status: 200}
	})
}

// shownConsistencyResult is one item of result_list. The v0.1.207 SDK reads the items
// as strings (older releases and some public pages show objects, which that SDK fails
// on), so each item is a checked directory's result as JSON text, with the finish time
// and a verdict the older object shape carried.
type shownConsistencyResult struct {
	consistencyResult
	FinishedTime int64  `json:"finished_time"`
	CheckResult  string `json:"check_result"` // "consistent" or "inconsistent"
}

func (e *Emulator) showConsistencyResult(id string) reply {
	return e.withTask(id, false, func(rec *taskRecord, _ int64) reply {
		list := []string{}
		if a := rec.Agent; a != nil {
			for _, r := range a.Consistency {
				verdict := "consistent"
				if r.NumDifferentFiles+r.NumTargetMissFiles+r.NumTargetMoreFiles > 0 {
					verdict = "inconsistent"
				}
				data, err := json.Marshal(shownConsistencyResult{r, a.ConsistencyFinishedMS, verdict})
				if err != nil {
					return fail(internalError("encoding a consistency result: %v", err))
				}
				list = append(list, string(data))
			}
		}
		return ok(map[string]any{"task_id": id, "result_list": list})
	})
}

var exportConsistencyFields = []field{
	array("task_info", 200, object("", s255("task_id"), s255("source_id"), s255("source_name"))).required(),
}

// exportConsistencyResults answers a CSV report, one row per checked directory. The
// format is not documented (the SDK hands the stream back unread); CSV is what a
// spreadsheet user would expect of an "export".
func (e *Emulator) exportConsistencyResults(body []byte) reply {
	var b struct {
		TaskInfo []struct {
			TaskID     string `json:"task_id"`
			SourceID   string `json:"source_id"`
			SourceName string `json:"source_name"`
		} `json:"task_info"`
	}
	if aerr := decodeAndValidate(body, exportConsistencyFields, &b); aerr != nil {
		return fail(aerr)
	}
	if len(b.TaskInfo) == 0 {
		return fail(badRequest(CodeBadLength, "task_info must have between 1 and 200 items, got 0"))
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write([]string{"task_id", "source_id", "source_name", "dir_check", "num_total_files", "num_different_files",
		"num_target_miss_files", "num_target_more_files"})
	for _, t := range b.TaskInfo {
		rec, found := e.st.Tasks[t.TaskID]
		if !found {
			return fail(taskNotFound(t.TaskID))
		}
		if rec.Agent == nil {
			continue
		}
		for _, r := range rec.Agent.Consistency {
			_ = w.Write([]string{t.TaskID, t.SourceID, t.SourceName, r.DirCheck, itoa(r.NumTotalFiles),
				itoa(r.NumDifferentFiles), itoa(r.NumTargetMissFiles), itoa(r.NumTargetMoreFiles)})
		}
	}
	w.Flush()
	return reply{status: http.StatusOK, json: buf.Bytes(), contentType: "application/octet-stream"}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

package emulator

import (
	"crypto/rand"
	"encoding/hex"
	"net/url"
)

// The command channel (ShowCommand, UpdateCommandResult), CollectLog, which reaches the
// Agent through it, and ShowCertKey.

// agentCommand is ShowCommand's answer: command_name and command_param.
type agentCommand struct {
	Name  string        `json:"command_name"`
	Param *commandParam `json:"command_param,omitempty"`
}

type commandParam struct {
	TaskID string `json:"task_id,omitempty"`
	Bucket string `json:"bucket,omitempty"`
}

// commandResult is CommandBody, the Agent's report on a command.
type commandResult struct {
	Name   string `json:"command_name"`
	Result string `json:"result"`
	Detail any    `json:"result_detail"`
}

// showCommand hands the Agent its next command: a queued one (a log upload) first, else
// what the source's current task asks of it: START while it runs, STOP while it stops,
// and otherwise a TASK_* status reply.
func (e *Emulator) showCommand(id string) reply {
	e.mu.Lock()
	defer e.mu.Unlock()
	rec, found := e.st.Sources[id]
	if !found {
		return fail(sourceNotFound(id))
	}
	if len(rec.Commands) > 0 {
		return ok(rec.Commands[0])
	}
	task := e.currentTaskLocked(id)
	if task == nil {
		return ok(agentCommand{Name: "TASK_NOT_STARTED"})
	}
	param := &commandParam{TaskID: deref(task.Body.ID)}
	name := "TASK_NOT_STARTED"
	switch task.state() {
	case stateRunning, stateSyncing:
		name = "START"
	case stateAborting:
		name = "STOP"
	case stateAbort, stateMigrateFail, stateSyncFail:
		name = "TASK_HAS_STOPPED"
	case stateMigrateSuccess, stateSyncSuccess:
		name = "TASK_HAS_FINISHED"
	}
	return ok(agentCommand{Name: name, Param: param})
}

// commandResultFields is CommandBody but result_detail, which may be any JSON value
// (null included) and is read apart.
var commandResultFields = []field{
	s255("command_name").required(),
	s255("result").oneOf("success", "fail").required(),
}

// updateCommandResult records the Agent's report. A report on the queued command at the
// head of the queue takes it off; a log upload's report settles the task's
// log_collect_status; a failed START or SYNC is how the Agent posts a migration error:
// the source's running task fails with result_detail as its error_json.
func (e *Emulator) updateCommandResult(id string, body []byte) reply {
	var b commandResult
	obj, aerr := decodeObject(body)
	if aerr == nil {
		aerr = validateObject("", commandResultFields, obj)
	}
	if aerr != nil {
		return fail(aerr)
	}
	detail, present := obj["result_detail"]
	if !present {
		return fail(badRequest(CodeMandatoryMissing, "result_detail is mandatory"))
	}
	decodeValidated(obj, commandResultFields, &b)
	b.Detail = detail
	return e.mutate(func() reply {
		rec, found := e.st.Sources[id]
		if !found {
			return fail(sourceNotFound(id))
		}
		rec.LastCommandResult = &b
		if b.Result == "fail" && (b.Name == "START" || b.Name == "SYNC") {
			if task := e.currentTaskLocked(id); task != nil {
				task.failByAgent(e.clock.nowMS(), b.Detail)
			}
		}
		if len(rec.Commands) > 0 && rec.Commands[0].Name == b.Name {
			done := rec.Commands[0]
			rec.Commands = rec.Commands[1:]
			if done.Name == "UPLOAD_LOG" && done.Param != nil {
				if task, found := e.st.Tasks[done.Param.TaskID]; found {
					a := task.agent()
					a.LogCollectStatus = map[string]string{"success": "UPLOADED", "fail": "UPLOAD_FAIL"}[b.Result]
					if b.Result == "success" {
						a.LogUploadMS = e.clock.nowMS()
					}
				}
			}
		}
		return reply{status: 200}
	})
}

// collectLog asks the task's Agent to upload its logs to an OBS bucket: an UPLOAD_LOG
// command for the source, and the task's log collection goes UPLOADING.
func (e *Emulator) collectLog(id string, body []byte) reply {
	var b struct {
		LogBucket string `json:"log_bucket"`
	}
	if aerr := decodeAndValidate(body, []field{str("log_bucket", 1, 255).required()}, &b); aerr != nil {
		return fail(aerr)
	}
	return e.mutate(func() reply {
		rec, found := e.st.Tasks[id]
		if !found {
			return fail(taskNotFound(id))
		}
		a := rec.agent()
		a.LogBucket, a.LogCollectStatus = b.LogBucket, "UPLOADING"
		if src, found := e.st.Sources[rec.sourceServerID()]; found {
			src.Commands = append(src.Commands, agentCommand{Name: "UPLOAD_LOG",
				Param: &commandParam{TaskID: id, Bucket: b.LogBucket}})
		}
		return reply{status: 200}
	})
}

// certKeyAnswer is ShowCertKeyResponse.
type certKeyAnswer struct {
	Cert                 string `json:"cert"`
	PrivateKey           string `json:"private_key"`
	CA                   string `json:"ca,omitempty"`
	TargetMgmtCert       string `json:"target_mgmt_cert"`
	TargetMgmtPrivateKey string `json:"target_mgmt_private_key"`
	TargetDataCert       string `json:"target_data_cert"`
	TargetDataPrivateKey string `json:"target_data_private_key"`
}

// showCertKey answers placeholder PEM blocks: the emulator moves no data over SSL, and
// real key material would only invite someone to use it. Each call answers fresh ones.
func (e *Emulator) showCertKey(id string, q url.Values) reply {
	if v := q.Get("enable_ca_cert"); q.Has("enable_ca_cert") && v != "true" && v != "false" {
		return fail(badRequest(CodeWrongType, "enable_ca_cert must be true or false, got %q", v))
	}
	return e.withTask(id, false, func(*taskRecord, int64) reply {
		a := certKeyAnswer{Cert: placeholderPEM("CERTIFICATE"), PrivateKey: placeholderPEM("PRIVATE KEY"),
			TargetMgmtCert: placeholderPEM("CERTIFICATE"), TargetMgmtPrivateKey: placeholderPEM("PRIVATE KEY"),
			TargetDataCert: placeholderPEM("CERTIFICATE"), TargetDataPrivateKey: placeholderPEM("PRIVATE KEY")}
		if q.Get("enable_ca_cert") == "true" {
			a.CA = placeholderPEM("CERTIFICATE")
		}
		return ok(a)
	})
}

func placeholderPEM(kind string) string {
	var b [24]byte
	_, _ = rand.Read(b[:])
	return "-----BEGIN " + kind + "-----\nEMULATOR-PLACEHOLDER-" + hex.EncodeToString(b[:]) + "\n-----END " + kind + "-----\n"
}

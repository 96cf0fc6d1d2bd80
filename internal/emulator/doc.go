// Package emulator is a local, offline stand-in for the Huawei Cloud SMS v3 API: the
// tasks (/v3/tasks and its sub-resources), the source servers (/v3/sources, with the
// SMS Agent's registration, state, disk and command calls), the target-VM templates
// (/v3/vm/templates), migration projects (/v3/migprojects), consistency results, error
// servers, and the metadata calls: every method of the official Go SDK's SMS v3 client
// (tools/sdkcheck drives it with that client). Everything but the task API proper is the
// same in both API models. It is held to the real API as documented in
// the SMS v3 API reference and the seed document
// (internal/testcheck/testdata/seed/update-migration-task.txt), not to any one client: it validates every body,
// verifies SDK-HMAC-SHA256 signatures, simulates task progress on a clock that tests can
// speed up, and can inject faults. It imports only the standard library and keeps its own
// wire types.
//
// API models. Options.APIModel picks the task API: "current" (the default, as in the
// provider: the current SDK's PutTaskReq, ShowTask's source_server summary and
// target_server subset, and CreateTask accepting a target_server without name and vm_id
// when vm_template_id is given) or "seed" (the seed document's update body, and ShowTask
// returning everything stored). In the current model a PUT's seed-only keys are ignored
// (200, nothing applied) unless Options.RejectSeedOnlyKeys turns them into 400 SMS.1011.
//
// CreateTask, UpdateTask and ListTasks hold each model to its own limits: the seed's, or
// today's documented ones (api/sms-v3-task-constraints-today.md: name 1 to 64 characters,
// speed_limit 0 to 1000, 50 logical volumes, limit 0 to 200, ...). The limits that differ
// are one table, taskLimits in limits_table.go, with a column per model.
//
// Every response, of the API and of the admin endpoints, errors and injected faults
// included, carries the header X-Sms-Emulator-Api-Model: seed or current (APIModelHeader),
// so a client can tell when its own idea of the model disagrees with the emulator's.
//
// Error answers. SMS errors have the body {"error_code": ..., "error_msg": ...} where
// error_msg names the offending field path (for example
// "target_server.disks[0].physical_volumes[1].size must be between 0 and
// 9223372036854775807"). API-gateway errors (prefix APIGW.) add "request_id". Every
// response carries a unique X-Request-Id header. A rejected request changes nothing.
//
//	HTTP  error_code   meaning
//	400   SMS.1001     body is empty, not valid JSON, or has data after the JSON value
//	400   SMS.1002     a value has the wrong JSON type (or the body is not an object, or a
//	                   limit/offset query parameter is not an integer)
//	400   SMS.1003     a number is out of its documented range
//	400   SMS.1004     a string is too long or too short, or an array has too many items
//	400   SMS.1005     a value is not allowed (enum, name characters, IP family, HH:MM,
//	                   an empty first MAC under the current model)
//	400   SMS.1006     a mandatory field is missing, or null where null is not allowed
//	400   SMS.1007     source_server.id is not a registered source server
//	404   SMS.1008     the task does not exist
//	400   SMS.1009     the task cannot be deleted in its state (RUNNING, SYNCING, ABORTING)
//	400   SMS.1010     the action is not allowed in the task's state (or switch_hce on a
//	                   WINDOWS task), or progress is reported outside RUNNING/SYNCING
//	400   SMS.1011     current API model with RejectSeedOnlyKeys: a PUT carries a key
//	                   of the seed's update body that PutTaskReq no longer has
//	404   SMS.1012     the source server does not exist
//	404   SMS.1013     the template does not exist
//	400   SMS.6004     progress report names an invalid subtask
//	404   SMS.1101     the migration project does not exist
//	400   SMS.1102     the default migration project cannot be deleted or lose the mark
//	400   SMS.1103     the source server has a task moving data (delete refused)
//	400   SMS.1104     UpdateCopyState: copystate not allowed with that migrationcycle
//	500   SMS.9999     injected internal error, or the state could not be persisted
//	503   SMS.9998     injected "service unavailable"
//	401   APIGW.0301   incorrect IAM authentication information (signature, date, AK, token)
//	404   APIGW.0101   the API does not exist (unknown path, or method not served there)
//	429   APIGW.0308   injected throttling; the response has Retry-After: 1
package emulator

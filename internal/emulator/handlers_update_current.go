package emulator

// UpdateTask and CreateTask as the current model has them.

// updateTaskCurrent applies a PutTaskReq body. Seed-only keys are dropped (or rejected),
// the kept keys replace the stored ones as in the seed's model, and the added keys land
// where the task keeps them: enterprise_project renames enterprise_project_id, the three
// flags join the create flags, and the ID lists are kept but never shown.
func (e *Emulator) updateTaskCurrent(id string, body []byte) reply {
	obj, aerr := decodeObject(body)
	if aerr != nil {
		return fail(aerr)
	}
	if seedOnly := seedOnlyKeysIn(obj); len(seedOnly) > 0 {
		if e.opts.RejectSeedOnlyKeys {
			return fail(seedOnlyKeysRejected(seedOnly))
		}
		for _, k := range seedOnly {
			delete(obj, k)
		}
	}
	fields := requestSchema(APIModelCurrent, opUpdate)
	if aerr := validateObject("", fields, obj); aerr != nil {
		return fail(aerr)
	}
	if aerr := checkFirstMAC(obj); aerr != nil {
		return fail(aerr)
	}
	btrfsNames(obj)
	var patch taskBody
	decodeValidated(obj, fields, &patch)
	var added currentUpdateBody
	decodeValidated(obj, fields, &added)
	return e.withTask(id, true, func(rec *taskRecord, now int64) reply {
		useIPv6 := rec.Flags.UseIPv6
		if _, sent := obj["use_ipv6"]; sent {
			useIPv6 = added.UseIPv6
		}
		if patch.MigrationIP != nil {
			if aerr := checkMigrationIP(*patch.MigrationIP, useIPv6 != nil && *useIPv6); aerr != nil {
				return fail(aerr)
			}
		}
		e.applyPut(rec, obj, patch, now)
		applyAddedKeys(rec, obj, added)
		return ok(map[string]string{"id": id})
	})
}

// checkFirstMAC enforces today's "the first MAC in the list must not be empty" for
// target_server.networks: a rule across items, so it is not in taskLimits.
func checkFirstMAC(obj map[string]any) *apiError {
	ts, _ := obj["target_server"].(map[string]any)
	nics, _ := ts["networks"].([]any)
	if len(nics) == 0 {
		return nil
	}
	if first, _ := nics[0].(map[string]any); first["mac"] == "" {
		return badRequest(CodeNotAllowed, "target_server.networks[0].mac must not be empty: the first NIC needs its MAC address")
	}
	return nil
}

// applyAddedKeys stores the keys PutTaskReq added; a key sent as null clears it (except
// enterprise_project: a task always belongs to one).
func applyAddedKeys(rec *taskRecord, sent map[string]any, added currentUpdateBody) {
	set := func(key string, dst **bool, v *bool) {
		if _, ok := sent[key]; ok {
			*dst = v
		}
	}
	set("exist_server", &rec.Flags.ExistServer, added.ExistServer)
	set("use_ipv6", &rec.Flags.UseIPv6, added.UseIPv6)
	set("use_public_ip", &rec.Flags.UsePublicIP, added.UsePublicIP)
	if added.EnterpriseProject != nil {
		rec.Body.EnterpriseProjectID = added.EnterpriseProject
	}
	if rec.Extras == nil {
		rec.Extras = &putExtras{}
	}
	setStr := func(key string, dst **string, v *string) {
		if _, ok := sent[key]; ok {
			*dst = v
		}
	}
	setStr("image_disk_id", &rec.Extras.ImageDiskID, added.ImageDiskID)
	setStr("target_disk_ids", &rec.Extras.TargetDiskIDs, added.TargetDiskIDs)
	setStr("snapshot_ids", &rec.Extras.SnapshotIDs, added.SnapshotIDs)
	setStr("cutovered_snapshot_ids", &rec.Extras.CutoveredSnapshotIDs, added.CutoveredSnapshotIDs)
}

// currentCreateTaskFields is PostTask as the current model validates it: the SDK still
// marks target_server.name and vm_id mandatory, but the service accepts a target_server
// without them when vm_template_id says how to create the target (the official provider
// relies on this), so that rule is checked apart, in checkCurrentCreateTarget.
var currentCreateTaskFields = withField(createTaskFields, object("target_server",
	s255("name"),
	s255("vm_id"),
	limitedArray("disks", object("", createTargetDiskFields...)),
	array("btrfs_list", maxArray, object("", currentBtrfsFileSystemFields...)),
	limitedArray("volume_groups", object("", currentVolumeGroupFields...)),
).required())

func checkCurrentCreateTarget(obj map[string]any) *apiError {
	if tmpl, _ := obj["vm_template_id"].(string); tmpl != "" {
		return nil
	}
	ts, _ := obj["target_server"].(map[string]any)
	for _, key := range []string{"name", "vm_id"} {
		if v, ok := ts[key]; !ok || v == nil {
			return badRequest(CodeMandatoryMissing, "target_server.%s is mandatory unless vm_template_id is given", key)
		}
	}
	return nil
}

// decodeCreateTask validates a PostTask body by the emulator's model and decodes it.
func (e *Emulator) decodeCreateTask(body []byte, req *createTaskBody) *apiError {
	fields := requestSchema(e.opts.APIModel, opCreate)
	if e.opts.APIModel != APIModelCurrent {
		return decodeAndValidate(body, fields, req)
	}
	obj, aerr := decodeObject(body)
	if aerr == nil {
		aerr = validateObject("", fields, obj)
	}
	if aerr == nil {
		aerr = checkCurrentCreateTarget(obj)
	}
	if aerr != nil {
		return aerr
	}
	decodeValidated(obj, fields, req)
	return nil
}

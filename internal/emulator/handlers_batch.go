package emulator

import "slices"

// DeleteTasks and DeleteTemplates (POST .../delete with {ids}) and ShowTargetPassword.
// A batch delete applies DeleteTask's or DeleteTemplate's rule to every ID and deletes
// all of them or, when one fails, none: the answer cannot say which IDs went.

func (e *Emulator) deleteTasks(body []byte) reply { return e.deleteEach(body, e.deleteTaskLocked) }

func (e *Emulator) deleteTemplates(body []byte) reply {
	return e.deleteEach(body, func(id string) *apiError {
		if _, found := e.st.Templates[id]; !found {
			return templateNotFound(id)
		}
		delete(e.st.Templates, id)
		return nil
	})
}

// deleteEach applies del to every ID of a batch body as one change: if one fails, the
// store is put back and nothing is deleted.
func (e *Emulator) deleteEach(body []byte, del func(id string) *apiError) reply {
	ids, aerr := decodeIDs(body)
	if aerr != nil {
		return fail(aerr)
	}
	return e.mutate(func() reply {
		for _, id := range ids {
			if aerr := del(id); aerr != nil {
				return fail(aerr)
			}
		}
		return reply{status: 200}
	})
}

// deleteTaskLocked is DeleteTask's rule for one ID of a batch. Callers hold e.mu.
func (e *Emulator) deleteTaskLocked(id string) *apiError {
	rec, found := e.st.Tasks[id]
	if !found {
		return taskNotFound(id)
	}
	rec.materialize(e.clock.nowMS())
	if slices.Contains(undeletableStates, rec.state()) {
		return badRequest(CodeTaskNotDeletable, "task %s is %s and cannot be deleted; stop it first", id, rec.state())
	}
	delete(e.st.Tasks, id)
	return nil
}

// idsFields is DeleteIds, DeleteTasksReq and DeletetemplatesReq: {ids: arr<str> Y}.
var idsFields = []field{array("ids", maxArray, str("", 1, 255)).required()}

func decodeIDs(body []byte) ([]string, *apiError) {
	var b struct {
		IDs []string `json:"ids"`
	}
	if aerr := decodeAndValidate(body, idsFields, &b); aerr != nil {
		return nil, aerr
	}
	return b.IDs, nil
}

// showTargetPassword is the one call that answers a template's password in clear; show
// and list mask it (wire_templates.go). A template without one answers an empty string.
func (e *Emulator) showTargetPassword(id string) reply {
	e.mu.Lock()
	defer e.mu.Unlock()
	t, found := e.st.Templates[id]
	if !found {
		return fail(templateNotFound(id))
	}
	return ok(map[string]string{"template_id": id, "target_password": deref(t.Body.TargetPassword)})
}

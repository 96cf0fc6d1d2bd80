package emulator

import "slices"

// DeleteTasks and DeleteTemplates (POST .../delete with {ids}) and ShowTargetPassword.
// A batch delete applies DeleteTask's or DeleteTemplate's rule to every ID and deletes
// all of them or, when one fails, none: the answer cannot say which IDs went.

func (e *Emulator) deleteTasks(body []byte) reply {
	ids, aerr := decodeIDs(body)
	if aerr != nil {
		return fail(aerr)
	}
	return e.mutate(func() reply {
		now := e.clock.nowMS()
		for _, id := range ids {
			rec, found := e.st.Tasks[id]
			if !found {
				return fail(taskNotFound(id))
			}
			rec.materialize(now)
			if slices.Contains(undeletableStates, rec.state()) {
				return fail(badRequest(CodeTaskNotDeletable, "task %s is %s and cannot be deleted; stop it first", id, rec.state()))
			}
			delete(e.st.Tasks, id)
		}
		return reply{status: 200}
	})
}

func (e *Emulator) deleteTemplates(body []byte) reply {
	ids, aerr := decodeIDs(body)
	if aerr != nil {
		return fail(aerr)
	}
	return e.mutate(func() reply {
		for _, id := range ids {
			if _, found := e.st.Templates[id]; !found {
				return fail(templateNotFound(id))
			}
			delete(e.st.Templates, id)
		}
		return reply{status: 200}
	})
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

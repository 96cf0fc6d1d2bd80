package emulator

import (
	"encoding/json"
	"net/url"
)

// CreateMigproject, ListMigprojects, ShowMigproject, UpdateMigproject, DeleteMigproject
// and UpdateDefaultMigproject. An account always has exactly one default project: new
// sources register into it, it cannot be deleted, and only making another project the
// default takes the mark from it.

const defaultMigprojectName = "default"

// ensureDefaultMigproject gives a fresh store (or one saved before projects existed) the
// account's default project.
func (s *store) ensureDefaultMigproject() {
	if s.Migprojects == nil {
		s.Migprojects = map[string]*migprojectRecord{}
	}
	if _, found := s.Migprojects[s.DefaultMigproject]; found {
		return
	}
	id := newUUID()
	s.Migprojects[id] = &migprojectRecord{Seq: s.nextSeq(), ID: id, Body: migprojectBody{
		Name: defaultMigprojectName, Description: ptr("the account's default migration project"),
		Region: DefaultRegion, Type: "MIGRATE_BLOCK", StartTargetServer: ptr(true), SpeedLimit: ptr(int64(0)),
		UsePublicIP: ptr(true), ExistServer: ptr(false), Syncing: ptr(false), StartNetworkCheck: ptr(false),
		EnterpriseProject: ptr("default")}}
	s.DefaultMigproject = id
}

// shown is the project as the API answers it, with isdefault from the store.
func (s *store) shownMigproject(rec *migprojectRecord) migprojectBody {
	b := rec.Body
	b.IsDefault = ptr(rec.ID == s.DefaultMigproject)
	return b
}

func (e *Emulator) createMigproject(body []byte) reply {
	var b migprojectBody
	if aerr := decodeAndValidate(body, migprojectFields, &b); aerr != nil {
		return fail(aerr)
	}
	return e.mutate(func() reply {
		id := newUUID()
		makeDefault := b.IsDefault != nil && *b.IsDefault
		b.IsDefault = nil
		e.st.Migprojects[id] = &migprojectRecord{Seq: e.st.nextSeq(), ID: id, Body: b}
		if makeDefault {
			e.st.DefaultMigproject = id
		}
		return ok(map[string]string{"id": id})
	})
}

func (e *Emulator) listMigprojects(q url.Values) reply {
	page, aerr := newPager(q, 0)
	if aerr != nil {
		return fail(aerr)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	answer := listMigprojectsAnswer{Migprojects: []listedMigproject{}}
	for _, rec := range orderedBySeq(e.st.Migprojects, func(p *migprojectRecord) int64 { return p.Seq }) {
		if page.onPage() {
			answer.Migprojects = append(answer.Migprojects, listedMigproject{ID: rec.ID, migprojectBody: e.st.shownMigproject(rec)})
		}
	}
	answer.Count = page.count
	return ok(answer)
}

// showMigproject answers ShowMigprojectResponse, which has had no id since v0.1.186.
func (e *Emulator) showMigproject(id string) reply {
	e.mu.Lock()
	defer e.mu.Unlock()
	rec, found := e.st.Migprojects[id]
	if !found {
		return fail(migprojectNotFound(id))
	}
	return ok(e.st.shownMigproject(rec))
}

// updateMigproject merges the keys sent into the project. isdefault true makes it the
// default; false on the default is refused, as an account cannot be left without one.
func (e *Emulator) updateMigproject(id string, body []byte) reply {
	obj, aerr := decodeObject(body)
	if aerr == nil {
		aerr = validateObject("", migprojectUpdateFields, obj)
	}
	if aerr != nil {
		return fail(aerr)
	}
	sent := knownKeys(obj, migprojectUpdateFields)
	return e.mutate(func() reply {
		rec, found := e.st.Migprojects[id]
		if !found {
			return fail(migprojectNotFound(id))
		}
		if d, set := sent["isdefault"].(bool); set {
			if !d && id == e.st.DefaultMigproject {
				return fail(badRequest(CodeDefaultMigproject,
					"migration project %s is the default; make another project the default instead of clearing isdefault", id))
			}
			if d {
				e.st.DefaultMigproject = id
			}
		}
		delete(sent, "isdefault")
		merged := rawFields(rec.Body)
		for k, v := range sent {
			data, err := json.Marshal(v)
			if err != nil {
				return fail(internalError("encoding %s: %v", k, err))
			}
			merged[k] = data
		}
		var b migprojectBody
		mustRoundTrip(merged, &b)
		rec.Body = b
		return reply{status: 200}
	})
}

// deleteMigproject refuses the default project; the sources of a deleted project move
// to the default one, as they cannot be left in none. The body the official provider
// sends (["<id>"]) is ignored: the path names the project.
func (e *Emulator) deleteMigproject(id string) reply {
	return e.mutate(func() reply {
		if _, found := e.st.Migprojects[id]; !found {
			return fail(migprojectNotFound(id))
		}
		if id == e.st.DefaultMigproject {
			return fail(badRequest(CodeDefaultMigproject, "migration project %s is the default and cannot be deleted", id))
		}
		delete(e.st.Migprojects, id)
		for _, src := range e.st.Sources {
			if src.MigprojectID == id {
				src.MigprojectID = e.st.DefaultMigproject
			}
		}
		return reply{status: 200}
	})
}

func (e *Emulator) setDefaultMigproject(id string) reply {
	return e.mutate(func() reply {
		if _, found := e.st.Migprojects[id]; !found {
			return fail(migprojectNotFound(id))
		}
		e.st.DefaultMigproject = id
		return reply{status: 200}
	})
}

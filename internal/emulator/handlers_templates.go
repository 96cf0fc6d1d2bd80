package emulator

import (
	"net/url"
	"strings"
)

// CreateTemplate, ListTemplates, ShowTemplate, UpdateTemplate and DeleteTemplate. An
// update merges: the top-level keys it sends replace the stored ones, the keys it leaves
// out keep their values (the SDK leaves out every unset optional field, so a replacing
// update would wipe what a caller did not mean to touch). Disks get IDs when stored.

const defaultTemplatePageSize = 50

// decodeTemplate reads {"template": TemplateRequest}; for an update the wrapper is
// optional, as in the SDK. base is what the body's keys are laid over (the stored
// template for an update).
func decodeTemplate(body []byte, wrapperOptional bool, base templateBody) (templateBody, *apiError) {
	var t templateBody
	obj, aerr := decodeObject(body)
	if aerr != nil {
		return t, aerr
	}
	inner, wrapped := obj["template"]
	switch {
	case wrapped:
		m, isObject := inner.(map[string]any)
		if !isObject {
			return t, wrongType("template", "an object", inner)
		}
		obj = m
		if aerr := validateObject("template", templateFields, obj); aerr != nil {
			return t, aerr
		}
	case !wrapperOptional:
		return t, badRequest(CodeMandatoryMissing, "template is mandatory")
	default:
		if aerr := validateObject("", templateFields, obj); aerr != nil {
			return t, aerr
		}
	}
	merged := rawFields(base)
	for k, v := range rawFields(knownKeys(obj, templateFields)) {
		merged[k] = v
	}
	mustRoundTrip(merged, &t)
	return t, checkTemplate(&t)
}

func (e *Emulator) createTemplate(body []byte) reply {
	t, aerr := decodeTemplate(body, false, templateBody{})
	if aerr != nil {
		return fail(aerr)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.st.numberTemplateDisks(&t)
	id := newUUID()
	e.st.Templates[id] = &templateRecord{Seq: e.st.nextSeq(), ID: id, Body: t}
	if err := e.saveLocked(); err != nil {
		delete(e.st.Templates, id)
		return fail(internalError("persisting the template: %v", err))
	}
	return ok(map[string]string{"id": id})
}

func (e *Emulator) showTemplate(id string) reply {
	e.mu.Lock()
	defer e.mu.Unlock()
	t, found := e.st.Templates[id]
	if !found {
		return fail(templateNotFound(id))
	}
	return ok(map[string]any{"template": t.answer()})
}

func (e *Emulator) updateTemplate(id string, body []byte) reply {
	e.mu.Lock()
	defer e.mu.Unlock()
	rec, found := e.st.Templates[id]
	if !found {
		return fail(templateNotFound(id))
	}
	t, aerr := decodeTemplate(body, true, rec.Body)
	if aerr != nil {
		return fail(aerr)
	}
	e.st.numberTemplateDisks(&t)
	before := rec.Body
	rec.Body = t
	if err := e.saveLocked(); err != nil {
		rec.Body = before
		return fail(internalError("persisting the template: %v", err))
	}
	return reply{status: 200}
}

func (e *Emulator) deleteTemplate(id string) reply {
	e.mu.Lock()
	defer e.mu.Unlock()
	rec, found := e.st.Templates[id]
	if !found {
		return fail(templateNotFound(id))
	}
	delete(e.st.Templates, id)
	if err := e.saveLocked(); err != nil {
		e.st.Templates[id] = rec
		return fail(internalError("persisting the deletion: %v", err))
	}
	return reply{status: 200}
}

// templateFilters are ListTemplates' query filters; name matches a part of the name.
var templateFilters = []struct {
	param string
	match func(t *templateRecord, want string) bool
}{
	{"name", func(t *templateRecord, want string) bool { return strings.Contains(t.Body.Name, want) }},
	{"availability_zone", func(t *templateRecord, want string) bool { return deref(t.Body.AvailabilityZone) == want }},
	{"region", func(t *templateRecord, want string) bool { return deref(t.Body.Region) == want }},
	{"id", func(t *templateRecord, want string) bool { return t.ID == want }},
}

func (e *Emulator) listTemplates(q url.Values) reply {
	page, aerr := newPager(q, defaultTemplatePageSize)
	if aerr != nil {
		return fail(aerr)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	answer := listTemplatesAnswer{Templates: []templateAnswer{}}
	for _, t := range e.st.orderedTemplates() {
		matches := true
		for _, f := range templateFilters {
			if q.Has(f.param) && !f.match(t, q.Get(f.param)) {
				matches = false
				break
			}
		}
		if !matches {
			continue
		}
		if page.onPage() {
			answer.Templates = append(answer.Templates, t.answer())
		}
	}
	answer.Count = page.count
	return ok(answer)
}

// numberTemplateDisks gives the template's disks that have none the ID SMS would.
func (s *store) numberTemplateDisks(t *templateBody) {
	if t.Disk == nil {
		return
	}
	for i := range *t.Disk {
		if d := &(*t.Disk)[i]; d.ID == nil {
			d.ID = ptr(s.nextDiskID())
		}
	}
}

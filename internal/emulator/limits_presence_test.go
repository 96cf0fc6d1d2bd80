package emulator

import "testing"

// What is optional, generated from the same schemas: under each model, every object of a
// CreateTask or UpdateTask body is accepted with only its mandatory members (so every other
// member is optional), and refused without any one of them, with "<path> is mandatory" and
// no change to the stored state.
func TestLimits_generatedPresenceCases(t *testing.T) {
	t.Parallel()
	runGenerated(t, []taskOp{opCreate, opUpdate}, func(model APIModel, op taskOp) []boundCase {
		return presenceCases(op, "", nil, requestSchema(model, op))
	})
}

// presenceCases are, for every object below path: the object with its mandatory members
// only, and that object without each of them in turn. The top level's mandatory members
// are left out of a valid body one at a time.
func presenceCases(op taskOp, path string, steps []string, fields []field) []boundCase {
	var out []boundCase
	for _, f := range fields {
		p, s := joinPath(path, f.name), append(steps[:len(steps):len(steps)], f.name)
		if f.mandatory && path == "" {
			out = append(out, boundCase{op: op, path: p, steps: s, value: deleteKey,
				wantCode: CodeMandatoryMissing, wantMsg: p + " is mandatory"})
		}
		node, nodePath, nodeSteps := f, p, s
		if f.kind == kindArray {
			node, nodePath, nodeSteps = *f.elem, p+"[0]", append(s[:len(s)-1:len(s)-1], f.name+"[]", "")
		}
		if node.kind != kindObject {
			continue
		}
		if !crossCheckedMember(nodePath, node) {
			out = append(out, boundCase{op: op, path: nodePath, steps: nodeSteps, value: minimal(node)})
		}
		for _, m := range node.fields {
			if !m.mandatory {
				continue
			}
			without, _ := minimal(node).(map[string]any)
			delete(without, m.name)
			out = append(out, boundCase{op: op, path: nodePath, steps: nodeSteps, value: without,
				wantCode: CodeMandatoryMissing, wantMsg: joinPath(nodePath, m.name) + " is mandatory"})
		}
		if f.kind == kindArray {
			nodeSteps = nodeSteps[:len(nodeSteps)-1]
		}
		out = append(out, presenceCases(op, nodePath, nodeSteps, node.fields)...)
	}
	return out
}

// crossCheckedMember says whether a mandatory member of the object at path must pass a
// check its minimal value cannot (a registered source server ID).
func crossCheckedMember(path string, node field) bool {
	for _, m := range node.fields {
		if _, ok := crossChecked[joinPath(path, m.name)]; ok && m.mandatory {
			return true
		}
	}
	return false
}

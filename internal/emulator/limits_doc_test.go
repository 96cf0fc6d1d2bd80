package emulator

import (
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// constraintsDoc is a verbatim copy of the project's api/sms-v3-task-constraints-today.md;
// replace it when that document changes, and this test says which rows of taskLimits no
// longer match.
const constraintsDoc = "testdata/sms-v3-task-constraints-today.md"

// Every row of taskLimits states the bound its document row gives: the current column in
// the row's "today" cell, the seed column in its "seed" cell where the section has one.
func TestLimits_matchTheConstraintsDocument(t *testing.T) {
	t.Parallel()
	doc := readConstraintsDoc(t)
	for _, row := range taskLimits {
		if row.doc == (docRow{}) {
			t.Errorf("%s %s names no row of the constraints document", row.op, row.path)
			continue
		}
		cells, found := doc.row(row.doc)
		if !found {
			t.Errorf("%s %s: the document has no row %q in a section %q", row.op, row.path, row.doc.row, row.doc.section)
			continue
		}
		for column, b := range map[string]bound{"today": row.current, "seed": row.seed} {
			cell, has := cells[column]
			if !has || !b.set {
				continue
			}
			if column == "today" && strings.Contains(cell, "same alphabet as UpdateTask") {
				// CreateTask's name row refers to UpdateTask's for the pattern.
				update, _ := doc.row(docRow{"## UpdateTask body", "name"})
				cell += " " + update["today"]
			}
			for _, want := range documented(b) {
				if !strings.Contains(cell, want) {
					t.Errorf("%s %s, %s: the document's %q does not say %q", row.op, row.path, column, cell, want)
				}
			}
		}
	}
}

// documented is how the document writes a bound: "0–1000", "int64 ≥0", each allowed
// value, the pattern.
func documented(b bound) []string {
	span := func(lo, hi string) string { return lo + "–" + hi }
	var out []string
	switch {
	case len(b.enum) > 0: // the values say more than the length
		out = append(out, b.enum...)
	case b.kind == kindString && b.maxLen != noLimit:
		out = append(out, span(strconv.Itoa(b.minLen), strconv.Itoa(b.maxLen)))
	case b.kind == kindInteger && b.max == math.MaxInt64:
		out = append(out, "int64 ≥"+strconv.FormatInt(b.min, 10))
	case b.kind == kindInteger:
		out = append(out, span(strconv.FormatInt(b.min, 10), strconv.FormatInt(b.max, 10)))
	case b.kind == kindNumber && math.IsInf(b.fmax, 1):
		out = append(out, "≥"+formatFloat(b.fmin))
	case b.kind == kindNumber:
		out = append(out, span(formatFloat(b.fmin), formatFloat(b.fmax)))
	case b.kind == kindArray:
		out = append(out, span("0", strconv.Itoa(b.maxItems)))
	}
	if b.rule != nil && b.rule.doc != "" {
		out = append(out, b.rule.doc)
	}
	return out
}

// constraintsTables are the document's tables: by section heading, the rows by their
// first cell, each row's cells by its column's heading ("today", "seed", ...), with the
// bold markers dropped.
type constraintsTables map[string]map[string]map[string]string

func (d constraintsTables) row(r docRow) (map[string]string, bool) {
	for heading, rows := range d {
		if strings.HasPrefix(heading, r.section) {
			if cells, ok := rows[r.row]; ok {
				return cells, true
			}
		}
	}
	return nil, false
}

func readConstraintsDoc(t *testing.T) constraintsTables {
	t.Helper()
	data, err := os.ReadFile(constraintsDoc)
	if err != nil {
		t.Fatal(err)
	}
	tables := constraintsTables{}
	var heading string
	var columns []string
	for _, line := range strings.Split(string(data), "\n") {
		switch {
		case strings.HasPrefix(line, "## "):
			heading, columns = line, nil
			tables[heading] = map[string]map[string]string{}
		case !strings.HasPrefix(line, "|"):
			columns = nil
		case columns == nil:
			columns = tableCells(line)
		case strings.HasPrefix(line, "|---"):
		default:
			cells := tableCells(line)
			row := map[string]string{}
			for i, c := range cells {
				if i < len(columns) {
					row[columns[i]] = c
				}
			}
			tables[heading][cells[0]] = row
		}
	}
	return tables
}

func tableCells(line string) []string {
	parts := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|")
	for i, p := range parts {
		parts[i] = strings.TrimSpace(strings.ReplaceAll(p, "**", ""))
	}
	return parts
}

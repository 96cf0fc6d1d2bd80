package testcheck

import (
	"bufio"
	"os"
	"regexp"
	"strings"
	"testing"
)

// seedField is one row of a field table of the seed document.
type seedField struct {
	Name, Typ string
	Mandatory bool // the table's Mandatory column says Yes
}

var (
	seedTableHeader = regexp.MustCompile(`^Table (\d+) (.+)$`)
	seedFieldName   = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	SeedObjectType  = regexp.MustCompile(`^(?:Array of )?(\w+) objects?$`)
)

// parseSeedTables reads the field tables of the seed document (the API page of PUT
// /v3/tasks/{task_id}): table title → its rows. A row is a field name, then Yes or No
// (mandatory), then the type, each followed by a blank line.
func ParseSeedTables(t *testing.T, file string) map[string][]seedField {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			lines = append(lines, l)
		}
	}
	tables := map[string][]seedField{}
	current := ""
	for i := 0; i < len(lines); i++ {
		if m := seedTableHeader.FindStringSubmatch(lines[i]); m != nil {
			current = strings.Fields(m[2])[0]
			continue
		}
		if current == "" || i+2 >= len(lines) || !seedFieldName.MatchString(lines[i]) {
			continue
		}
		if mandatory := lines[i+1]; mandatory != "Yes" && mandatory != "No" {
			continue
		}
		tables[current] = append(tables[current], seedField{Name: lines[i], Typ: lines[i+2], Mandatory: lines[i+1] == "Yes"})
		i += 2
	}
	return tables
}

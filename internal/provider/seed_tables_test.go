package provider

import "regexp"

// seedField is one row of a field table of the seed document.
type seedField struct {
	name, typ string
	mandatory bool // the table's Mandatory column says Yes
}

var (
	seedTableHeader = regexp.MustCompile(`^Table (\d+) (.+)$`)
	seedFieldName   = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	seedObjectType  = regexp.MustCompile(`^(?:Array of )?(\w+) objects?$`)
)

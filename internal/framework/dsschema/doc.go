// Package dsschema derives data-source schemas from resource schemas and builds computed
// data-source attributes. It knows no SMS name.
package dsschema

// Package values converts between JSON, client wire structs, framework values and models,
// and walks values for plan filling. It knows no SMS name.
package values

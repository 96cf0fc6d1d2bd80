// Package values converts between JSON, framework values and models, and walks values for
// plan filling. It knows no SMS name.
package values

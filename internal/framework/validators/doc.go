// Package validators holds general attribute validators.
package validators

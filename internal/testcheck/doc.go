// Package testcheck holds assertions shared by unit and acceptance tests: diagnostic paths
// and error patterns, journal and value helpers, and the seed document's tables.
package testcheck

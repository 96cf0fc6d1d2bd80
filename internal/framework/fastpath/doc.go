// Package fastpath serves one resource type of a terraform-plugin-framework provider with
// the framework's semantics but walking each value once with its schema (see README,
// Glossary). It knows no SMS name.
package fastpath

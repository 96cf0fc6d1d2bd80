// Package conns is what every SMS resource and data source shares: the configured client
// and defaults that the provider's Configure hands down, the API-model and environment
// variable names, diagnostics for API errors, the list data sources' read, and API-wide
// limits.
package conns

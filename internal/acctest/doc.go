// Package acctest is the acceptance-test harness: an emulator per test, the in-process
// provider factories, CLI work folders and checks shared by the service packages.
package acctest

// Package sdkcheck drives the SMS emulator with the official Huawei Cloud Go SDK's SMS v3
// client, a foreign client whose models the emulator is held to. It is a module of its
// own so that the provider's go.mod never depends on the SDK; its test is the check
// (make sdk-check).
package sdkcheck

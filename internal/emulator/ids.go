package emulator

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
)

// newUUID returns a random (version 4) UUID, the form task IDs take.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// newRequestID returns a fresh X-Request-Id: 32 hex digits, like the gateway's.
func newRequestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// mustRoundTrip copies src into dst through JSON. Both are the emulator's own types, which
// always encode, so a failure is a programming error.
func mustRoundTrip(src, dst any) {
	data, err := json.Marshal(src)
	if err == nil {
		err = json.Unmarshal(data, dst)
	}
	if err != nil {
		panic(fmt.Sprintf("emulator: JSON round trip of %T: %v", src, err))
	}
}

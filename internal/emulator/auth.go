package emulator

import (
	"crypto/subtle"
	"net/http"
)

// Authentication modes recorded in the journal.
const (
	AuthModeAKSK  = "aksk"
	AuthModeToken = "token"
	AuthModeNone  = "none"
)

type authOutcome struct {
	mode           string
	signatureValid bool
	err            *apiError // 401 in the gateway's shape, or nil
}

// authenticate accepts an X-Auth-Token from the configured list, or an SDK-HMAC-SHA256
// signature by a configured AK/SK. A token, when sent, is what counts.
func (e *Emulator) authenticate(r *http.Request, body []byte) authOutcome {
	if token := r.Header.Get("X-Auth-Token"); token != "" {
		for _, t := range e.tokens {
			if subtle.ConstantTimeCompare([]byte(t), []byte(token)) == 1 {
				return authOutcome{mode: AuthModeToken}
			}
		}
		return authOutcome{mode: AuthModeToken, err: authFailed("the X-Auth-Token is not valid")}
	}
	if r.Header.Get("Authorization") != "" {
		if err := e.verifier.verify(r, body); err != nil {
			return authOutcome{mode: AuthModeAKSK, err: authFailed(err.Error())}
		}
		return authOutcome{mode: AuthModeAKSK, signatureValid: true}
	}
	return authOutcome{mode: AuthModeNone, err: authFailed("the request has neither an Authorization header nor an X-Auth-Token")}
}

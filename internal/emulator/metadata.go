package emulator

import "net/http"

// The metadata calls: ListApiVersion (GET /), ShowApiVersion (GET /v3), ShowConfig
// (the Agent's settings) and the privacy agreement.

// apiVersion is Version. updated is a fixed date: the emulator's API does not change.
type apiVersion struct {
	ID      string        `json:"id"`
	Status  string        `json:"status"`
	Updated string        `json:"updated"`
	Links   []versionLink `json:"links"`
}

type versionLink struct {
	Href string `json:"href"`
	Rel  string `json:"rel"`
}

// apiVersions answers GET / with {versions} and GET /v3 with the version's fields flat:
// the SDK decodes a {"version": ...} wrapper into an empty response. The self link is
// the URL the client reached the emulator by.
func apiVersions(r *http.Request) reply {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	v3 := apiVersion{ID: "v3", Status: "SUPPORTED", Updated: "2024-01-01T00:00:00Z",
		Links: []versionLink{{Href: scheme + "://" + r.Host + "/v3", Rel: "self"}}}
	if r.URL.Path == "/" {
		return ok(map[string][]apiVersion{"versions": {v3}})
	}
	return ok(v3)
}

// showConfig answers the Agent's settings. Every value is a string: the SDK's map of
// strings fails on anything else.
func (e *Emulator) showConfig() reply {
	return ok(map[string]any{
		"config": map[string]string{"mainRegion": DefaultRegion, "obs_domain": "obs.example.invalid",
			"disktype": "SAS,SSD,GPSSD,ESSD", "process_and_it": "false"},
		"regions": []map[string]string{{"id": DefaultRegion, "name": DefaultRegion}},
	})
}

func (e *Emulator) showPrivacyAgreements() reply {
	e.mu.Lock()
	defer e.mu.Unlock()
	return ok(map[string]bool{"flag": e.st.PrivacyAgreed})
}

// createPrivacyAgreements records the account's acceptance; there is no call to withdraw
// it. Any body (the SDK sends none, the provider {}) is ignored.
func (e *Emulator) createPrivacyAgreements() reply {
	return e.mutate(func() reply {
		e.st.PrivacyAgreed = true
		return reply{status: 200}
	})
}

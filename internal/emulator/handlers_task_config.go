package emulator

import (
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"slices"
)

// UploadSpecialConfigurationSetting / ShowConfigSetting (the task's advanced settings)
// and ShowPassphrase.

var configKeys = []string{"MIGRATE_EXCLUDE_DIR", "SYNC_EXCLUDE_DIR", "ONLY_SYNC_DIR", "CONSISTENCY_DIR",
	"CONSISTENCY_DIR_ILLEGAL", "LINUX_BLOCK_COMPRESS_THREAD_NUM", "LINUX_BLOCK_CACHE_SIZE", "MIGRATE_DST_IP",
	"LINUX_CPU_LIMIT", "LINUX_MEM_LIMIT", "LINUX_IO_LIMIT", "NUM_PROCESS_MIGRATE", "NUM_PROCESS_SYNC",
	"CONSISTENCY_RECHECK", "CONSISTENCY_MODE", "DYNAMIC_PORT"}

// configBody is ConfigBody.
type configBody struct {
	ConfigKey    string  `json:"config_key"`
	ConfigValue  string  `json:"config_value"`
	ConfigStatus *string `json:"config_status,omitempty"`
}

type configurationsBody struct {
	Configurations []configBody `json:"configurations"`
}

var configurationFields = []field{
	array("configurations", maxArray, object("",
		s255("config_key").oneOf(configKeys...).required(),
		str("config_value", 0, -1).required(),
		s255("config_status"),
	)).required(),
}

// setConfigurations stores the posted list as the task's whole configuration: a key
// left out is no longer set. A key given twice is refused.
func (e *Emulator) setConfigurations(id string, body []byte) reply {
	var req configurationsBody
	if aerr := decodeAndValidate(body, configurationFields, &req); aerr != nil {
		return fail(aerr)
	}
	for i, c := range req.Configurations {
		if j := slices.IndexFunc(req.Configurations[:i], func(o configBody) bool { return o.ConfigKey == c.ConfigKey }); j >= 0 {
			return fail(badRequest(CodeNotAllowed, "configurations[%d].config_key %s is already given in configurations[%d]", i, c.ConfigKey, j))
		}
	}
	configs := slices.Clone(req.Configurations)
	return e.withTask(id, true, func(rec *taskRecord, _ int64) reply {
		rec.Configurations = &configs
		return reply{status: 200}
	})
}

func (e *Emulator) showConfigurations(id string, q url.Values) reply {
	return e.withTask(id, false, func(rec *taskRecord, _ int64) reply {
		configs := []configBody{}
		if rec.Configurations != nil {
			for _, c := range *rec.Configurations {
				if !q.Has("config_key") || c.ConfigKey == q.Get("config_key") {
					configs = append(configs, c)
				}
			}
		}
		return ok(map[string]any{"task_id": id, "migrate_type": migrateType(rec), "configurations": configs})
	})
}

// migrateType is ShowConfigSetting's WINDOWS_MIGRATE_BLOCK, LINUX_MIGRATE_FILE or
// LINUX_MIGRATE_BLOCK (a Windows migration is always block-level).
func migrateType(rec *taskRecord) string {
	if rec.osType() == "WINDOWS" {
		return "WINDOWS_MIGRATE_BLOCK"
	}
	return "LINUX_" + deref(rec.Body.Type)
}

// showPassphrase returns the task's certificate passphrase, made on first use.
func (e *Emulator) showPassphrase(id string) reply {
	return e.withTask(id, true, func(rec *taskRecord, _ int64) reply {
		if rec.Passphrase == "" {
			var b [16]byte
			_, _ = rand.Read(b[:])
			rec.Passphrase = hex.EncodeToString(b[:])
		}
		return ok(map[string]string{"task_id": id, "passphrase": rec.Passphrase})
	})
}

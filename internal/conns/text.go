package conns

import "slices"

// backtickList renders values as `A`, `B`, ... for documentation (envList's rendering).
func BacktickList(values []string) string {
	return EnvList(values)
}

func JoinQuoted(values []string) string {
	out := ""
	for i, v := range values {
		if i > 0 {
			out += "`, `"
		}
		out += v
	}
	return out
}

func SortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

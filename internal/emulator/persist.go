package emulator

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// loadStore reads the data file; a missing file is an empty store.
func loadStore(path string) (*store, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return newStore(), nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading emulator data file: %w", err)
	}
	st := newStore()
	if err := json.Unmarshal(data, st); err != nil {
		return nil, fmt.Errorf("decoding emulator data file %s: %w", path, err)
	}
	if st.Tasks == nil {
		st.Tasks = map[string]*taskRecord{}
	}
	if st.Templates == nil {
		st.Templates = map[string]*templateRecord{}
	}
	return st, nil
}

// saveLocked writes the whole state to the data file, if there is one. Callers hold e.mu.
func (e *Emulator) saveLocked() error {
	if e.opts.DataFile == "" {
		return nil
	}
	e.st.SimNowMS = e.clock.nowMS()
	data, err := json.MarshalIndent(e.st, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding emulator state: %w", err)
	}
	return WriteFileAtomic(e.opts.DataFile, data, 0o600)
}

// WriteFileAtomic replaces path with data so that a reader (or a crash) sees either the old
// or the new content, never a mix: it writes a temporary file in the same directory, syncs
// it, renames it over path and syncs the directory.
func WriteFileAtomic(path string, data []byte, perm fs.FileMode) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		_ = tmp.Close()
		return err
	}
	if err = tmp.Chmod(perm); err != nil {
		_ = tmp.Close()
		return err
	}
	if err = tmp.Sync(); err != nil {
		_ = tmp.Close()
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	// The rename is durable only once the directory entry is; not every platform lets a
	// directory be synced, so a failure here is not an error.
	if d, derr := os.Open(dir); derr == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}

package fetch

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// FileState is a [State] kept in a small JSON file, rewritten whole (to a
// temporary file, then renamed) on every Save, so that a crash leaves the
// old file or the new one. It is for one process at a time: two processes
// saving to one file keep only the last one's view. A FileState is safe for
// concurrent use.
type FileState struct {
	path string
	mu   sync.Mutex
	m    map[string]validators
}

type validators struct {
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	Saved        time.Time `json:"saved"`
}

// OpenFileState reads the state at path; a missing file is an empty state.
// A file that cannot be read as a state is reported, so that a typo in a
// flag does not silently lose it.
func OpenFileState(path string) (*FileState, error) {
	s := &FileState{path: path, m: map[string]validators{}}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, &s.m); err != nil {
		return nil, fmt.Errorf("%s: not a fetch state: %w", path, err)
	}
	return s, nil
}

// Lookup returns the validators saved for url.
func (s *FileState) Lookup(_ context.Context, url string) (string, string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v := s.m[url]
	return v.ETag, v.LastModified, nil
}

// Save records the validators of url and writes the file.
func (s *FileState) Save(_ context.Context, url, etag, lastModified string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[url] = validators{ETag: etag, LastModified: lastModified, Saved: time.Now().UTC().Truncate(time.Second)}
	data, err := json.MarshalIndent(s.m, "", "\t")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(s.path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(s.path), filepath.Base(s.path)+".tmp*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), s.path)
}

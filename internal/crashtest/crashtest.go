// Package crashtest checks that a writer survives SIGKILL: it runs a
// command that fills a store, kills it with SIGKILL at a random moment,
// runs it again to the end, and compares the store with the one a clean
// run leaves. Any writer can use it — the store's bulk writer, "farabi
// recode", "farabi ingest" — by saying how to prepare a fresh store, which
// command writes, and how to summarize a store.
package crashtest

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Case is one crash test.
type Case struct {
	// Prepare makes the starting state in a new empty directory and
	// returns the store's location there.
	Prepare func(dir string) (loc string, err error)
	// Command returns the writer to run against loc; it must finish the
	// work when run again after a kill (idempotent, resumable).
	Command func(loc string) *exec.Cmd
	// Snapshot summarizes a store so that two stores holding the same
	// data give the same text (no IDs, no times).
	Snapshot func(loc string) (string, error)
	// Runs is how many kills to try (default 20).
	Runs int
	// Seed makes the kill moments reproducible.
	Seed uint64
}

// Result is what one run did.
type Result struct {
	KilledAfter time.Duration
	Killed      bool // the writer was still running when killed
	Equal       bool // the store after the rerun equals the clean run's
	Rerun       time.Duration
}

// Run runs the clean writer once, then c.Runs times kills a writer at a
// moment drawn uniformly from the clean run's duration and reruns it to
// the end. It reports a mismatch with t.Errorf and returns every run's
// result.
func Run(t *testing.T, c Case) []Result {
	t.Helper()
	if c.Runs == 0 {
		c.Runs = 20
	}
	r := rand.New(rand.NewPCG(c.Seed, 0x2545f4914f6cdd1d))
	root := t.TempDir()
	cleanLoc, err := c.Prepare(mkdir(t, root, "clean"))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := run(c.Command(cleanLoc)); err != nil {
		t.Fatalf("clean run: %v", err)
	}
	clean := time.Since(start)
	want, err := c.Snapshot(cleanLoc)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("clean run: %.2fs", clean.Seconds())
	var out []Result
	for i := range c.Runs {
		loc, err := c.Prepare(mkdir(t, root, fmt.Sprintf("run%02d", i)))
		if err != nil {
			t.Fatal(err)
		}
		res := Result{KilledAfter: time.Duration(float64(clean) * (0.02 + 0.96*r.Float64()))}
		// A writer that ends before its kill (the host got faster) is run
		// again on a fresh store with half the delay, up to three times.
		for try := 0; try < 4 && !res.Killed; try++ {
			if try > 0 {
				cleanup(root, loc)
				if loc, err = c.Prepare(mkdir(t, root, fmt.Sprintf("run%02d-%d", i, try))); err != nil {
					t.Fatal(err)
				}
				res.KilledAfter /= 2
			}
			cmd := c.Command(loc)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-time.After(res.KilledAfter):
				res.Killed = true
				cmd.Process.Signal(syscall.SIGKILL)
				<-done
			case err := <-done:
				if err != nil {
					t.Fatalf("run %d ended before the kill: %v\n%s", i, err, stderr.String())
				}
			}
		}
		t0 := time.Now()
		if err := run(c.Command(loc)); err != nil {
			t.Fatalf("run %d: rerun after the kill: %v", i, err)
		}
		res.Rerun = time.Since(t0)
		got, err := c.Snapshot(loc)
		if err != nil {
			t.Fatal(err)
		}
		res.Equal = got == want
		if !res.Equal {
			t.Errorf("run %d (killed after %v): the store differs from a clean run's:\n%s", i, res.KilledAfter, diff(want, got))
		}
		out = append(out, res)
		cleanup(root, loc)
	}
	killed, equal := 0, 0
	for _, res := range out {
		if res.Killed {
			killed++
		}
		if res.Equal {
			equal++
		}
	}
	t.Logf("%d runs: %d killed mid-write, %d equal to the clean run after a rerun", len(out), killed, equal)
	return out
}

// cleanup removes a run's directory when its store is a file under root.
func cleanup(root, loc string) {
	if strings.HasPrefix(loc, root+string(filepath.Separator)) {
		os.RemoveAll(filepath.Dir(loc))
	}
}

func mkdir(t *testing.T, root, name string) string {
	dir := filepath.Join(root, name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func run(cmd *exec.Cmd) error {
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%v: %v\n%s", cmd.Args, err, stderr.String())
	}
	return nil
}

// diff shows the first lines where two snapshots differ.
func diff(want, got string) string {
	wl, gl := bytes.Split([]byte(want), []byte("\n")), bytes.Split([]byte(got), []byte("\n"))
	var b bytes.Buffer
	n := 0
	for i := 0; i < max(len(wl), len(gl)) && n < 10; i++ {
		var w, g []byte
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if !bytes.Equal(w, g) {
			fmt.Fprintf(&b, "line %d:\n  clean:  %s\n  killed: %s\n", i+1, w, g)
			n++
		}
	}
	return b.String()
}

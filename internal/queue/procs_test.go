package queue

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"farabi/internal/newsgen"
	"farabi/internal/store"
	"farabi/internal/store/storetest"
)

// Helpers of the multi-process tests: binaries built from the module,
// processes with their output in files, a throwaway PostgreSQL server and
// nats-server configurations, all on loopback.

var (
	binOnce            sync.Once
	binDir, binErr     = "", error(nil)
	farabiBin, natsBin string
)

// binaries builds farabi and nats-server (from the module's copy of
// github.com/nats-io/nats-server/v2) once per test binary.
func binaries(t *testing.T) (farabi, natsServer string) {
	t.Helper()
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "farabi-queue-bin")
		if binErr != nil {
			return
		}
		gobin, err := exec.LookPath("go")
		if err != nil {
			binErr = fmt.Errorf("the go command builds the test's binaries: %w", err)
			return
		}
		for _, b := range []struct{ out, pkg string }{{"farabi", "farabi/cmd/farabi"}, {"nats-server", "github.com/nats-io/nats-server/v2"}} {
			cmd := exec.Command(gobin, "build", "-o", filepath.Join(binDir, b.out), b.pkg)
			cmd.Dir = "../.."
			if out, err := cmd.CombinedOutput(); err != nil {
				binErr = fmt.Errorf("go build %s: %v\n%s", b.pkg, err, out)
				return
			}
		}
		farabiBin, natsBin = filepath.Join(binDir, "farabi"), filepath.Join(binDir, "nats-server")
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return farabiBin, natsBin
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// proc is a process started by a test, its output going to a file.
type proc struct {
	name string
	cmd  *exec.Cmd
	log  string
	done chan struct{}
	err  error
}

func startProc(t *testing.T, dir, name, bin string, args ...string) *proc {
	t.Helper()
	return startProcEnv(t, dir, name, nil, bin, args...)
}

// startProcEnv starts a process with env added to the test's environment.
func startProcEnv(t *testing.T, dir, name string, env []string, bin string, args ...string) *proc {
	t.Helper()
	p := &proc{name: name, log: filepath.Join(dir, name+".log"), done: make(chan struct{})}
	f, err := os.OpenFile(p.log, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	p.cmd = exec.Command(bin, args...)
	p.cmd.Stdout, p.cmd.Stderr = f, f
	if env != nil {
		p.cmd.Env = append(os.Environ(), env...)
	}
	if err := p.cmd.Start(); err != nil {
		f.Close()
		t.Fatal(err)
	}
	go func() {
		p.err = p.cmd.Wait()
		f.Close()
		close(p.done)
	}()
	t.Cleanup(func() { p.kill() })
	return p
}

// kill ends the process with SIGKILL and waits for it.
func (p *proc) kill() {
	select {
	case <-p.done:
		return
	default:
	}
	p.cmd.Process.Signal(syscall.SIGKILL)
	<-p.done
}

// stop ends the process with SIGTERM, waiting up to a minute, and returns
// its exit error.
func (p *proc) stop() error {
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(time.Minute):
		p.kill()
		return fmt.Errorf("%s did not stop within a minute of SIGTERM", p.name)
	}
	return p.err
}

// output returns what the process wrote.
func (p *proc) output() string {
	b, _ := os.ReadFile(p.log)
	return string(b)
}

// freePort returns a loopback port free at the moment.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// pgServer is a throwaway PostgreSQL server on loopback that a test can
// stop and start again.
type pgServer struct {
	bin, dir string
	port     int
	run      []string // runuser -u postgres -- when running as root
}

// startPostgres starts a PostgreSQL server in a new directory (as
// .ci/postgres.sh does), or skips the test when PostgreSQL is not
// installed.
func startPostgres(t *testing.T) *pgServer {
	t.Helper()
	bins, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	if len(bins) == 0 {
		t.Skip("PostgreSQL is not installed (/usr/lib/postgresql/*/bin): apt-get install postgresql")
	}
	p := &pgServer{bin: bins[len(bins)-1], port: freePort(t)}
	var err error
	if p.dir, err = os.MkdirTemp("", "farabi-drill-pg"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(p.dir) })
	os.Chmod(p.dir, 0o755)
	if os.Getuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			t.Skip("running as root without a postgres user to run PostgreSQL as")
		}
		uid, _ := strconv.Atoi(u.Uid)
		os.Chown(p.dir, uid, -1)
		p.run = []string{"runuser", "-u", "postgres", "--"}
	}
	if out, err := p.cmd("initdb", "-D", p.dir+"/data", "-U", "farabi", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8").CombinedOutput(); err != nil {
		t.Fatalf("initdb: %v\n%s", err, out)
	}
	if err := p.start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.stop("fast") })
	return p
}

func (p *pgServer) cmd(tool string, args ...string) *exec.Cmd {
	all := append(append(append([]string{}, p.run...), filepath.Join(p.bin, tool)), args...)
	return exec.Command(all[0], all[1:]...)
}

func (p *pgServer) start() error {
	out, err := p.cmd("pg_ctl", "-D", p.dir+"/data", "-l", p.dir+"/server.log", "-w", "-t", "60", "-o",
		fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off", p.port, p.dir), "start").CombinedOutput()
	if err != nil {
		return fmt.Errorf("pg_ctl start: %v\n%s", err, out)
	}
	return nil
}

// stop stops the server: mode "immediate" is a crash (no shutdown
// checkpoint, clients cut off), "fast" a clean stop.
func (p *pgServer) stop(mode string) error {
	out, err := p.cmd("pg_ctl", "-D", p.dir+"/data", "-m", mode, "-w", "stop").CombinedOutput()
	if err != nil {
		return fmt.Errorf("pg_ctl stop: %v\n%s", err, out)
	}
	return nil
}

// database makes a new database and returns its URL.
func (p *pgServer) database(t *testing.T, name string) string {
	t.Helper()
	base := fmt.Sprintf("postgres://farabi@127.0.0.1:%d/", p.port)
	c, err := pgx.Connect(context.Background(), base+"postgres?sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(context.Background())
	if _, err := c.Exec(context.Background(), "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	return base + name + "?sslmode=disable"
}

// natsConfig writes a nats-server configuration: a JetStream server on a
// loopback port keeping its streams under dir, in a cluster when routes
// are given.
func natsConfig(t *testing.T, dir, name string, port, clusterPort int, routes []int) string {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "server_name: %s\nlisten: 127.0.0.1:%d\nmax_payload: 8MB\njetstream { store_dir: %q }\n",
		name, port, filepath.Join(dir, name))
	if clusterPort > 0 {
		fmt.Fprintf(&b, "cluster {\n  name: farabi\n  listen: 127.0.0.1:%d\n  routes: [", clusterPort)
		for i, r := range routes {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "nats://127.0.0.1:%d", r)
		}
		b.WriteString("]\n}\n")
	}
	path := filepath.Join(dir, name+".conf")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// jsonlStories writes n newsgen stories as JSON lines to path.
func jsonlStories(t *testing.T, path string, n int, seed uint64) {
	t.Helper()
	var b strings.Builder
	newsgen.WriteJSONL(&b, n*7, seed)
	lines := strings.SplitAfter(b.String(), "\n")
	if len(lines) < n {
		t.Fatalf("newsgen wrote %d stories, want %d", len(lines), n)
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines[:n], "")), 0o644); err != nil {
		t.Fatal(err)
	}
}

// snapshotAt opens the store at loc and returns its snapshot.
func snapshotAt(t *testing.T, loc string) (string, store.Stats) {
	t.Helper()
	st, err := store.Open(context.Background(), loc)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := storetest.Snapshot(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	stats, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s, stats
}

// runFarabi runs farabi to the end and returns its output.
func runFarabi(t *testing.T, args ...string) string {
	t.Helper()
	bin, _ := binaries(t)
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("farabi %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

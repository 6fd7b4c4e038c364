package queue

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// drillArticles is how many articles the drill runs through the queue:
// FARABI_DRILL_ARTICLES, default 600.
func drillArticles() int {
	if n, err := strconv.Atoi(os.Getenv("FARABI_DRILL_ARTICLES")); err == nil && n >= 30 {
		return n
	}
	return 600
}

// TestDrill runs the whole path with separate processes on loopback — a
// nats-server built from the module, three "farabi worker" processes, a
// PostgreSQL server, "farabi ingest --queue" — through three failures: a
// worker killed with SIGKILL while it holds messages, the NATS server
// killed and started again, PostgreSQL stopped (immediate mode) for 10
// seconds. Afterwards the store must equal what one "farabi ingest" of
// the same input makes: no article lost, none stored twice.
func TestDrill(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-process drill")
	}
	pg := startPostgres(t)
	farabi, natsServer := binaries(t)
	dir := t.TempDir()
	n := drillArticles()
	a, b := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	jsonlStories(t, filepath.Join(dir, "all.jsonl"), n, 2026)
	all, _ := os.ReadFile(filepath.Join(dir, "all.jsonl"))
	lines := strings.SplitAfter(string(all), "\n")
	os.WriteFile(a, []byte(strings.Join(lines[:n/2], "")), 0o644)
	os.WriteFile(b, []byte(strings.Join(lines[n/2:], "")), 0o644)

	refDB, db := pg.database(t, "reference"), pg.database(t, "drill")
	start := time.Now()
	t.Logf("reference: %s", strings.TrimSpace(runFarabi(t, "ingest", "--db", refDB, a, b)))
	t.Logf("reference took %v", time.Since(start).Round(time.Millisecond))

	port := freePort(t)
	url := fmt.Sprintf("nats://127.0.0.1:%d", port)
	conf := natsConfig(t, dir, "nats", port, 0, nil)
	srv := startProc(t, dir, "nats-server", natsServer, "-c", conf)
	nc, err := Connect(url, "drill", nil)
	for try := 0; err != nil && try < 50; try++ {
		time.Sleep(100 * time.Millisecond)
		nc, err = Connect(url, "drill", nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, err := Setup(context.Background(), nc, Config{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("publish a: %s", strings.TrimSpace(runFarabi(t, "ingest", "--queue", url, a)))
	again := runFarabi(t, "ingest", "--queue", url, a)
	t.Logf("publish a again: %s", strings.TrimSpace(again))
	if !strings.Contains(again, fmt.Sprintf("0 articles published to FARABI, %d already there", n/2)) {
		t.Errorf("the second publish was not dropped whole: %s", again)
	}

	workerArgs := []string{"worker", "--queue", url, "--db", db, "--workers", "1", "--batch", "16", "--ack-wait", "5s"}
	workers := []*proc{}
	for i := 1; i <= 3; i++ {
		workers = append(workers, startProc(t, dir, fmt.Sprintf("worker%d", i), farabi, workerArgs...))
	}
	waitDone := func(what string, done uint64) Status {
		t.Helper()
		deadline := time.Now().Add(4 * time.Minute)
		for {
			st, err := ReadStatus(context.Background(), js)
			if err == nil && st.Done >= done {
				return st
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: %d done after 4 minutes (%+v, %v)\n%s", what, st.Done, st, err, tails(workers))
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	drillStart := time.Now()

	// 1. A worker killed while it holds messages.
	st := waitDone("kill", uint64(n/6))
	held := heldBy(t, js)
	workers[0].kill()
	t.Logf("drill 1: worker1 killed with SIGKILL at %d done, %d messages in flight over the workers", st.Done, held)

	// 2. The NATS server killed and started again on the same storage.
	st = waitDone("nats restart", uint64(n/3))
	srv.kill()
	down := time.Now()
	time.Sleep(2 * time.Second)
	startProc(t, dir, "nats-server", natsServer, "-c", conf) // the test's cleanup stops it
	workers = append(workers, startProc(t, dir, "worker4", farabi, workerArgs...))
	t.Logf("drill 2: nats-server killed at %d done, started again after %v; worker4 started", st.Done, time.Since(down).Round(time.Millisecond))
	for try := 0; try < 100; try++ { // the server is up
		if _, err := ReadStatus(context.Background(), js); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Logf("publish b: %s", strings.TrimSpace(runFarabi(t, "ingest", "--queue", url, b)))

	// 3. PostgreSQL down for 10 s.
	st = waitDone("postgres stop", uint64(n/2+n/6))
	if err := pg.stop("immediate"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(10 * time.Second)
	if err := pg.start(); err != nil {
		t.Fatal(err)
	}
	t.Logf("drill 3: PostgreSQL stopped (immediate) at %d done, started again 10 s later", st.Done)

	deadline := time.Now().Add(4 * time.Minute)
	for {
		st, err = ReadStatus(context.Background(), js)
		if err == nil && st.Waiting == 0 && st.Published == uint64(n) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("queue not empty after 4 minutes: %+v, %v\n%s", st, err, tails(workers))
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Logf("queue empty %v after the workers started: %d published, %d done, %d dead letters",
		time.Since(drillStart).Round(time.Millisecond), st.Published, st.Done, st.Failed)
	var stored, dups, back int
	for _, w := range workers[1:] {
		if err := w.stop(); err != nil {
			t.Errorf("%s: %v\n%s", w.name, err, w.output())
		}
		m := regexp.MustCompile(`worker: (\d+) articles stored, (\d+) already stored, \d+ skipped, \d+ re-coded, (\d+) dead letters, (\d+) handed back`).FindStringSubmatch(w.output())
		if m == nil {
			t.Errorf("%s printed no summary:\n%s", w.name, tail(w.output(), 20))
			continue
		}
		s, _ := strconv.Atoi(m[1])
		d, _ := strconv.Atoi(m[2])
		k, _ := strconv.Atoi(m[4])
		stored, dups, back = stored+s, dups+d, back+k
		t.Logf("%s: %s", w.name, strings.TrimSpace(m[0]))
	}
	t.Logf("surviving workers: %d stored, %d found already stored (delivered again), %d handed back; worker1 stored the rest before its kill",
		stored, dups, back)
	if st.Failed != 0 {
		dead, _ := DeadLetters(context.Background(), js, 10)
		t.Errorf("%d dead letters: %+v", st.Failed, dead)
	}
	want, wantStats := snapshotAt(t, refDB)
	got, gotStats := snapshotAt(t, db)
	t.Logf("store: %d articles, %d events (reference %d, %d)", gotStats.Articles, gotStats.Events, wantStats.Articles, wantStats.Events)
	if got != want {
		t.Errorf("the store after the drills differs from one process's ingest:\n%s", firstDiff(want, got))
	}
}

// heldBy returns the messages delivered and not yet acknowledged.
func heldBy(t *testing.T, js jetstream.JetStream) int {
	st, err := ReadStatus(context.Background(), js)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range st.Consumers {
		n += c.InFlight
	}
	return n
}

func tails(ps []*proc) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "--- %s\n%s\n", p.name, tail(p.output(), 15))
	}
	return b.String()
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// TestCluster runs the queue on a three-node JetStream cluster on
// loopback (nats-server processes built from the module), streams with
// three replicas, and kills the work stream's leader with SIGKILL after
// half the articles are published: the other half is published and all
// are coded and stored as one process would.
func TestCluster(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-process cluster")
	}
	_, natsServer := binaries(t)
	dir := t.TempDir()
	var ports, cports [3]int
	for i := range ports {
		ports[i], cports[i] = freePort(t), freePort(t)
	}
	nodes := map[string]*proc{}
	var urls []string
	for i := range ports {
		var routes []int
		for j := range cports {
			if j != i {
				routes = append(routes, cports[j])
			}
		}
		name := fmt.Sprintf("n%d", i+1)
		nodes[name] = startProc(t, dir, name, natsServer, "-c", natsConfig(t, dir, name, ports[i], cports[i], routes))
		urls = append(urls, fmt.Sprintf("nats://127.0.0.1:%d", ports[i]))
	}
	nc, err := Connect(strings.Join(urls, ","), "cluster", nil)
	for try := 0; err != nil && try < 50; try++ {
		time.Sleep(100 * time.Millisecond)
		nc, err = Connect(strings.Join(urls, ","), "cluster", nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	ctx := context.Background()
	start := time.Now()
	js, err := Setup(ctx, nc, Config{Replicas: 3})
	if err != nil {
		t.Fatalf("%v\n%s", err, tail(nodes["n1"].output(), 20))
	}
	t.Logf("cluster formed and streams made in %v", time.Since(start).Round(time.Millisecond))
	docs := stories(120, 7)
	want := reference(t, docs)
	publish(t, js, docs[:60])
	s, err := js.Stream(ctx, Stream)
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(ctx)
	if err != nil || info.Cluster == nil {
		t.Fatalf("stream info %+v, %v", info, err)
	}
	leader := info.Cluster.Leader
	nodes[leader].kill()
	killed := time.Now()
	c := publish(t, js, docs[60:])
	t.Logf("stream leader %s killed with SIGKILL; the other 60 articles published %v later (%d publishes retried)",
		leader, time.Since(killed).Round(time.Millisecond), c.Retried)
	st := openSQLite(t)
	w := NewWorker(js, st, loadEngine(t), WorkerOptions{Workers: 2, Idle: 500 * time.Millisecond, Log: testLog(t)})
	drain(t, js, w)
	info, err = s.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var peers []string
	for _, r := range info.Cluster.Replicas {
		peers = append(peers, fmt.Sprintf("%s (current %v, offline %v, seen %v ago)", r.Name, r.Current, r.Offline, r.Active.Round(time.Second)))
	}
	t.Logf("after: leader %s, peers %s; %d stored, %d waiting", info.Cluster.Leader, strings.Join(peers, ", "),
		w.Counts().Stored, info.State.Msgs)
	if info.Config.Replicas != 3 || info.Cluster.Leader == leader {
		t.Errorf("stream after the kill: %d replicas, leader %s", info.Config.Replicas, info.Cluster.Leader)
	}
	if got := snapshot(t, st); got != want {
		t.Errorf("the store differs from one process's ingest:\n%s", firstDiff(want, got))
	}
}

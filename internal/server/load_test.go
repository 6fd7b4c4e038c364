package server

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"farabi/internal/store"
	"farabi/internal/store/storetest"
)

// TestLoad measures the API's latency under a bounded load on loopback:
// it fills the store named by FARABI_LOAD_DB (a SQLite file or a
// postgres:// URL) with FARABI_LOAD_EVENTS synthetic events when it holds
// fewer, serves it on a loopback port, and has FARABI_LOAD_CLIENTS clients
// (default 50) call one route after another for FARABI_LOAD_SECONDS each
// (default 60), with varied actors, partners and windows, printing p50,
// p90, p99 and the rate per route. With FARABI_LOAD_RATE each client sends
// that many requests a second on a fixed schedule (a bounded load; the
// latency counts from the scheduled moment, so a slow server is not
// excused by sending less); without it each sends its next request as
// soon as the last is answered (the server's saturation). FARABI_LOAD_CACHE
// (e.g. 30s) turns the answer cache on, as farabi serve has it.
//
//	FARABI_LOAD_DB=/tmp/load.db FARABI_LOAD_EVENTS=1000000 go test ./internal/server -run TestLoad -v -timeout 3h
func TestLoad(t *testing.T) {
	loc := os.Getenv("FARABI_LOAD_DB")
	if loc == "" {
		t.Skip("set FARABI_LOAD_DB (and FARABI_LOAD_EVENTS) to measure latency under load")
	}
	want, _ := strconv.Atoi(os.Getenv("FARABI_LOAD_EVENTS"))
	clients := envInt("FARABI_LOAD_CLIENTS", 50)
	rate, _ := strconv.ParseFloat(os.Getenv("FARABI_LOAD_RATE"), 64)
	seconds := envInt("FARABI_LOAD_SECONDS", 60)
	ctx := context.Background()
	st, err := store.Open(ctx, loc)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fillStore(t, st, want)
	ttl, _ := time.ParseDuration(os.Getenv("FARABI_LOAD_CACHE"))
	srv, err := New(Deps{Store: st, Limits: Limits{CacheTTL: ttl}})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := srv.HTTPServer(ln.Addr().String())
	go hs.Serve(ln)
	defer hs.Close()
	base := "http://" + ln.Addr().String()
	first, last, _ := st.Span(ctx)
	t.Logf("%s store, events from %s to %s; %d clients, %d s a route, %v requests/s a client (0: closed loop), cache %v, GOMAXPROCS %d",
		st.Kind(), first, last, clients, seconds, rate, ttl, runtimeProcs())
	lastDay, _ := time.Parse("2006-01-02", last)
	partners := storetest.Partners
	routes := []struct {
		name string
		url  func(r *rand.Rand) string
	}{
		{"events", func(r *rand.Rand) string {
			a := partners[r.IntN(len(partners))]
			since := lastDay.AddDate(0, 0, -r.IntN(700)).Format("2006-01-02")
			u := fmt.Sprintf("/api/v1/events?actor=%s&since=%s&limit=50", a, since)
			if r.IntN(2) == 0 {
				u += "&partner=" + other(r, partners, a)
			}
			return u
		}},
		{"vectors", func(r *rand.Rand) string {
			a := partners[r.IntN(len(partners))]
			since, until, p := yearOf(r, lastDay)
			return fmt.Sprintf("/api/v1/vectors?actor=%s&since=%s&until=%s&period=%s", a, since, until, p)
		}},
		{"timeseries", func(r *rand.Rand) string {
			a := partners[r.IntN(len(partners))]
			since, until, p := yearOf(r, lastDay)
			return fmt.Sprintf("/api/v1/timeseries?actor=%s&partner=%s&since=%s&until=%s&period=%s", a, other(r, partners, a), since, until, p)
		}},
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}, Timeout: 30 * time.Second}
	only := os.Getenv("FARABI_LOAD_ROUTES") // e.g. "vectors,events"; default all
	for _, rt := range routes {
		if only != "" && !strings.Contains(","+only+",", ","+rt.name+",") {
			continue
		}
		var mu sync.Mutex
		var lat []time.Duration
		errs := 0
		cpu0 := cpuTime()
		stop := time.Now().Add(time.Duration(seconds) * time.Second)
		var wg sync.WaitGroup
		for c := 0; c < clients; c++ {
			wg.Add(1)
			go func(c int) {
				defer wg.Done()
				r := rand.New(rand.NewPCG(uint64(c), 7))
				var mine []time.Duration
				bad := 0
				next := time.Now()
				if rate > 0 {
					// Spread the clients' schedules over one interval.
					next = next.Add(time.Duration(float64(time.Second) / rate * float64(c) / float64(clients)))
				}
				for time.Now().Before(stop) {
					start := time.Now()
					if rate > 0 {
						time.Sleep(time.Until(next))
						start = next
						next = next.Add(time.Duration(float64(time.Second) / rate))
					}
					resp, err := client.Get(base + rt.url(r))
					if err != nil {
						bad++
						continue
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 {
						bad++
						continue
					}
					mine = append(mine, time.Since(start))
				}
				mu.Lock()
				lat = append(lat, mine...)
				errs += bad
				mu.Unlock()
			}(c)
		}
		wg.Wait()
		sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
		q := func(p float64) string {
			if len(lat) == 0 {
				return "-"
			}
			return fmt.Sprintf("%.1f ms", float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds())/1000)
		}
		// The process's CPU time a request, the clients' included: what
		// the host's load does not change.
		cpu := float64((cpuTime() - cpu0).Microseconds()) / 1000 / float64(max(1, len(lat)))
		t.Logf("%-10s %7d requests (%5.0f/s), %d failed: p50 %s, p90 %s, p99 %s, max %s; CPU %.2f ms a request", rt.name, len(lat),
			float64(len(lat))/float64(seconds), errs, q(0.5), q(0.9), q(0.99), q(1), cpu)
	}
}

// yearOf picks a window of a year of whole periods, as the dashboard asks
// by default: twelve months (two times in three) or 52 weeks ending with
// a month or week of the last year of the store. Windows that cut periods
// cost the store more (the days at either end are read from its daily
// table); BenchmarkRoutes times one.
func yearOf(r *rand.Rand, last time.Time) (since, until, period string) {
	end := last.AddDate(0, 0, -r.IntN(365))
	if r.IntN(3) == 0 {
		mon := end.AddDate(0, 0, -((int(end.Weekday()) + 6) % 7))
		return mon.AddDate(0, 0, -7*51).Format("2006-01-02"), mon.AddDate(0, 0, 6).Format("2006-01-02"), "week"
	}
	first := time.Date(end.Year(), end.Month(), 1, 0, 0, 0, 0, time.UTC)
	return first.AddDate(0, -11, 0).Format("2006-01-02"), first.AddDate(0, 1, -1).Format("2006-01-02"), "month"
}

func other(r *rand.Rand, ps []string, not string) string {
	for {
		if p := ps[r.IntN(len(ps))]; p != not {
			return p
		}
	}
}

func envInt(k string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(k)); err == nil && n > 0 {
		return n
	}
	return def
}

// fillStore adds synthetic stories to st until it holds n events.
func fillStore(t *testing.T, st store.Store, n int) {
	ctx := context.Background()
	s, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	start, stored := time.Now(), s.Events
	for k := s.Articles / 5000; stored < n; k++ {
		docs, copyOf := storetest.Synthetic(5000, storetest.Options{Seed: uint64(k + 1), Copies: 0.2, Focal: 0.3, Events: 4})
		for _, d := range docs {
			d.Article.URL += "/" + strconv.Itoa(k)
			d.Article.Text += " Chunk " + strconv.Itoa(k) + "."
		}
		res, err := storetest.Put(ctx, st, docs, copyOf, 500)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range res {
			stored += r.Events
		}
		if k%10 == 0 {
			t.Logf("%d events stored, %.0f events/s", stored, float64(stored-s.Events)/time.Since(start).Seconds())
		}
	}
	after, _ := st.Stats(ctx)
	t.Logf("store: %d articles, %d events, %d distinct events (filled in %.0f s)", after.Articles, after.Events, after.DistinctEvents,
		time.Since(start).Seconds())
}

func runtimeProcs() int { return runtime.GOMAXPROCS(0) }

// BenchmarkRoutes times the routes of TestLoad one request at a time, in
// process, over the store of FARABI_LOAD_DB: the cost of a request without
// the network and without contention.
//
//	FARABI_LOAD_DB=/tmp/load.db GOMAXPROCS=1 go test ./internal/server -run XXX -bench Routes
func BenchmarkRoutes(b *testing.B) {
	loc := os.Getenv("FARABI_LOAD_DB")
	if loc == "" {
		b.Skip("set FARABI_LOAD_DB to a filled store (see TestLoad)")
	}
	st, err := store.Open(context.Background(), loc)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	srv, err := New(Deps{Store: st})
	if err != nil {
		b.Fatal(err)
	}
	h := srv.Handler()
	_, last, _ := st.Span(context.Background())
	lastDay, _ := time.Parse("2006-01-02", last)
	year := lastDay.AddDate(-1, 0, 1).Format("2006-01-02")
	for _, tc := range []struct{ name, url string }{
		{"events", "/api/v1/events?actor=KAZ&since=" + year + "&limit=50"},
		{"events-dyad", "/api/v1/events?actor=KAZ&partner=CHN&since=" + year + "&limit=50"},
		{"vectors-month", "/api/v1/vectors?actor=KAZ"},
		{"vectors-week", "/api/v1/vectors?actor=KAZ&period=week"},
		{"vectors-cut", "/api/v1/vectors?actor=KAZ&since=" + year},
		{"timeseries-week", "/api/v1/timeseries?actor=KAZ&partner=CHN&period=week&since=" + year},
		{"network", "/api/v1/network?actor=KAZ&since=" + year},
		{"alerts", "/api/v1/alerts?actor=KAZ"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			// CPU time per request beside the wall time: on a shared host the
			// wall time is mostly waiting for a core.
			c0 := cpuTime()
			for b.Loop() {
				w := httptest.NewRecorder()
				h.ServeHTTP(w, httptest.NewRequest("GET", tc.url, nil))
				if w.Code != 200 {
					b.Fatalf("%d %s", w.Code, w.Body.String())
				}
			}
			b.ReportMetric(float64((cpuTime()-c0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
		b.Run(tc.name+"-parallel", func(b *testing.B) {
			// Eight requests at a time: the throughput the store allows.
			b.SetParallelism(max(1, 8/runtime.GOMAXPROCS(0)))
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					w := httptest.NewRecorder()
					h.ServeHTTP(w, httptest.NewRequest("GET", tc.url, nil))
					if w.Code != 200 {
						b.Errorf("%d %s", w.Code, w.Body.String())
						return
					}
				}
			})
		})
	}
}

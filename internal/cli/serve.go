package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"farabi/internal/engine"
	"farabi/internal/ingest"
	"farabi/internal/intake"
	"farabi/internal/pipeline"
	"farabi/internal/server"
	"farabi/internal/store"
	"farabi/internal/web"
)

func serveCommand() *Command {
	return &Command{
		Name: "serve",
		Usage: "serve [--addr 127.0.0.1:8080] [--db DB] [--blocs FILE] [--dict DIR] [--log-format text|json] [--no-code]\n" +
			"             [--cache-ttl 30s]",
		Short: "serve the HTTP API (/api/v1) and the dashboard; POST /api/v1/ingest needs FARABI_TOKEN",
		Run:   runServe,
	}
}

func runServe(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "serve")
	addr := fs.String("addr", "127.0.0.1:8080", "listen on this `host:port` (port 0: any free port)")
	db := dbFlag(fs)
	blocsPath := blocsFlag(fs)
	dictSpec := dictFlag(fs)
	logFormat := fs.String("log-format", "text", "log as text or json")
	noCode := fs.Bool("no-code", false, "do not load the coder: POST /code and /ingest answer 503")
	cacheTTL := fs.Duration("cache-ttl", 30*time.Second, "keep answers of the read routes this long (0: never); a write to the store, by any process, drops them")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("unexpected arguments %q", fs.Args())
	}
	log, err := newLogger(env, *logFormat)
	if err != nil {
		return err
	}
	b, err := loadBlocs(*blocsPath)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, env, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	d := server.Deps{Store: st, Blocs: b, Log: log, Token: env.Getenv("FARABI_TOKEN"), Version: engine.Version,
		Limits: server.Limits{CacheTTL: *cacheTTL}}
	if !*noCode {
		eng, err := engine.Load(*dictSpec, env.Stderr)
		if err != nil {
			return err
		}
		d.Code = textCoder(eng)
		d.Ingest = bodyIngester(st, eng)
	}
	ui, err := web.New(web.Options{})
	if err != nil {
		return err
	}
	d.UI = ui
	srv, err := server.New(d)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	hs := srv.HTTPServer(ln.Addr().String())
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	fmt.Fprintf(env.Stderr, "farabi serve: listening on http://%s (store: %s%s)\n", ln.Addr(), st.Kind(), tokenNote(d.Token))
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func tokenNote(token string) string {
	if token == "" {
		return "; POST /api/v1/ingest is off without FARABI_TOKEN"
	}
	return "; POST /api/v1/ingest takes the bearer token of FARABI_TOKEN"
}

// textCoder codes a posted text as one story with the engine, as "farabi
// code" does, with its quotations.
func textCoder(eng *engine.Engine) server.Coder {
	return func(ctx context.Context, text, day string) (*server.Coded, error) {
		date, err := time.Parse("2006-01-02", day)
		if err != nil {
			return nil, err
		}
		cb := store.NewCodingBuilder(text, eng.Coref, engineVersions(eng))
		batch := eng.Lang.NewBatch(eng.Coding, pipeline.SinkFuncs{SentenceFunc: func(r *pipeline.SentenceResult) error {
			cb.Add(r)
			return nil
		}})
		if err := batch.Add(&pipeline.Story{ID: "request", Date: date, Text: text}); err != nil {
			return nil, err
		}
		if err := batch.Flush(); err != nil {
			return nil, err
		}
		c := cb.Coding()
		return &server.Coded{Sentences: c.Sentences, Events: c.Events, Quotes: c.Quotes}, ctx.Err()
	}
}

// bodyIngester ingests a request body as "farabi ingest -" reads stdin,
// recording the run.
func bodyIngester(st store.Store, eng *engine.Engine) server.Ingester {
	return func(ctx context.Context, body io.Reader) (*server.Ingested, error) {
		var problems []string
		in := intake.New(st, eng, intake.Options{Problem: func(k intake.Kind, line string) {
			if k != intake.Warning && len(problems) < 100 {
				problems = append(problems, problemPrefix(k)+line)
			}
		}})
		run := &store.Run{Command: "api", Args: "POST /api/v1/ingest", Versions: in.Versions()}
		if _, err := st.StartRun(context.WithoutCancel(ctx), run); err != nil {
			return nil, err
		}
		rd := ingest.NewReader(ingest.Options{Stdin: body})
		c, err := in.Run(ctx, rd.Read(ctx, []string{"-"}), run.ID)
		run.Articles, run.Duplicates, run.Sentences, run.Events = c.Articles, c.Duplicates, c.Sentences, c.Events
		run.Skipped, run.Failed, run.Errors = c.Skipped, c.Failed, strings.Join(problems, "\n")
		if err != nil {
			run.Status = "failed"
		}
		if ferr := st.FinishRun(context.WithoutCancel(ctx), run); ferr != nil && err == nil {
			err = ferr
		}
		if err != nil {
			return nil, err
		}
		return &server.Ingested{Read: c.Read, Articles: c.Articles, Duplicates: c.Duplicates, Sentences: c.Sentences,
			Events: c.Events, Quotes: c.Quotes, Skipped: c.Skipped, Failed: c.Failed, Problems: problems}, nil
	}
}

// newLogger returns the logger of --log-format: text or JSON lines on
// stderr.
func newLogger(env *Env, format string) (*slog.Logger, error) {
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(env.Stderr, nil)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(env.Stderr, nil)), nil
	}
	return nil, usageError("--log-format must be text or json, not %q", format)
}

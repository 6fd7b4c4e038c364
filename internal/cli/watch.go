package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"farabi/internal/ingest"
	"farabi/internal/intake"
	"farabi/internal/store"
)

func watchCommand() *Command {
	return &Command{
		Name: "watch",
		Usage: "watch --feeds FILE [--every 15m] [--once] [--log-format text|json] [--db DB] [--dict DIR]\n" +
			"             [--webhook URL [--webhook-timeout 10s] [--webhook-retries 3] [--alert-actor KAZ]]",
		Short: "poll feeds and ingest their new items until stopped (SIGINT or SIGTERM); POST new alerts to a webhook",
		Run:   runWatch,
	}
}

func runWatch(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "watch")
	sf := defineSourceFlags(fs)
	feedsPath := fs.String("feeds", "", "a `FILE` of feed URLs, one a line (# starts a comment)")
	every := fs.Duration("every", 15*time.Minute, "time between polls")
	once := fs.Bool("once", false, "poll once and exit")
	logFormat := fs.String("log-format", "text", "log as text or json")
	hf := defineHookFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := hf.check(); err != nil {
		return err
	}
	if *feedsPath == "" || fs.NArg() > 0 {
		return usageError("give --feeds FILE and no other arguments")
	}
	if *every < time.Minute && !*once {
		return usageError("--every %s is too often: one minute at least", *every)
	}
	log, err := newLogger(env, *logFormat)
	if err != nil {
		return err
	}
	feeds, err := readFeedList(*feedsPath)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	setup, err := sf.open(ctx, env)
	if err != nil {
		return err
	}
	defer setup.st.Close()
	log.Info("watch started", "feeds", len(feeds), "every", every.String(), "store", setup.st.Kind())
	hook, err := hf.notifier(setup)
	if err != nil {
		return err
	}
	for {
		if err := poll(ctx, setup, sf, feeds, log); err != nil {
			if errors.Is(err, context.Canceled) {
				log.Info("watch stopped: the items being coded were stored; the next run picks up the rest")
				return nil
			}
			return err
		}
		if err := hook.notify(ctx, log); err != nil && errors.Is(err, context.Canceled) {
			log.Info("watch stopped")
			return nil
		}
		if *once {
			return nil
		}
		t := time.NewTimer(*every)
		select {
		case <-ctx.Done():
			t.Stop()
			log.Info("watch stopped")
			return nil
		case <-t.C:
		}
	}
}

// poll reads every feed once and ingests its new items.
func poll(ctx context.Context, setup *intakeSetup, sf *sourceFlags, feeds []string, log *slog.Logger) error {
	seen := func(ctx context.Context, url string) bool {
		_, err := setup.st.ArticleByURL(ctx, url)
		return err == nil
	}
	rd := ingest.NewReader(ingest.Options{Fetch: setup.client, MaxBytes: *sf.maxSize << 20, FollowBelow: *sf.followBelow, Seen: seen})
	var lines []string
	in := intake.New(setup.st, setup.eng, intake.Options{Workers: *sf.workers, Problem: func(k intake.Kind, line string) {
		switch k {
		case intake.Warning:
			log.Warn(line)
		case intake.Skipped:
			log.Info("skipped", "reason", line)
			lines = append(lines, line)
		default:
			log.Error("failed", "reason", line)
			lines = append(lines, line)
		}
	}})
	run := &store.Run{Command: "watch", Args: strings.Join(feeds, " "), Versions: in.Versions()}
	if _, err := setup.st.StartRun(context.WithoutCancel(ctx), run); err != nil {
		return err
	}
	start := time.Now()
	c, err := in.Run(ctx, rd.Read(ctx, feeds), run.ID)
	run.Articles, run.Duplicates, run.Sentences, run.Events = c.Articles, c.Duplicates, c.Sentences, c.Events
	run.Skipped, run.Failed, run.Errors = c.Skipped, c.Failed, strings.Join(lines, "\n")
	switch {
	case errors.Is(err, context.Canceled):
		run.Status = "interrupted"
	case err != nil:
		run.Status = "failed"
	}
	if ferr := setup.st.FinishRun(context.WithoutCancel(ctx), run); ferr != nil && err == nil {
		err = ferr
	}
	log.Info("poll done", "articles", c.Articles, "already_stored", c.Duplicates, "sentences", c.Sentences,
		"events", c.Events, "skipped", c.Skipped, "failed", c.Failed, "seconds", time.Since(start).Round(time.Millisecond).Seconds())
	return err
}

// readFeedList reads feed URLs, one a line; blank lines and # comments are
// ignored, and anything that is not an http(s) URL is an error naming its
// line.
func readFeedList(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var feeds []string
	var errs []error
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(s, "#") {
			continue
		}
		if i := strings.Index(s, " #"); i >= 0 {
			s = strings.TrimSpace(s[:i])
		}
		if s == "" {
			continue
		}
		if !ingest.IsURL(s) {
			errs = append(errs, fmt.Errorf("%s:%d: not an http(s) URL: %q", path, line, s))
			continue
		}
		feeds = append(feeds, s)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s:%d: %w", path, line, err))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(feeds) == 0 {
		return nil, fmt.Errorf("%s: no feed URLs", path)
	}
	return feeds, nil
}

package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"farabi/internal/engine"
	"farabi/internal/pipeline"
	"farabi/internal/store"
)

func recodeCommand() *Command {
	return &Command{
		Name:  "recode",
		Usage: "recode [--db DB] [--dict DIR|petrarch:DIR] [--limit N]",
		Short: "re-code stored articles coded by other coder, dictionary or model versions; each article's events swap atomically",
		Run:   runRecode,
	}
}

func runRecode(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "recode")
	db := dbFlag(fs)
	dictSpec := dictFlag(fs)
	limit := fs.Int("limit", 0, "re-code at most `N` articles (0: all)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("unexpected arguments %q", fs.Args())
	}
	s, err := openStore(ctx, env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	eng, err := engine.Load(*dictSpec, env.Stderr)
	if err != nil {
		return err
	}
	v := engineVersions(eng)
	run := &store.Run{Command: "recode", Args: strings.Join(args, " "), Versions: v}
	if _, err := s.StartRun(ctx, run); err != nil {
		return err
	}
	start := time.Now()
	err = recode(ctx, env, s, eng, v, *limit, run)
	switch {
	case errors.Is(err, context.Canceled):
		run.Status = "interrupted"
	case err != nil:
		run.Status = "failed"
	}
	// The run's record is written even when ctx was cancelled.
	if ferr := s.FinishRun(context.WithoutCancel(ctx), run); err == nil {
		err = ferr
	}
	fmt.Fprintf(env.Stderr, "recode: %d articles, %d sentences, %d events in %.1fs (%s); %d failed\n",
		run.Articles, run.Sentences, run.Events, time.Since(start).Seconds(), versionsText(v), run.Failed)
	if err != nil {
		return err
	}
	if run.Failed > 0 && run.Articles == 0 {
		return errors.New(strings.TrimSpace(run.Errors))
	}
	return nil
}

// engineVersions are the versions an engine stamps on what it codes.
func engineVersions(eng *engine.Engine) store.Versions {
	return store.Versions{Coder: eng.Coding.CoderVersion, Dict: eng.Coding.DictVersion, Model: eng.Coding.ModelVersion}
}

func versionsText(v store.Versions) string {
	return "coder " + v.Coder + ", dict " + v.Dict + ", models " + v.Model
}

// recode codes the stale articles a page at a time, on all cores, and
// swaps each article's coding in its own transaction as its result comes.
// A re-coded article leaves the stale list, so a second run after an
// interruption picks up the rest.
func recode(ctx context.Context, env *Env, s store.Store, eng *engine.Engine, v store.Versions, limit int, run *store.Run) error {
	var after int64
	last := time.Now()
	var cb *store.CodingBuilder
	batch := eng.Lang.NewBatch(eng.Coding, pipeline.SinkFuncs{
		SentenceFunc: func(r *pipeline.SentenceResult) error {
			if cb == nil {
				cb = store.NewCodingBuilder(r.Story.Text, eng.Coref, v)
			}
			cb.Add(r)
			return nil
		},
		StoryFunc: func(sum *pipeline.Summary) error {
			c := store.NewCodingBuilder(sum.Story.Text, eng.Coref, v).Coding()
			if cb != nil {
				c = cb.Coding()
			}
			cb = nil
			id, _ := strconv.ParseInt(sum.Story.ID, 10, 64)
			if err := s.Recode(ctx, id, &c); err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				if errors.Is(err, store.ErrNotFound) {
					return nil // deleted meanwhile
				}
				run.Failed++
				run.Errors += err.Error() + "\n"
				fmt.Fprintf(env.Stderr, "farabi recode: %v\n", err)
				return nil
			}
			run.Articles++
			run.Sentences += c.Sentences
			run.Events += len(c.Events)
			if time.Since(last) > 2*time.Second {
				last = time.Now()
				fmt.Fprintf(env.Stderr, "recode: %d articles, %d events …\n", run.Articles, run.Events)
			}
			return nil
		},
	})
	done := 0
	for limit == 0 || done < limit {
		page := 64
		if limit > 0 {
			page = min(page, limit-done)
		}
		arts, err := s.Stale(ctx, v, after, page)
		if err != nil {
			return err
		}
		if len(arts) == 0 {
			break
		}
		for _, a := range arts {
			after = a.ID
			full, err := s.Article(ctx, a.ID)
			if err != nil {
				if errors.Is(err, store.ErrNotFound) {
					continue
				}
				return err
			}
			day, _ := time.Parse("2006-01-02", full.Published)
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := batch.Add(&pipeline.Story{ID: strconv.FormatInt(a.ID, 10), Date: day, Text: full.Text}); err != nil {
				return err
			}
			done++
		}
	}
	return batch.Flush()
}

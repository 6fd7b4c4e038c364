package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"farabi/internal/analytics"
	"farabi/internal/engine"
	"farabi/internal/webhook"
)

// hookFlags are watch's webhook options.
type hookFlags struct {
	url, actor *string
	timeout    *time.Duration
	retries    *int
	alerts     *alertFlags
}

func defineHookFlags(fs *flag.FlagSet) *hookFlags {
	return &hookFlags{
		url:     fs.String("webhook", "", "after each poll, POST the new alerts as JSON to this `URL`"),
		timeout: fs.Duration("webhook-timeout", 10*time.Second, "time limit of one webhook attempt"),
		retries: fs.Int("webhook-retries", 3, "attempts after a failed one (network error, timeout, 408, 429, 5xx), waiting 1 s, 2 s, 4 s…"),
		actor:   fs.String("alert-actor", "", "alerts of this `ACTOR`'s dyads only (default: every dyad)"),
		alerts:  defineAlertFlags(fs),
	}
}

func (h *hookFlags) check() error {
	if *h.url == "" {
		return nil
	}
	u, err := url.Parse(*h.url)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return usageError("bad --webhook %q: want an http(s) URL", *h.url)
	}
	if *h.retries < 0 || *h.timeout <= 0 {
		return usageError("--webhook-retries must be 0 or more and --webhook-timeout positive")
	}
	if a := strings.ToUpper(*h.actor); a != "" && !analytics.ValidCode(a) {
		return usageError("bad --alert-actor %q", *h.actor)
	}
	return nil
}

// notifier sends the alerts watch has not sent yet. Which it has sent is
// kept in a file beside the fetch state, so a restarted watch does not
// send them again.
type notifier struct {
	client   *webhook.Client
	analyzer *analytics.Analyzer
	opts     analytics.AlertOptions
	path     string
	sent     map[string]string // alert ID → its week
}

// hookPayload is the body of a webhook POST.
type hookPayload struct {
	Source string            `json:"source"`
	SentAt time.Time         `json:"sent_at"`
	Alerts []analytics.Alert `json:"alerts"`
}

// notifier returns the webhook's notifier, or one that does nothing
// without --webhook.
func (h *hookFlags) notifier(setup *intakeSetup) (*notifier, error) {
	if *h.url == "" {
		return nil, nil
	}
	retries := *h.retries
	if retries == 0 {
		retries = -1 // the client's "none"
	}
	n := &notifier{
		client:   &webhook.Client{URL: *h.url, Timeout: *h.timeout, Retries: retries, UserAgent: "farabi/" + engine.Version},
		analyzer: analytics.New(setup.st, nil),
		opts:     h.alerts.options(strings.ToUpper(*h.actor), "", ""),
		path:     strings.TrimSuffix(setup.state, ".json") + ".alerts-sent.json",
		sent:     map[string]string{},
	}
	data, err := os.ReadFile(n.path)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return nil, err
	default:
		if err := json.Unmarshal(data, &n.sent); err != nil {
			return nil, fmt.Errorf("%s: %w", n.path, err)
		}
	}
	return n, nil
}

// notify posts the alerts of the last weeks with events that were not
// sent before. A failed post is logged and tried again after the next
// poll.
func (n *notifier) notify(ctx context.Context, log *slog.Logger) error {
	if n == nil {
		return nil
	}
	alerts, err := n.analyzer.Alerts(ctx, n.opts)
	if err != nil {
		log.Error("alerts", "err", err)
		return err
	}
	var fresh []analytics.Alert
	for _, a := range alerts {
		if _, ok := n.sent[a.ID]; !ok {
			fresh = append(fresh, a)
		}
	}
	if len(fresh) == 0 {
		return nil
	}
	err = n.client.Post(ctx, hookPayload{Source: "farabi watch", SentAt: time.Now().UTC(), Alerts: fresh})
	if err != nil {
		log.Error("webhook failed; the alerts will be sent after the next poll", "alerts", len(fresh), "err", err)
		return err
	}
	for _, a := range fresh {
		n.sent[a.ID] = a.Week
	}
	log.Info("alerts sent", "alerts", len(fresh), "url", n.client.URL)
	return n.save()
}

// save writes the sent IDs, forgetting those of weeks more than a year
// before the latest (alerts look back four weeks by default).
func (n *notifier) save() error {
	latest := ""
	for _, week := range n.sent {
		latest = max(latest, week)
	}
	if t, err := time.Parse("2006-01-02", latest); err == nil {
		cut := t.AddDate(-1, 0, 0).Format("2006-01-02")
		for id, week := range n.sent {
			if week < cut {
				delete(n.sent, id)
			}
		}
	}
	data, err := json.MarshalIndent(n.sent, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(n.path), ".alerts-sent-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), n.path)
}

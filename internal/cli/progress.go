package cli

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"farabi/internal/intake"
)

// progress shows how an ingest goes: a bar with rate and ETA on a
// terminal, a plain line every few seconds otherwise. Its methods are
// safe for concurrent use.
type progress struct {
	w     io.Writer
	bar   *progressbar.ProgressBar // nil when w is not a terminal
	total int                      // documents expected, -1 when unknown
	start time.Time

	mu    sync.Mutex
	last  time.Time // of the last plain line
	count int
	c     intake.Counts
}

// plainEvery is how often a plain progress line is written.
const plainEvery = 10 * time.Second

func newProgress(w io.Writer, total int) *progress {
	p := &progress{w: w, total: total, start: time.Now(), last: time.Now()}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("ingest"),
			progressbar.OptionSetItsString("docs"),
			progressbar.OptionShowIts(),
			progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(200*time.Millisecond),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionFullWidth())
	}
	return p
}

// update records the counts after a document.
func (p *progress) update(c intake.Counts) {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := c.Articles + c.Duplicates + c.Skipped + c.Failed
	step := n - p.count
	p.count, p.c = n, c
	if p.bar != nil {
		if step > 0 {
			p.bar.Add(step)
		}
		return
	}
	if time.Since(p.last) >= plainEvery {
		p.last = time.Now()
		fmt.Fprintln(p.w, p.line())
	}
}

// line is a plain progress line: done, total, rates and ETA.
func (p *progress) line() string {
	el := time.Since(p.start).Seconds()
	rate := float64(p.count) / max(el, 1e-9)
	s := fmt.Sprintf("ingest: %d", p.count)
	if p.total > 0 {
		s += fmt.Sprintf("/%d", p.total)
	}
	s += fmt.Sprintf(" documents, %d articles stored, %.1f articles/s, %.1f sentences/s",
		p.c.Articles, float64(p.c.Articles)/max(el, 1e-9), float64(p.c.Sentences)/max(el, 1e-9))
	if p.total > 0 && rate > 0 && p.count < p.total {
		eta := time.Duration(float64(p.total-p.count)/rate) * time.Second
		s += ", ETA " + eta.Round(time.Second).String()
	}
	return s
}

// println writes a line of its own, above the bar.
func (p *progress) println(s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Clear()
	}
	fmt.Fprintln(p.w, s)
}

// done ends the bar.
func (p *progress) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Finish()
		fmt.Fprintln(p.w)
	}
}

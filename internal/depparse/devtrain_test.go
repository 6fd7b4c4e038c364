package depparse

import (
	"bytes"
	"os"
	"runtime"
	"strconv"
	"syscall"
	"testing"
	"time"

	"farabi/internal/postag"
	"farabi/internal/ud"
)

func loadUD(t testing.TB, split string) []*ud.Sentence {
	f, err := os.Open("/work/shared/ud/en_ewt/en_ewt-ud-" + split + ".conllu")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	s, err := ud.ReadAll(f, split)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func loadFile(t testing.TB, name string) []*ud.Sentence {
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := ud.ReadAll(f, name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestDevTrain(t *testing.T) {
	if os.Getenv("DEVTRAIN") == "" {
		t.Skip()
	}
	ep, _ := strconv.Atoi(os.Getenv("DEVTRAIN"))
	train, dev := loadUD(t, "train"), loadUD(t, "dev")
	if os.Getenv("DEVJKTRAIN") != "" {
		train, dev = loadFile(t, "/tmp/train_jk.conllu"), loadFile(t, "/tmp/dev_pred.conllu")
	}
	if os.Getenv("DEVMIX") != "" {
		train = append(train, loadUD(t, "train")...)
	}
	start := time.Now()
	p, err := Train(train, dev, TrainOptions{Seed: 1, Epochs: ep, Log: os.Stderr})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("train %v", time.Since(start))
	f, err := os.Create("/tmp/parser_" + os.Getenv("DEVNAME") + ".model")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.WriteTo(f); err != nil {
		t.Fatal(err)
	}
	f.Close()
	start = time.Now()
	sc := Evaluate(p, dev)
	t.Logf("dev %+v in %v (%.0f tok/s)", sc, time.Since(start), float64(sc.Words)/time.Since(start).Seconds())
	logPredicted(t, p)
}

func retagged(t testing.TB, split string) []*ud.Sentence {
	tf, err := os.Open("/tmp/tagger_full.model")
	if err != nil {
		t.Fatal(err)
	}
	tg, err := postag.Read(tf)
	if err != nil {
		t.Fatal(err)
	}
	sents := loadUD(t, split)
	for _, s := range sents {
		for j := range s.Tokens {
			s.Tokens[j].UPOS, s.Tokens[j].XPOS, s.Tokens[j].Lemma = 0, "", ""
		}
		tg.Tag(s)
	}
	return sents
}

func logPredicted(t *testing.T, p *Parser) {
	for _, split := range []string{"dev", "test"} {
		sc := Evaluate(p, loadFile(t, "/tmp/"+split+"_pred.conllu"))
		t.Logf("%s predicted tags: UAS %.2f LAS %.2f", split, sc.UAS, sc.LAS)
	}
	sc := Evaluate(p, loadUD(t, "test"))
	t.Logf("test gold tags: UAS %.2f LAS %.2f", sc.UAS, sc.LAS)
}

func TestDevPredicted(t *testing.T) {
	if os.Getenv("DEVPRED") == "" {
		t.Skip()
	}
	f, err := os.Open(os.Getenv("DEVPRED"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Read(f)
	if err != nil {
		t.Fatal(err)
	}
	logPredicted(t, p)
}

func BenchmarkDevParse(b *testing.B) {
	f, err := os.Open("/tmp/parser.model")
	if err != nil {
		b.Skip(err)
	}
	start := time.Now()
	p, err := Read(f)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("load %v", time.Since(start))
	dev := loadUD(b, "dev")
	n := 0
	for b.Loop() {
		for _, s := range dev {
			p.Parse(s)
			n += len(s.Tokens)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
}

func TestDevTagger(t *testing.T) {
	if os.Getenv("DEVTAGGER") == "" {
		t.Skip()
	}
	train, dev := loadUD(t, "train"), loadUD(t, "dev")
	start := time.Now()
	tg, err := postag.Train(train, dev, postag.TrainOptions{Seed: 1, Log: os.Stderr})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("tagger trained in %v", time.Since(start))
	f, err := os.Create("/tmp/tagger_full.model")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tg.WriteTo(f); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func TestDevPeek(t *testing.T) {
	if os.Getenv("DEVPEEK") == "" {
		t.Skip()
	}
	pred, gold := retagged(t, "dev"), loadUD(t, "dev")
	var n, up, xp, lm int
	for i, s := range pred {
		for j, tok := range s.Tokens {
			g := gold[i].Tokens[j]
			n++
			if tok.UPOS == g.UPOS {
				up++
			}
			if tok.XPOS == g.XPOS {
				xp++
			}
			if tok.Lemma == g.Lemma {
				lm++
			}
			if i < 2 {
				t.Logf("%s\t%s/%s/%s\tgold %s/%s/%s", tok.Form, tok.UPOS, tok.XPOS, tok.Lemma, g.UPOS, g.XPOS, g.Lemma)
			}
		}
	}
	t.Logf("UPOS %.2f XPOS %.2f lemma %.2f", 100*float64(up)/float64(n), 100*float64(xp)/float64(n), 100*float64(lm)/float64(n))
}

func untagAll(sents []*ud.Sentence) []*ud.Sentence {
	out := make([]*ud.Sentence, len(sents))
	for i, s := range sents {
		c := *s
		c.Tokens = append([]ud.Token(nil), s.Tokens...)
		for j := range c.Tokens {
			c.Tokens[j].UPOS, c.Tokens[j].XPOS, c.Tokens[j].Lemma = 0, "", ""
		}
		out[i] = &c
	}
	return out
}

func TestDevJackknife(t *testing.T) {
	if os.Getenv("DEVJK") == "" {
		t.Skip()
	}
	train := loadUD(t, "train")
	k := 5
	out := untagAll(train)
	for fold := range k {
		var part []*ud.Sentence
		for i, s := range train {
			if i%k != fold {
				part = append(part, s)
			}
		}
		tg, err := postag.Train(part, nil, postag.TrainOptions{Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		for i := range out {
			if i%k == fold {
				tg.Tag(out[i])
			}
		}
		t.Logf("fold %d done", fold)
	}
	f, _ := os.Create("/tmp/train_jk.conllu")
	for _, s := range out {
		ud.Write(f, s, false)
	}
	f.Close()
	for _, split := range []string{"dev", "test"} {
		f, _ := os.Create("/tmp/" + split + "_pred.conllu")
		for _, s := range retagged(t, split) {
			ud.Write(f, s, false)
		}
		f.Close()
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestDevSpeed(t *testing.T) {
	if os.Getenv("DEVSPEED") == "" {
		t.Skip()
	}
	f, err := os.Open(os.Getenv("DEVSPEED"))
	if err != nil {
		t.Fatal(err)
	}
	c0, w0 := cpuTime(), time.Now()
	p, err := Read(f)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("load: cpu %v wall %v", cpuTime()-c0, time.Since(w0))
	dev := loadUD(t, "dev")
	n := 0
	c0, w0 = cpuTime(), time.Now()
	for range 5 {
		for _, s := range dev {
			p.Parse(s)
			n += len(s.Tokens)
		}
	}
	c, w := cpuTime()-c0, time.Since(w0)
	t.Logf("parse: %.0f tok/s by cpu time, %.0f by wall time", float64(n)/c.Seconds(), float64(n)/w.Seconds())
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("heap in use %d MB, sys %d MB", ms.HeapInuse>>20, ms.Sys>>20)
}

func TestDevRoundTrip(t *testing.T) {
	data, err := os.ReadFile("/work/main/models/parser.model")
	if err != nil {
		t.Skip(err)
	}
	p, err := Read(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	p.WriteTo(&b)
	if !bytes.Equal(b.Bytes(), data) {
		t.Error("differs")
	}
}

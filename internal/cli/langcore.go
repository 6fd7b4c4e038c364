package cli

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"strings"

	"farabi/dict"
	"farabi/internal/actor"
	"farabi/internal/coder"
	"farabi/internal/coref"
	"farabi/internal/depparse"
	"farabi/internal/event"
	"farabi/internal/pipeline"
	"farabi/internal/postag"
	"farabi/models"
)

// loadPipeline returns the language pipeline with the embedded models. A
// model missing from the build leaves its stage out.
func loadPipeline() (*pipeline.Pipeline, error) {
	var p pipeline.Pipeline
	if f, err := models.FS.Open("tagger.model"); err == nil {
		t, err := postag.Read(bufio.NewReaderSize(f, 1<<20))
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("models/tagger.model: %w", err)
		}
		p.Tagger = t
	}
	if f, err := models.FS.Open("parser.model"); err == nil {
		m, err := depparse.Read(bufio.NewReaderSize(f, 1<<20))
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("models/parser.model: %w", err)
		}
		p.Parser = m
	}
	pl := pipeline.New(p.Tagger, p.Parser)
	pl.Workers = runtime.GOMAXPROCS(0)
	return pl, nil
}

// engine is everything that codes events: the language pipeline, the actor
// dictionary, the ontology and the coder.
type engine struct {
	lang   *pipeline.Pipeline
	coding *pipeline.Coding
	actors *actor.Dictionary
	coder  *coder.Coder
	coref  *coref.Resolver
	ont    *event.Ontology
}

// loadEngine loads the models and the dictionaries named by spec: "" for the
// embedded ones, a directory in farabi's format, or "petrarch:DIR".
func loadEngine(env *Env, spec string) (*engine, error) {
	lang, err := loadPipeline()
	if err != nil {
		return nil, err
	}
	e := &engine{lang: lang}
	var verbsFS fs.FS = dict.FS
	var petrVerbs fs.FS // PETRARCH verbs: the DIR of "petrarch:DIR"
	dictVersion := dict.Manifest().Version
	switch {
	case spec == "":
		e.actors, err = actor.Load(dict.FS)
	case strings.HasPrefix(spec, "petrarch:"):
		dir := strings.TrimPrefix(spec, "petrarch:")
		e.actors, err = actor.LoadPetrarch(dir)
		petrVerbs = os.DirFS(dir)
		dictVersion = "petrarch:" + dir
	default:
		fsys := os.DirFS(spec)
		e.actors, err = actor.Load(fsys)
		if _, serr := fs.Stat(fsys, "verbs"); serr == nil {
			verbsFS = fsys
		}
		dictVersion = "dir:" + spec
	}
	if err != nil {
		if e.actors == nil {
			return nil, err
		}
		fmt.Fprintf(env.Stderr, "farabi: some dictionary lines were skipped:\n%v\n", err)
	}
	e.ont, err = event.LoadOntology(dict.FS, "cameo/cameo.tsv")
	if err != nil {
		return nil, fmt.Errorf("CAMEO table: %w", err)
	}
	if petrVerbs != nil {
		// PETRARCH mode: the DIR's file whose name contains "verbs" replaces
		// farabi's patterns.
		pv, err := coder.LoadPetrarchVerbs(petrVerbs)
		if err != nil {
			if pv == nil {
				return nil, err
			}
			fmt.Fprintf(env.Stderr, "farabi: some PETRARCH verb lines were skipped:\n%v\n", err)
		}
		e.coder = coder.NewPetrarch(pv, e.ont)
	} else {
		verbs, err := coder.Load(verbsFS, "verbs", e.ont)
		if err != nil {
			if verbs == nil {
				return nil, err
			}
			fmt.Fprintf(env.Stderr, "farabi: some pattern lines were skipped:\n%v\n", err)
		}
		e.coder = coder.New(verbs, e.ont)
	}
	regions := map[string]bool{}
	for _, a := range e.actors.Actors {
		if a.Kind == actor.KindRegion {
			for _, t := range a.Terms {
				regions[t.Code] = true
			}
		}
	}
	res := &coref.Resolver{IsRegion: func(code string) bool { return regions[code] }}
	e.coref = res
	e.coding = &pipeline.Coding{Actors: e.actors, Dateline: e.actors, Discards: e.actors, Coref: res, Coder: e.coder,
		CoderVersion: coderVersion, DictVersion: dictVersion, ModelVersion: modelVersion()}
	return e, nil
}

// modelVersion names the embedded models by the first bytes of their
// files' SHA-256, so every event records exactly which models coded it.
func modelVersion() string {
	var parts []string
	for _, name := range []string{"tagger.model", "parser.model"} {
		data, err := fs.ReadFile(models.FS, name)
		if err != nil {
			continue
		}
		sum := sha256.Sum256(data)
		parts = append(parts, strings.TrimSuffix(name, ".model")+"-"+hex.EncodeToString(sum[:4]))
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, "+")
}

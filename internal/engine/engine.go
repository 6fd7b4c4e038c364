// Package engine loads everything that codes events — the embedded (or
// given) models, the actor dictionaries, the CAMEO ontology, the verb
// patterns and the story-level resolver — and wires them into a
// [pipeline.Coding]. The command line, the store's re-coder, the HTTP API
// and the queue workers all get their coder from here, so every event they
// make records the same versions.
package engine

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
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
	"farabi/internal/problems"
	"farabi/models"
)

// Version is the version of farabi's code; models and dictionaries carry
// versions of their own in their MANIFESTs.
const Version = "0.1.0"

// LoadPipeline returns the language pipeline with the embedded models. A
// model missing from the build leaves its stage out.
func LoadPipeline() (*pipeline.Pipeline, error) {
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

// Engine is everything that codes events: the language pipeline, the actor
// dictionary, the ontology and the coder. It is safe for concurrent use.
type Engine struct {
	Lang   *pipeline.Pipeline
	Coding *pipeline.Coding
	Actors *actor.Dictionary
	Coder  *coder.Coder
	Coref  *coref.Resolver
	Ont    *event.Ontology
}

// Load loads the models and the dictionaries named by spec: "" for the
// embedded ones, a directory in farabi's format, or "petrarch:DIR". Lines
// of a dictionary that cannot be read are reported to warn and skipped.
func Load(spec string, warn io.Writer) (*Engine, error) {
	lang, err := LoadPipeline()
	if err != nil {
		return nil, err
	}
	e := &Engine{Lang: lang}
	var verbsFS fs.FS = dict.FS
	var petrVerbs fs.FS // PETRARCH verbs: the DIR of "petrarch:DIR"
	dictVersion := dict.Manifest().Version
	switch {
	case spec == "":
		e.Actors, err = actor.Load(dict.FS)
	case strings.HasPrefix(spec, "petrarch:"):
		dir := strings.TrimPrefix(spec, "petrarch:")
		e.Actors, err = actor.LoadPetrarch(dir)
		petrVerbs = os.DirFS(dir)
		dictVersion = "petrarch:" + dir
	default:
		fsys := os.DirFS(spec)
		e.Actors, err = actor.Load(fsys)
		if _, serr := fs.Stat(fsys, "verbs"); serr == nil {
			verbsFS = fsys
		}
		dictVersion = "dir:" + spec
	}
	if err != nil {
		if e.Actors == nil {
			return nil, err
		}
		skipped(warn, "dictionary lines", err)
	}
	e.Ont, err = event.LoadOntology(dict.FS, "cameo/cameo.tsv")
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
			skipped(warn, "PETRARCH verb lines", err)
		}
		e.Coder = coder.NewPetrarch(pv, e.Ont)
	} else {
		verbs, err := coder.Load(verbsFS, "verbs", e.Ont)
		if err != nil {
			if verbs == nil {
				return nil, err
			}
			skipped(warn, "pattern lines", err)
		}
		e.Coder = coder.New(verbs, e.Ont)
	}
	// Countries and regions first: an organisation's own code is one that
	// is not built on a country (a forum the host government runs is coded
	// as that government, KAZGOV, and is no party of its own).
	regions, countries := map[string]bool{}, map[string]bool{}
	direct := map[string][]string{} // a region's members line
	for _, a := range e.Actors.Actors {
		if a.Kind == actor.KindCountry || a.Kind == actor.KindRegion {
			for _, t := range a.Terms {
				if len(t.Code) == 3 {
					countries[t.Code] = true
					if a.Kind == actor.KindRegion {
						regions[t.Code] = true
						direct[t.Code] = append(direct[t.Code], a.Members...)
					}
				}
			}
		}
	}
	members := regionMembers(direct)
	orgs, forums, parties := map[string]bool{}, map[string]bool{}, map[string][]string{}
	for _, a := range e.Actors.Actors {
		if a.Kind != actor.KindOrg && a.Kind != actor.KindForum {
			continue
		}
		for _, t := range a.Terms {
			if len(a.Parties) >= 2 {
				parties[t.Code] = a.Parties
			}
			if len(t.Code) >= 3 && countries[t.Code[:3]] {
				continue
			}
			if actor.IsOrgCode(t.Code) || strings.HasPrefix(t.Code, "IGO") {
				orgs[t.Code] = true
			}
			if a.Kind == actor.KindForum {
				forums[t.Code] = true
			}
		}
	}
	// the role each generic agent's names give a country ("foreign
	// ministry" → GOV), for "Its foreign ministry said …"
	agentRoles := map[string]string{}
	for _, g := range e.Actors.Agents {
		if g.Prefix {
			continue
		}
		for _, n := range g.Names {
			agentRoles[actor.NameKey(n)] = g.Role
		}
	}
	// Members of organisations ("members RUS BLR KAZ ARM KGZ" under the
	// Eurasian Economic Union), by every code the organisation's entries
	// give, a region among them taken in whole; with the regions' own
	// members, the coder never pairs a member with its own group at the
	// group's meeting.
	groups := map[string]map[string]bool{}
	for r, set := range members {
		groups[r] = set
	}
	for _, a := range e.Actors.Actors {
		if a.Kind == actor.KindCountry || a.Kind == actor.KindRegion || len(a.Members) == 0 {
			continue
		}
		for _, t := range a.Terms {
			set := groups[t.Code]
			if set == nil {
				set = map[string]bool{}
				groups[t.Code] = set
			}
			for _, c := range a.Members {
				if regions[c] {
					for m := range members[c] {
						set[m] = true
					}
					continue
				}
				set[c] = true
			}
		}
	}
	e.Coder.SetGroups(func(code, group string) bool {
		if len(code) < 3 || !countries[code[:3]] || regions[code[:3]] {
			return false
		}
		set, ok := groups[group]
		if !ok && len(group) > 3 && regions[group[:3]] {
			set = groups[group[:3]] // CASGOV: the governments of the region
		}
		return set[code[:3]]
	})
	res := &coref.Resolver{
		AgentRole: func(name string) (string, bool) {
			r, ok := agentRoles[actor.NameKey(name)]
			return r, ok
		},
		IsRegion:      func(code string) bool { return regions[code] },
		RegionHas:     func(region, code string) bool { return members[region][code] },
		IsOrg:         func(code string) bool { return orgs[code] },
		IsForum:       func(code string) bool { return forums[code] },
		FormatParties: func(code string) []string { return parties[code] },
		Roles:         e.personRoles,
	}
	e.Coref = res
	e.Coding = &pipeline.Coding{Actors: e.Actors, Dateline: e.Actors, Discards: e.Actors, Coref: res, Coder: e.Coder,
		CoderVersion: Version, DictVersion: dictVersion, ModelVersion: ModelVersion()}
	return e, nil
}

// personRoles returns the roles of the terms the dictionary's person
// called name holds on day (every term's when day is zero).
func (e *Engine) personRoles(name string, day actor.Date) []string {
	var roles []string
	for _, a := range e.Actors.Lookup(name) {
		if a.Name != name || a.Kind != actor.KindPerson {
			continue
		}
		for _, t := range a.Terms {
			if t.Role != "" && (day == 0 || t.Covers(day)) {
				roles = append(roles, t.Role)
			}
		}
	}
	return roles
}

// regionMembers expands each region's members line into the set of
// countries it takes in, through the smaller regions it names (EUR takes
// in SCN and so Norway). A cycle ends where it closes.
func regionMembers(direct map[string][]string) map[string]map[string]bool {
	out := make(map[string]map[string]bool, len(direct))
	var add func(set map[string]bool, region string, seen map[string]bool)
	add = func(set map[string]bool, region string, seen map[string]bool) {
		if seen[region] {
			return
		}
		seen[region] = true
		for _, c := range direct[region] {
			if _, sub := direct[c]; sub {
				add(set, c, seen)
				continue
			}
			set[c] = true
		}
	}
	for r := range direct {
		set := map[string]bool{}
		add(set, r, map[string]bool{})
		out[r] = set
	}
	return out
}

// skipped tells warn which lines of a dictionary were skipped: the first
// few messages and how many more, not one line each for a file of
// garbage.
func skipped(warn io.Writer, what string, err error) {
	var l problems.List
	l.AddAll(what+" skipped", err)
	fmt.Fprintf(warn, "farabi: some %s were skipped:\n%v\n", what, l.Err())
}

// ModelVersion names the embedded models by the first bytes of their
// files' SHA-256, so every event records exactly which models coded it.
func ModelVersion() string {
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

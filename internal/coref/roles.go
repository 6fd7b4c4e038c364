package coref

import (
	"slices"
	"strings"

	"farabi/internal/actor"
	"farabi/internal/ud"
)

// orgRoleNouns name an office a person holds in an organisation: "X, leader
// of the AU envoys", "Y, the bloc's rotating chair".
var orgRoleNouns = set("chair", "chairman", "chairwoman", "chairperson", "chairperson-in-office",
	"chairman-in-office", "head", "envoy", "representative", "secretary", "secretary-general", "leader",
	"chief", "director", "director-general", "commissioner", "mediator", "spokesman", "spokeswoman",
	"spokesperson", "coordinator", "negotiator", "president")

// orgDescriptions stand for the organisation a story is about: "the
// security body", "the bloc", "the alliance".
var orgDescriptions = set("body", "organization", "organisation", "bloc", "alliance", "grouping")

// isOrgCode reports whether code names an international organisation.
func (r *Resolver) isOrgCode(code string) bool {
	return strings.HasPrefix(code, "IGO") || r.IsOrg != nil && r.IsOrg(code)
}

// orgBefore returns the code of the last organisation ms name before word
// i, or "".
func (r *Resolver) orgBefore(ms []actor.Mention, i int) string {
	org, at := "", -1
	for _, m := range ms {
		if m.First >= 0 && m.Last < i && m.First > at && r.isOrgCode(m.Code) && m.Method != ByOrgRef {
			org, at = m.Code, m.First
		}
	}
	return org
}

// storyRoles codes a person whom the story presents in an apposition as
// holding an office in an organisation ("said Eva Lindqvist, Sweden's
// foreign minister and the bloc's rotating chair"; "Joseph Mwale,
// leader of the AU envoys") as that organisation for the
// whole story: in this story the person acts for it, whatever office the
// dictionary knows them by. Later mentions of the person follow.
func (r *Resolver) storyRoles(g *storyGroups, s *ud.Sentence, ms []actor.Mention) {
	for k := range ms {
		m := &ms[k]
		if m.Code != "" && r.isOrgCode(m.Code) {
			g.lastOrg = m.Code
		}
	}
	for k := range ms {
		m := &ms[k]
		if !m.Person || m.Code == "" || m.First < 0 {
			continue
		}
		key := strings.ToLower(m.Name)
		if code, ok := g.roles[key]; ok {
			if m.Code != code {
				m.Why += "; acts for " + code + " in this story"
				m.Code = code
			}
			continue
		}
		h := headWord(s, *m)
		if h < 0 {
			continue
		}
		code, offices := r.roleOrg(g, s, ms, h)
		if code == "" || code == m.Code {
			continue
		}
		// the country of the person's other office ("foreign minister
		// of Serbia") describes the person; it is no party here
		for o := range ms {
			if x := headWord(s, ms[o]); o != k && x >= 0 && ms[o].Code != "" && !r.isOrgCode(ms[o].Code) &&
				(slices.Contains(offices, x) || slices.Contains(offices, s.Tokens[x].Head-1)) {
				ms[o].Why += "; the office of a person acting for " + code
				ms[o].Code = ""
			}
		}
		if g.roles == nil {
			g.roles = map[string]string{}
		}
		g.roles[key] = code
		m.Why += "; acts for " + code + " in this story"
		m.Code = code
	}
}

// roleOrg returns the organisation whose office an apposition of the
// person at word h names, or "", with the words of the offices the
// appositions name.
func (r *Resolver) roleOrg(g *storyGroups, s *ud.Sentence, ms []actor.Mention, h int) (string, []int) {
	// the appositions of the name, and theirs ("X, minister of Y, the
	// body's chair"), which the parser may also join as conjuncts
	var cands []int
	if t := s.Tokens[h]; t.Rel == "compound" && t.Head > h+1 {
		// "…, the body's current chair" parsed with the name before it
		// as the role noun's compound
		cands = append(cands, t.Head-1)
	}
	for j, t := range s.Tokens {
		if t.Head == h+1 && t.Rel == "appos" {
			cands = append(cands, j)
			for k, u := range s.Tokens {
				if u.Head == j+1 && (u.Rel == "appos" || u.Rel == "conj") {
					cands = append(cands, k)
				}
			}
		}
	}
	for _, j := range cands {
		if !orgRoleNouns[lemma(s.Tokens[j])] {
			continue
		}
		if code := r.orgBelow(g, s, ms, j, 0); code != "" {
			return code, cands
		}
	}
	return "", nil
}

// orgBelow finds the organisation that owns the office at word j: a
// possessor, an "of" phrase or a modifier that is an organisation's
// mention, or one level down ("leader of the AU envoys"), or a
// description of the story's organisation ("the security body's chair").
func (r *Resolver) orgBelow(g *storyGroups, s *ud.Sentence, ms []actor.Mention, j, depth int) string {
	for c, t := range s.Tokens {
		if t.Head != j+1 {
			continue
		}
		switch ud.BaseRel(t.Rel) {
		case "nmod", "compound", "amod":
		default:
			continue
		}
		if mm, ok := mentionAt(ms, c); ok && mm.Code != "" {
			if r.isOrgCode(mm.Code) {
				return mm.Code
			}
			continue // a country's office: "foreign minister of Serbia"
		}
		if orgDescriptions[lemma(t)] && definite(s, c) && g.lastOrg != "" {
			return g.lastOrg
		}
		if depth == 0 {
			if code := r.orgBelow(g, s, ms, c, 1); code != "" {
				return code
			}
		}
	}
	return ""
}

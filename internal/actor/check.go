package actor

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// regions are CAMEO's regional and special country-position codes, valid
// where a country code is.
const regions = `AFR ASA BLK CAU CAS CRB EAF EEU EUR LAM MEA MDT NAF NMR PGS SAF SAM SAS SEA WAF WST SCN
 CFR CEU ERA WSN`

// roles are CAMEO's role and sector codes, valid after a country code.
const roles = `GOV MIL REB OPP PTY COP JUD LEG SPY BUS MED EDU CVL ELI LAB AGR REL HLH REF NGO IGO MNC
 IMG UAF SEP INS CRM MOD RAD AMN IRC GRP UNO PKO HRI ENV DEV SET MOS CHR JEW BUD HIN SHI SUN
 CTH ORT PRO ATH JAN SIK TAO ZRO ITR CON MAR NAV AIR ARM SPC DIP LBR IDP NON`

// transnational are first codes that need no country: IGOs, NGOs,
// multinationals and transnational groups.
const transnational = `IGO NGO NGM MNC IMG UIS INT`

// countries are the ISO 3166-1 alpha-3 codes of states and territories,
// with XKX for Kosovo: the codes of the dictionary's countries
// (dict/actors/countries.txt, kind country; a test keeps the two equal).
const countries = `ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR
 BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG
 COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH
 FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY
 HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM
 KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL
 MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR
 NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU
 SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA
 TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB
 VIR VNM VUT WLF WSM XKX YEM ZAF ZMB ZWE`

// IsCountryCode reports whether a three-letter code is a country's (KAZ,
// SAU), not a region's (CAS) or an organisation's short name (GCC, SCO).
func IsCountryCode(code string) bool {
	return len(code) == 3 && strings.Trim(code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "" && strings.Contains(countries, code)
}

// IsRegionCode reports whether a three-letter code is one of CAMEO's
// regions (CAS, EUR, MEA …), used where a country code is.
func IsRegionCode(code string) bool {
	return len(code) == 3 && strings.Contains(regions, code)
}

// IsOrgCode reports whether code is written as an organisation's short
// name: two to eleven upper-case letters, digits or underscores that do not
// start with a transnational group (IGO, NGO …). Whether it names a known
// organisation is the dictionary's business.
func IsOrgCode(code string) bool {
	if len(code) < 2 || len(code) > 11 || code[0] < 'A' || code[0] > 'Z' {
		return false
	}
	for i := 0; i < len(code); i++ {
		c := code[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return !strings.Contains(transnational, code[:min(3, len(code))])
}

// Check validates a loaded dictionary beyond its syntax: names shared by
// several entries, overlapping terms of different codes for one person,
// codes with an unknown country or role, and agents whose names repeat. It
// returns one *SyntaxError per problem, in file and line order.
func Check(d *Dictionary) []error {
	var errs []*SyntaxError
	bad := func(file string, line int, format string, a ...any) {
		errs = append(errs, &SyntaxError{File: file, Line: line, Err: fmt.Errorf(format, a...)})
	}
	countries := map[string]bool{}
	for _, c := range strings.Fields(regions) {
		countries[c] = true
	}
	for _, a := range d.Actors {
		// PETRARCH files have no kinds: a three-letter code there is a country
		if a.Kind == KindCountry || a.Kind == KindRegion || d.upper && a.Kind == "" {
			for _, t := range a.Terms {
				if len(t.Code) == 3 {
					countries[t.Code] = true
				}
			}
		}
	}
	// An organisation's code is its short name (OSCE, SCO, EAEU), valid
	// wherever it appears: on the organisation and on its officials.
	orgs := map[string]bool{}
	for _, a := range d.Actors {
		if a.Kind == KindOrg || a.Kind == KindForum {
			for _, t := range a.Terms {
				if IsOrgCode(t.Code) {
					orgs[t.Code] = true
				}
			}
		}
	}
	roleSet := map[string]bool{}
	for _, r := range strings.Fields(roles) {
		roleSet[r] = true
	}
	trans := map[string]bool{}
	for _, r := range strings.Fields(transnational) {
		trans[r] = true
	}
	checkCode := func(code string) error {
		if code == NullCode || orgs[code] {
			return nil
		}
		if len(code)%3 != 0 {
			return fmt.Errorf("code %q is not made of three-letter parts", code)
		}
		head := code[:3]
		if trans[head] {
			return nil // IGO + region + tag: the tag is free
		}
		if !countries[head] {
			return fmt.Errorf("code %q: unknown country %q", code, head)
		}
		for i := 3; i < len(code); i += 3 {
			if r := code[i : i+3]; !roleSet[r] {
				return fmt.Errorf("code %q: unknown role %q", code, r)
			}
		}
		return nil
	}

	// names shared by several entries
	type owner struct {
		a    *Actor
		kind entryKind
		text string
	}
	byName := map[string][]owner{}
	for _, e := range d.entries {
		if e.kind == entName || e.kind == entAdj || e.kind == entCapital {
			a := d.Actors[e.ref]
			k := strings.Join(e.pieces, " ")
			byName[k] = append(byName[k], owner{a, e.kind, e.text})
		}
	}
	for _, os := range byName {
		for i := 1; i < len(os); i++ {
			if os[i].a == os[0].a || datedApart(os[i].a, os[0].a) {
				continue
			}
			bad(os[i].a.File, os[i].a.Line, "name %q of %q also names %q (%s:%d)", os[i].text, os[i].a.Name,
				os[0].a.Name, os[0].a.File, os[0].a.Line)
		}
	}

	for _, a := range d.Actors {
		if len(a.Terms) == 0 {
			bad(a.File, a.Line, "%q has no code", a.Name)
		}
		for _, t := range a.Terms {
			if err := checkCode(t.Code); err != nil {
				bad(a.File, t.Line, "%v", err)
			} else if a.Kind == KindPlace && t.Code != NullCode && (len(t.Code) != 3 || !countries[t.Code]) {
				// (a sea or gulf lies in no country: "---", a longer name
				// that keeps the country or city in it from matching)
				bad(a.File, t.Line, "place %q: code %q is not a country's: a place stands for the country it is in", a.Name, t.Code)
			}
			if t.From != 0 && t.To != 0 && t.From > t.To {
				bad(a.File, t.Line, "dates out of order: %s after %s", t.From, t.To)
			}
		}
		if a.Kind != KindPerson {
			continue
		}
		for i, t := range a.Terms {
			for _, u := range a.Terms[i+1:] {
				if t.Code == u.Code || t.Code == NullCode || u.Code == NullCode {
					continue
				}
				if (t.From == 0 && t.To == 0) || (u.From == 0 && u.To == 0) {
					continue // an undated default code
				}
				if sharedDays(t, u) > 1 {
					bad(a.File, u.Line, "%q: term %s %s–%s overlaps %s %s–%s (line %d)", a.Name,
						u.Code, dateText(u.From), dateText(u.To), t.Code, dateText(t.From), dateText(t.To), t.Line)
				}
			}
		}
	}
	agentNames := map[string]*Agent{}
	for _, g := range d.Agents {
		if g.Role != "" {
			if err := checkRole(g.Role, roleSet, trans); err != nil {
				bad(g.File, g.Line, "%v", err)
			}
		}
		for _, n := range g.Names {
			k := NameKey(n)
			if o := agentNames[k]; o != nil && o != g {
				bad(g.File, g.Line, "agent name %q is also under agent %s (%s:%d)", n, roleText(o), o.File, o.Line)
				continue
			}
			agentNames[k] = g
		}
	}
	sort.SliceStable(errs, func(i, j int) bool {
		if errs[i].File != errs[j].File {
			return errs[i].File < errs[j].File
		}
		return errs[i].Line < errs[j].Line
	})
	out := make([]error, len(errs))
	for i, e := range errs {
		out[i] = e
	}
	return out
}

func checkRole(r string, roleSet, trans map[string]bool) error {
	if len(r)%3 != 0 {
		return fmt.Errorf("agent role %q is not made of three-letter parts", r)
	}
	for i := 0; i < len(r); i += 3 {
		if p := r[i : i+3]; !roleSet[p] && !trans[p] {
			return fmt.Errorf("agent role %q: unknown role %q", r, p)
		}
	}
	return nil
}

// datedApart reports whether a and b are persons whose offices never
// overlapped by more than a season, so that the date of a story tells
// which of them a shared name is ("Aliyev": the father until 2003, the son
// after; "Aoun"): the finder prefers the one in office on the day. A
// former holder's ELI code does not count.
func datedApart(a, b *Actor) bool {
	if a.Kind != KindPerson || b.Kind != KindPerson {
		return false
	}
	for _, t := range a.Terms {
		for _, u := range b.Terms {
			if t.Code == NullCode || u.Code == NullCode || strings.HasSuffix(t.Code, "ELI") || strings.HasSuffix(u.Code, "ELI") {
				continue
			}
			if t.From == 0 && t.To == 0 || u.From == 0 && u.To == 0 || sharedDays(t, u) > 120 {
				return false
			}
		}
	}
	return true
}

// sharedDays returns how many days two terms share (0 when none).
func sharedDays(t, u Term) int {
	from := max(int(t.From), int(u.From))
	to := min(toOrMax(t.To), toOrMax(u.To))
	if from > to {
		return 0
	}
	day := func(d int) time.Time { return time.Date(d/10000, time.Month(d/100%100), d%100, 0, 0, 0, 0, time.UTC) }
	return int(day(to).Sub(day(from)).Hours()/24) + 1
}

func toOrMax(d Date) int {
	if d == 0 {
		return 99991231
	}
	return int(d)
}

// UnsureNotes returns "file:line: name: text" for every unsure field, for
// review.
func UnsureNotes(d *Dictionary) []string {
	var out []string
	for _, a := range d.Actors {
		for _, u := range a.Unsure {
			out = append(out, fmt.Sprintf("%s:%d: %s: %s", a.File, a.Line, a.Name, u))
		}
	}
	return out
}

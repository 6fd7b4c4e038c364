package store

import (
	"sort"
	"strings"
)

// Country returns the "country" of an actor code: the side of an event that
// filters match by prefix and that aggregates group partners by. It is the
// first three letters of a state's code (KAZGOV → KAZ, CAS → CAS), except
// for organisations:
//
//   - an organisation coded by its short name (OSCE, EAEU, CSTO, ASEAN…)
//     is that name, with any body's suffix dropped (OSCEPA → OSCE);
//   - a CAMEO organisation code (IGO, NGO, IMG, MNC…) is the short name of
//     the longest known prefix (IGOEUREEC… → EU, IGOUNO… → UN, IGOUNODEVWBK
//     → WB, IGOWSTNAT → NATO), else its first nine letters: family, region
//     and the organisation's tag, so a body (IGOEURCOEJUD) counts with its
//     organisation (IGOEURCOE).
//
// Short names of three letters or fewer (SCO, GCC, AU) need no rule: their
// first three letters are the name.
func Country(code string) string {
	if len(code) <= 3 {
		return code // a state, a region or a short name of three letters
	}
	// The longest prefix first, by lookups: Country is called for every
	// bucket of an aggregate.
	for n := min(len(code), maxShortName); n >= 4; n-- {
		if shortNames[code[:n]] {
			return code[:n]
		}
	}
	if groupFamily[code[:3]] {
		for n := min(len(code), maxAlias); n > 3; n-- {
			if a, ok := groupAliases[code[:n]]; ok {
				return a
			}
		}
		return code[:min(9, len(code))]
	}
	return code[:3]
}

// Lengths of the longest short name and alias.
const (
	maxShortName = len("ARAB_LEAGUE")
	maxAlias     = len("IGOUNODEVWBK")
)

// shortNames are organisations coded by a short name of four letters or
// more, as the dictionaries write them (dict/actors/orgs.txt) and the news
// guidelines name them.
var shortNames = setOf("AIIB", "APEC", "ASEAN", "BRICS", "CICA", "CSTO", "CTBTO", "EAEU", "EBRD", "ECOWAS", "ICAO",
	"IAEA", "ICRC", "NATO", "OECD", "OPEC", "OSCE", "SAARC", "UNESCO", "UNIDO", "UNSC", "WIPO", "ARAB_LEAGUE")

// groupAliases are the short names of CAMEO organisation codes; the
// longest prefix of a code wins.
var groupAliases = map[string]string{
	"IGOEUREEC": "EU", "IGOUNO": "UN", "IGOUNODEVWBK": "WB", "IGOWSTNAT": "NATO", "IGOWAFWAS": "ECOWAS",
	"IGOWAFBUSWAS": "ECOWAS", "IGOCASCIS": "CIS", "IGOSEAASN": "ASEAN", "IGOOPC": "OPEC", "IGOMEAARL": "ARAB_LEAGUE",
	"IGOBUSIMF": "IMF", "IGOBUSWTO": "WTO", "IGOEURSCE": "OSCE",
}

// groupFamily are the CAMEO families of organisation codes.
var groupFamily = setOf("IGO", "NGO", "IMG", "MNC")

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// countrySQL is [Country] as an SQL expression over the column col, for
// the migration that recomputes stored roots; both backends read it.
func countrySQL(col string) string {
	var b strings.Builder
	b.WriteString("CASE")
	when := func(prefix, result string) {
		b.WriteString(" WHEN " + col + " LIKE '" + prefix + "%' THEN '" + result + "'")
	}
	// Longer prefixes first, so the longest wins as in Country.
	names := sortedByLength(shortNames)
	for _, n := range names {
		when(n, n)
	}
	aliases := sortedByLength(groupAliases)
	for _, a := range aliases {
		when(a, groupAliases[a])
	}
	fams := sortedByLength(groupFamily)
	for _, f := range fams {
		b.WriteString(" WHEN " + col + " LIKE '" + f + "_%' THEN substr(" + col + ", 1, 9)")
	}
	b.WriteString(" ELSE substr(" + col + ", 1, 3) END")
	return b.String()
}

// sortedByLength returns m's keys, longest first, then in order.
func sortedByLength[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool {
		if len(ks[i]) != len(ks[j]) {
			return len(ks[i]) > len(ks[j])
		}
		return ks[i] < ks[j]
	})
	return ks
}

// countryMigration recomputes the stored roots of actors with [Country]
// (stores written when roots were the first three letters of every code)
// and rebuilds the dyad tables from them.
func countryMigration(version int, week func(col string) string) migration {
	return migration{version, "actor countries", `
UPDATE events SET source_root = ` + countrySQL("source") + `, target_root = ` + countrySQL("target") + `;
UPDATE distinct_events SET source_root = ` + countrySQL("source") + `, target_root = ` + countrySQL("target") + `;
UPDATE quotes SET speaker_root = ` + countrySQL("speaker_code") + `;
DELETE FROM dyad_days;
INSERT INTO dyad_days (source_root, target_root, day, week, quad, events, goldstein)
SELECT source_root, target_root, date, ` + week("date") + `, quad, count(*), sum(goldstein)
FROM distinct_events GROUP BY source_root, target_root, date, quad;
DELETE FROM dyad_weeks;
INSERT INTO dyad_weeks (source_root, target_root, week, quad, events, goldstein)
SELECT source_root, target_root, week, quad, sum(events), sum(goldstein) FROM dyad_days GROUP BY source_root, target_root, week, quad;
DELETE FROM dyad_months;
INSERT INTO dyad_months (source_root, target_root, month, quad, events, goldstein)
SELECT source_root, target_root, substr(day, 1, 7), quad, sum(events), sum(goldstein) FROM dyad_days
GROUP BY source_root, target_root, substr(day, 1, 7), quad`}
}

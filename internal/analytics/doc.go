// Package analytics answers the question farabi's users bring — how does a
// country balance its ties with Russia, China, the West, its neighbours and
// its newer partners, and is that balance shifting — from a store's
// aggregates.
//
// An [Analyzer] reads [store.Store.Aggregate] (counts and Goldstein sums
// computed by the store from its dyad-day table, in distinct events: the
// same event reported by many stories counts once) and shapes them into a
// focal actor's [Vectors] (engagement by partner and by bloc, per quad
// class, with shares and concentration — HHI and normalised entropy — and
// their movement period by period), a dyad's [Series], a partner
// [Network] and [Alert]s when a dyad departs from its own baseline or a new
// partner appears. It works on every backend of the store alike and never
// reads raw events, so a question over a million events costs a few small
// queries.
//
// Partners are countries as [store.Country] writes them (KAZGOV → KAZ,
// IGOEUREEC → EU, OSCE). Blocs are data: the embedded default
// (geo/blocs.txt, format docs/format/blocs.md) or a file of one's own
// ([ReadBlocs]).
package analytics

package cli

import (
	"bufio"
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"farabi/internal/store"
)

func exportCommand() *Command {
	return &Command{
		Name:  "export",
		Usage: "export [--db DB] --format gdelt-tsv|plover-jsonl|csv [--actor A] [--partner P] [--since D] [--until D] [--all-mentions] ...",
		Short: "write every stored event that passes the filters: GDELT 2.0 event table, PLOVER JSON lines or CSV",
		Run:   runExport,
	}
}

func runExport(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "export")
	db := dbFlag(fs)
	ef := defineEventFlags(fs)
	format := fs.String("format", "", "gdelt-tsv (GDELT 2.0 event-table columns, docs/export.md), plover-jsonl or csv")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("unexpected arguments %q", fs.Args())
	}
	f, err := ef.filter()
	if err != nil {
		return err
	}
	var write func(*store.Event) error
	var flush func() error
	switch *format {
	case "csv", "plover-jsonl":
		sw, err := newStoredEventWriter(env.Stdout, strings.TrimSuffix(*format, "-jsonl"))
		if err != nil {
			return err
		}
		write, flush = sw.write, sw.flush
	case "gdelt-tsv":
		w := bufio.NewWriter(env.Stdout)
		write = func(e *store.Event) error {
			_, err := w.WriteString(strings.Join(gdeltRow(e), "\t") + "\n")
			return err
		}
		flush = w.Flush
	default:
		return formatError(*format, "gdelt-tsv", "plover-jsonl", "csv")
	}
	s, err := openStore(ctx, env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	if _, err := eachEvent(ctx, s, f, 0, write); err != nil {
		return err
	}
	return flush()
}

// gdeltColumns is the GDELT 2.0 event table's 61 columns, in order; the
// mapping from farabi's fields is in docs/export.md. Columns that mean
// nothing here (religion, ethnicity, tone, geography) are empty.
var gdeltColumns = []string{"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL"}

// gdeltActor fills an actor's ten columns: code, name, country (the
// three-letter prefix, unless it is an organisation's IGO/NGO/… prefix),
// known group (the prefix of an organisation), and up to three type codes
// (the three-letter parts after the prefix: GOV, MIL, BUS, …).
func gdeltActor(code, name string) []string {
	out := make([]string, 10)
	out[0], out[1] = code, strings.ToUpper(name)
	if len(code) < 3 {
		return out
	}
	prefix := code[:3]
	switch prefix {
	case "IGO", "NGO", "IMG", "MNC", "UAF":
		out[3] = prefix
	default:
		out[2] = prefix
	}
	for i, k := 3, 6; i+3 <= len(code) && k < 9; i, k = i+3, k+1 {
		out[k] = code[i : i+3]
	}
	return out
}

func gdeltRow(e *store.Event) []string {
	row := make([]string, 0, len(gdeltColumns))
	id := e.DistinctID
	if id == 0 {
		id = e.ID
	}
	day, _ := time.Parse("2006-01-02", e.Date)
	frac := float64(day.Year()) + float64(day.YearDay())/365
	row = append(row, strconv.FormatInt(id, 10), day.Format("20060102"), day.Format("200601"), day.Format("2006"),
		strconv.FormatFloat(frac, 'f', 4, 64))
	row = append(row, gdeltActor(e.Source.Code, orName(e.Source.Name, e.Source.Text))...)
	row = append(row, gdeltActor(e.Target.Code, orName(e.Target.Name, e.Target.Text))...)
	root := "0"
	if e.Sentence == 0 {
		root = "1"
	}
	base := e.Code
	if len(base) > 3 {
		base = base[:3]
	}
	row = append(row, root, e.Code, base, e.Root, strconv.Itoa(e.Quad), strconv.FormatFloat(e.Goldstein, 'f', 1, 64),
		strconv.Itoa(e.Mentions), strconv.Itoa(e.Outlets), strconv.Itoa(e.Stories), "")
	row = append(row, make([]string, 24)...) // three geographies, eight columns each
	row = append(row, "", tsvField(e.URL))
	for i := range row {
		row[i] = tsvField(row[i])
	}
	if len(row) != len(gdeltColumns) {
		panic(fmt.Sprintf("gdelt row has %d columns, want %d", len(row), len(gdeltColumns)))
	}
	return row
}

func orName(name, text string) string {
	if name != "" {
		return name
	}
	return text
}

package feed

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func date(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		file string
		want *Feed
	}{
		{"rss2.xml", &Feed{Format: "rss", Title: "Steppe Wire & Co", Link: "https://steppe.example/", Items: []Item{
			{ID: "steppe-1001", Link: "https://steppe.example/2025/05/29/ministers-meet", Title: "Ministers meet in Astana",
				Published: date("2025-05-29T08:00:00+05:00"), Author: "Staff",
				Summary: "<p>The foreign ministers met on Thursday.</p>",
				Content: "<p>The foreign ministers of Kazakhstan and Japan met in Astana on Thursday.</p><p>They agreed to expand trade.</p>"},
			{ID: "https://steppe.example/2025/05/30/talks-end", Link: "https://steppe.example/2025/05/30/talks-end",
				Title: "Talks end without agreement", Published: date("2025-05-30T10:00:00Z"),
				Summary: "Talks between the two sides ended on Friday…"},
			{Link: "https://steppe.example/note", Title: "Undated note", Summary: "A note \u00a0with an HTML entity.", DateError: errAny},
		}}},
		{"rdf.xml", &Feed{Format: "rdf", Title: "Caspian Notes", Link: "https://caspian.example/", Items: []Item{
			{ID: "https://caspian.example/a1", Link: "https://caspian.example/a1", Title: "Baku hosts energy talks",
				Summary: "Officials met in Baku. Café talk.", Published: date("2024-11-02T00:00:00Z")},
			{ID: "https://caspian.example/a2", Link: "https://caspian.example/a2", Title: "Pipeline deal signed",
				Summary: "Café owners welcomed the deal.", Published: date("2024-11-03T09:30:00+04:00")},
		}}},
		{"atom.xml", &Feed{Format: "atom", Title: "Tashkent Daily", Link: "https://tashkent.example/", Items: []Item{
			{ID: "tag:tashkent.example,2025:water", Link: "https://tashkent.example/water",
				Title: "Uzbekistan and Kyrgyzstan agree on water use", Published: date("2025-03-01T09:00:00+05:00"),
				Summary: "Agreement on water.",
				Content: "<div><p>The two countries agreed on water use in the Fergana valley.</p><p>Officials said the deal &amp; its annex run to 2030.</p></div>"},
			{ID: "tag:tashkent.example,2025:border", Link: "https://tashkent.example/border", Title: "Border post reopens",
				Published: date("2025-03-02T08:00:00Z"), Author: "Desk", Content: "<p>The border post reopened on Sunday.</p>"},
		}}},
		{"feed.json", &Feed{Format: "json", Title: "Gulf Brief", Link: "https://gulf.example/", Items: []Item{
			{ID: "g1", Link: "https://gulf.example/g1", Title: "Qatar and Kazakhstan sign visa deal",
				Content: "<p>Qatar and Kazakhstan signed a visa waiver.</p>", Published: date("2025-01-15T08:00:00+03:00"), Author: "Gulf desk"},
			{ID: "2", Link: "https://gulf.example/g2", Title: "Summit ends",
				Content: "The summit ended on Monday &amp; leaders left.", Published: date("2025-01-16T00:00:00Z")},
		}}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			got, err := Parse(readTestdata(t, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			opts := []cmp.Option{cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) }),
				cmp.Comparer(func(a, b error) bool { return (a == nil) == (b == nil) }), cmpopts.EquateEmpty()}
			if diff := cmp.Diff(tc.want, got, opts...); diff != "" {
				t.Errorf("Parse(%s) mismatch (-want +got):\n%s", tc.file, diff)
			}
		})
	}
}

var errAny = errors.New("any error")

func TestBroken(t *testing.T) {
	rss := string(readTestdata(t, "rss2.xml"))
	cut := strings.Index(rss, "<title>Undated note") // inside the third item
	for _, tc := range []struct {
		name, in  string
		items     int
		syntax    bool
		errSubstr string
	}{
		{"truncated", rss[:cut], 2, true, "line 24: unexpected EOF"},
		{"truncated in CDATA", rss[:strings.Index(rss, "They agreed")], 0, true, "unexpected EOF"},
		{"empty", "", 0, false, "empty"},
		{"html", "<!DOCTYPE html><html><body>hi</body></html>", 0, false, "not an RSS"},
		{"not xml", "hello", 0, false, "not an RSS"},
		{"json no version", `{"items":[]}`, 0, false, "jsonfeed.org"},
		{"json broken", "{\"version\":\"https://jsonfeed.org/version/1\",\n\"items\":[{", 0, true, "line 2"},
		{"bad charset", `<?xml version="1.0" encoding="klingon"?><rss><channel><item><title>x</title></item></channel></rss>`, 0, false, "klingon"},
		{"deep", "<rss>" + strings.Repeat("<a>", 100), 0, true, "nested deeper"},
		{"garbage after items", rss[:cut] + "</item></channel></rss><<<", 3, true, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Parse([]byte(tc.in))
			if err == nil {
				t.Fatal("no error")
			}
			var se *SyntaxError
			if errors.As(err, &se) != tc.syntax {
				t.Errorf("error %v: SyntaxError %v, want %v", err, !tc.syntax, tc.syntax)
			}
			if !strings.Contains(err.Error(), tc.errSubstr) {
				t.Errorf("error %q does not say %q", err, tc.errSubstr)
			}
			n := 0
			if f != nil {
				n = len(f.Items)
			}
			if n != tc.items {
				t.Errorf("%d items kept, want %d", n, tc.items)
			}
		})
	}
}

// FuzzParse checks that no feed panics, that a feed is returned whenever
// the error is not a syntax error, and that every string out is UTF-8 when
// the input was.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"rss2.xml", "rdf.xml", "atom.xml", "feed.json"} {
		f.Add(readTestdata(f, name))
	}
	f.Add([]byte(`<rss><channel><item><title>a</title><link>b</link></item>`))
	f.Add([]byte(`<feed><entry><content type="xhtml"><div><p>x</p></div></content></entry></feed>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fd, err := Parse(data)
		var se *SyntaxError
		if err != nil && fd != nil && !errors.As(err, &se) {
			t.Fatalf("feed returned with a non-syntax error: %v", err)
		}
		if err == nil && fd == nil {
			t.Fatal("nil feed without error")
		}
		if fd == nil || !utf8.Valid(data) || strings.Contains(string(data), "encoding") {
			return
		}
		for _, it := range fd.Items {
			for _, s := range []string{it.ID, it.Link, it.Title, it.Summary, it.Content, it.Author} {
				if !utf8.ValidString(s) {
					t.Fatalf("invalid UTF-8 out: %q", s)
				}
			}
		}
	})
}

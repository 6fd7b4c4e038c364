package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var now = time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)

// readAll reads sources and returns the documents and the problems.
func readAll(t testing.TB, rd *Reader, sources ...string) ([]*Document, []*Problem) {
	t.Helper()
	var docs []*Document
	var probs []*Problem
	for d, err := range rd.Read(context.Background(), sources) {
		if err != nil {
			var p *Problem
			if !errors.As(err, &p) {
				t.Fatalf("error that is not a Problem: %v", err)
			}
			probs = append(probs, p)
			continue
		}
		docs = append(docs, d)
	}
	return docs, probs
}

func writeFile(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const story = "Ministers meet in Astana\n\nASTANA – The foreign ministers of Kazakhstan and Japan met in Astana on Thursday and agreed to expand trade, the ministry said.\n\nThey will meet again in the autumn."

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a/good.txt", []byte(story))
	writeFile(t, dir, "a/empty.txt", nil)
	writeFile(t, dir, "a/blank.txt", []byte(" \n\t\n"))
	writeFile(t, dir, "a/report.pdf", []byte("%PDF-1.7\n\x00\x01binary"))
	writeFile(t, dir, "a/nul.txt", []byte("some\x00text\x00with\x00nuls"))
	writeFile(t, dir, "a/latin1.txt", []byte("Caf\xe9 owners in Almaty welcomed the deal signed by the ministers on Monday."))
	writeFile(t, dir, "a/utf16.txt", []byte("\xff\xfeO\x00k\x00 \x00t\x00e\x00x\x00t\x00"))
	writeFile(t, dir, "a/.hidden.txt", []byte(story))
	writeFile(t, dir, "a/dated.txt", []byte("Posted May 17, 2025\n\nThe talks ended."))
	rd := NewReader(Options{Now: now})
	docs, probs := readAll(t, rd, filepath.Join(dir, "a"), filepath.Join(dir, "missing.txt"))
	got := map[string]*Document{}
	for _, d := range docs {
		got[filepath.Base(d.Source)] = d
	}
	if len(docs) != 4 {
		t.Errorf("%d documents, want 4 (good, latin1, utf16, dated): %v", len(docs), keys(got))
	}
	if d := got["good.txt"]; d == nil || d.Title != "Ministers meet in Astana" || !strings.HasPrefix(d.Text, "ASTANA") ||
		d.DateBasis != DateNone || !d.Published.Equal(now) || d.Language != "en" {
		t.Errorf("good.txt: %+v", d)
	}
	if d := got["latin1.txt"]; d == nil || !strings.HasPrefix(d.Text, "Café") || len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], "Windows-1252") {
		t.Errorf("latin1.txt: %+v", d)
	}
	if d := got["utf16.txt"]; d == nil || d.Text != "Ok text" {
		t.Errorf("utf16.txt: %+v", d)
	}
	if d := got["dated.txt"]; d == nil || d.DateBasis != DateText || d.Published.Format("2006-01-02") != "2025-05-17" {
		t.Errorf("dated.txt: %+v", d)
	}
	want := map[string]string{
		"empty.txt": "empty", "blank.txt": "empty", "report.pdf": "a PDF file", "nul.txt": "binary", "missing.txt": "no such file",
	}
	if len(probs) != len(want) {
		t.Errorf("%d problems, want %d: %v", len(probs), len(want), probs)
	}
	for _, p := range probs {
		w, ok := want[filepath.Base(p.Source)]
		if !ok || !strings.Contains(p.Error(), w) || !strings.HasPrefix(p.Error(), p.Source+": ") {
			t.Errorf("problem %q, want one naming the file and saying %q", p, w)
		}
	}
}

func keys(m map[string]*Document) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestHugeLine(t *testing.T) {
	dir := t.TempDir()
	// A 50 MB text file on one line: kept, cut at the limit, said so.
	line := strings.Repeat("The ministers met again. ", 2<<20)
	writeFile(t, dir, "huge.txt", []byte(line))
	// The same line inside a JSON lines file costs only its own line.
	jl := `{"id":"1","text":"First story about talks."}` + "\n" + `{"id":"2","text":"` + line + `"}` + "\n" +
		`{"id":"3","text":"Third story.","date":"not a date"}` + "\n" + `not json` + "\n" + `{"id":"5","text":""}` + "\n"
	writeFile(t, dir, "news.jsonl", []byte(jl))
	rd := NewReader(Options{Now: now})
	docs, probs := readAll(t, rd, filepath.Join(dir, "huge.txt"), filepath.Join(dir, "news.jsonl"))
	if len(docs) != 3 {
		t.Fatalf("%d documents, want 3", len(docs))
	}
	if d := docs[0]; len(d.Text) > 4<<20 || len(d.Text) < 3<<20 || len(d.Warnings) == 0 || !strings.Contains(d.Warnings[0], "cut at 4 MiB") {
		t.Errorf("huge.txt: %d bytes, warnings %q", len(d.Text), d.Warnings)
	}
	if docs[1].ID != "1" || docs[2].ID != "3" || len(docs[2].Warnings) != 1 || docs[2].DateBasis != DateNone {
		t.Errorf("jsonl docs: %+v %+v", docs[1], docs[2])
	}
	var msgs []string
	for _, p := range probs {
		msgs = append(msgs, p.Error())
	}
	wantMsgs := []string{
		filepath.Join(dir, "news.jsonl") + ":2: line longer than 8 MiB",
		filepath.Join(dir, "news.jsonl") + ":4: not a JSON record",
		filepath.Join(dir, "news.jsonl") + ":5: empty",
	}
	if len(msgs) != len(wantMsgs) {
		t.Fatalf("problems %q, want %q", msgs, wantMsgs)
	}
	for i := range msgs {
		if !strings.HasPrefix(msgs[i], wantMsgs[i]) {
			t.Errorf("problem %q, want %q…", msgs[i], wantMsgs[i])
		}
	}
}

func TestJSONLKinds(t *testing.T) {
	long := `{"id":"l1","text":"` + strings.Repeat("Talks went on. ", 200) + `"}` + "\n"
	dir := t.TempDir()
	writeFile(t, dir, "pretty.json", []byte("{\n  \"a\": 1\n}\n"))
	writeFile(t, dir, "brace.txt", []byte("{Editor's note} The ministers met on Monday in Astana.\nMore text."))
	rd := NewReader(Options{Now: now, Stdin: strings.NewReader(long + long)})
	docs, probs := readAll(t, rd, "-", filepath.Join(dir, "pretty.json"), filepath.Join(dir, "brace.txt"))
	if len(docs) != 3 || docs[0].ID != "l1" || docs[1].Source != "stdin:2" || !strings.HasPrefix(docs[2].Text, "{Editor") {
		t.Errorf("docs: %d", len(docs))
	}
	if len(probs) != 1 || !strings.Contains(probs[0].Error(), "pretty.json: JSON that is neither") {
		t.Errorf("problems: %v", probs)
	}
}

func TestJSONL(t *testing.T) {
	in := `{"id":"k1","url":"https://x.example/2024/03/05/a","title":"T","date":"2025-05-29","source":"Wire","text":"Kazakhstan and China signed a deal."}
{"id":"k2","url":"https://x.example/2024/03/05/b","text":"Undated but the URL says when."}
`
	rd := NewReader(Options{Now: now, Stdin: strings.NewReader(in)})
	docs, probs := readAll(t, rd, "-")
	if len(probs) != 0 || len(docs) != 2 {
		t.Fatalf("docs %d, problems %v", len(docs), probs)
	}
	d := docs[0]
	if d.ID != "k1" || d.Title != "T" || d.Outlet != "Wire" || d.DateBasis != DateMetadata || d.Published.Format("2006-01-02") != "2025-05-29" || d.Source != "stdin:1" {
		t.Errorf("first: %+v", d)
	}
	if d := docs[1]; d.DateBasis != DateURL || d.Published.Format("2006-01-02") != "2024-03-05" {
		t.Errorf("second: %+v", d)
	}
}

func TestIndex(t *testing.T) {
	dir := t.TempDir()
	idx := writeFile(t, dir, "index.jsonl", []byte(`{"file":"one.txt","url":"https://a.example/1","outlet":"A","date":"2021-03-04"}
{"file":"sub/two.txt","url":"https://b.example/2","outlet":"B","date":null}
{"url":"x"}
{"file":"bad.txt","date":"someday"}
`))
	ix, err := ReadIndex(idx, strings.NewReader(mustRead(t, idx)))
	if err == nil || !strings.Contains(err.Error(), "index.jsonl:3: no \"file\"") || !strings.Contains(err.Error(), "index.jsonl:4:") {
		t.Errorf("index errors: %v", err)
	}
	if ix.Len() != 3 {
		t.Errorf("%d entries, want 3", ix.Len())
	}
	writeFile(t, dir, "arts/one.txt", []byte(story))
	writeFile(t, dir, "arts/sub/two.txt", []byte(story+" Two."))
	rd := NewReader(Options{Now: now, Index: ix})
	docs, probs := readAll(t, rd, filepath.Join(dir, "arts"))
	if len(docs) != 2 || len(probs) != 0 {
		t.Fatalf("%d docs, problems %v", len(docs), probs)
	}
	if d := docs[0]; d.URL != "https://a.example/1" || d.Outlet != "A" || d.DateBasis != DateIndex || d.Published.Format("2006-01-02") != "2021-03-04" {
		t.Errorf("one.txt: %+v", d)
	}
	if d := docs[1]; d.URL != "https://b.example/2" || d.Outlet != "B" || d.DateBasis != DateNone {
		t.Errorf("two.txt: %+v", d)
	}
}

func mustRead(t testing.TB, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestHTMLFile(t *testing.T) {
	rd := NewReader(Options{Now: now})
	docs, probs := readAll(t, rd, filepath.Join("testdata", "page.html"))
	if len(probs) != 0 || len(docs) != 1 {
		t.Fatalf("docs %d, problems %v", len(docs), probs)
	}
	d := docs[0]
	if d.Title != "Kazakhstan and Japan expand ties" || d.Outlet != "Steppe Wire" || d.Language != "en" ||
		d.DateBasis != DateMetadata || d.Published.Format(time.RFC3339) != "2025-05-29T09:30:00+05:00" {
		t.Errorf("metadata: title %q outlet %q lang %q date %v (%s)", d.Title, d.Outlet, d.Language, d.Published, d.DateBasis)
	}
	for _, bad := range []string{"Most read", "Football", "Politics", "rights reserved", "Cookie"} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("text keeps boilerplate %q:\n%s", bad, d.Text)
		}
	}
	if !strings.Contains(d.Text, "ASTANA – The foreign ministers") || !strings.Contains(d.Text, "Central Asia plus Japan dialogue.") {
		t.Errorf("text lost the story:\n%s", d.Text)
	}
	if strings.Count(d.Text, "\n\n") < 3 {
		t.Errorf("paragraphs not kept apart:\n%s", d.Text)
	}
}

func TestTruncatedHTML(t *testing.T) {
	page := mustRead(t, filepath.Join("testdata", "page.html"))
	dir := t.TempDir()
	p := writeFile(t, dir, "cut.html", []byte(page[:strings.Index(page, "Japan’s minister")]))
	writeFile(t, dir, "nothing.html", []byte("<html><body><nav><a href=/>Home</a></nav></body></html>"))
	rd := NewReader(Options{Now: now})
	docs, probs := readAll(t, rd, p, filepath.Join(dir, "nothing.html"))
	if len(docs) != 1 || !strings.Contains(docs[0].Text, "every field") {
		t.Errorf("truncated page: %d docs", len(docs))
	}
	if len(probs) != 1 || !strings.Contains(probs[0].Error(), "nothing.html: no article text") || !probs[0].Skipped {
		t.Errorf("problems: %v", probs)
	}
}

// TestNewsDev reads the shared news-dev articles with their index, as
// "farabi ingest --index ../shared/news-dev/index.jsonl ../shared/news-dev/articles" does.
func TestNewsDev(t *testing.T) {
	shared := os.Getenv("FARABI_SHARED")
	if shared == "" {
		shared = filepath.Join("..", "..", "..", "shared")
	}
	dir := filepath.Join(shared, "news-dev")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("news-dev not found at %s (set FARABI_SHARED)", dir)
	}
	idxPath := filepath.Join(dir, "index.jsonl")
	ix, err := ReadIndex(idxPath, strings.NewReader(mustRead(t, idxPath)))
	if err != nil {
		t.Fatal(err)
	}
	rd := NewReader(Options{Now: now, Index: ix})
	docs, probs := readAll(t, rd, filepath.Join(dir, "articles"))
	if len(probs) != 0 {
		t.Errorf("problems: %v", probs)
	}
	if len(docs) != ix.Len() {
		t.Errorf("%d documents, index has %d", len(docs), ix.Len())
	}
	basis := map[DateBasis]int{}
	for _, d := range docs {
		basis[d.DateBasis]++
		if d.URL == "" || d.Outlet == "" || d.Title == "" || d.Text == "" {
			t.Errorf("%s: url %q outlet %q title %q", d.Source, d.URL, d.Outlet, d.Title)
		}
	}
	t.Logf("dates: %v", basis)
	if basis[DateIndex] < len(docs)*9/10 {
		t.Errorf("only %d of %d dated by the index", basis[DateIndex], len(docs))
	}
	_ = fmt.Sprint()
}

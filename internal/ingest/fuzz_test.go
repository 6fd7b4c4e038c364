package ingest

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkDoc fails unless d holds valid UTF-8 and a date.
func checkDoc(t *testing.T, d *Document) {
	t.Helper()
	for _, s := range []string{d.Title, d.Text, d.Outlet, d.URL, d.Language} {
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 out: %q", s)
		}
	}
	if d.Published.IsZero() || d.DateBasis == "" {
		t.Fatalf("document without a date: %+v", d)
	}
}

// FuzzText reads any bytes as a file: no panic, either a document of valid
// UTF-8 text or a problem naming the file.
func FuzzText(f *testing.F) {
	f.Add([]byte(story))
	f.Add([]byte("Caf\xe9\n\nbody"))
	f.Add([]byte("\xff\xfeO\x00"))
	f.Add([]byte("%PDF-1.4"))
	f.Add([]byte("{\"text\":\"x\"}\n"))
	f.Add([]byte("<html><body><p>Hello there.</p></body></html>"))
	f.Add([]byte("<rss><channel><item><title>x</title><description>y</description></item></channel></rss>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rd := NewReader(Options{Now: now, Stdin: bytes.NewReader(data), MaxBytes: 1 << 16})
		for d, err := range rd.Read(context.Background(), []string{"-"}) {
			if err != nil {
				var p *Problem
				if !errors.As(err, &p) || !strings.HasPrefix(p.Error(), "stdin") {
					t.Fatalf("bad problem: %v", err)
				}
				continue
			}
			checkDoc(t, d)
			if len(d.Text) > 1<<16 {
				t.Fatalf("text of %d bytes over the limit", len(d.Text))
			}
		}
	})
}

// FuzzHTML extracts the story of any page: no panic, valid UTF-8 out.
func FuzzHTML(f *testing.F) {
	if page, err := os.ReadFile(filepath.Join("testdata", "page.html")); err == nil {
		f.Add(page)
		f.Add(page[:len(page)/2])
	}
	f.Add([]byte(`<html><head><script type="application/ld+json">[{"@graph":[{"@type":["NewsArticle"],"headline":"h","datePublished":"2020-01-01"}]}]</script></head><body><article><p>Some words in a story here for you.</p></article></body></html>`))
	f.Add([]byte("<meta property=og:title content=\"\xff\"><time datetime=2025-13-40>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := extractHTML(data, "https://example.org/2025/01/02/x", "")
		if err != nil {
			return
		}
		d.finishDate(now)
		checkDoc(t, d)
	})
}

// FuzzJSONL reads any JSON lines: no panic; every problem names its line.
func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"1","text":"a story","date":"2025-05-29"}` + "\n" + `{"text":""}` + "\nnot json\n"))
	f.Add([]byte("{\"text\":\"\xff\"}\r\n\r\n{\"date\":\"Mon, 99 May\",\"text\":\"x\"}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rd := NewReader(Options{Now: now})
		lines := bytes.Count(data, []byte("\n")) + 1
		rd.readJSONL("f.jsonl", bytes.NewReader(data), func(d *Document, err error) bool {
			if err != nil {
				var p *Problem
				if !errors.As(err, &p) || p.Line < 1 || p.Line > lines {
					t.Fatalf("problem without a good line: %v", err)
				}
				return true
			}
			checkDoc(t, d)
			return true
		})
	})
}

// FuzzIndex reads any index: no panic; every error names the file and line.
func FuzzIndex(f *testing.F) {
	f.Add([]byte(`{"file":"a.txt","url":"u","outlet":"o","date":"2021-01-02"}` + "\n" + `{"file":"b.txt","date":null}`))
	f.Add([]byte("{\"file\":\"../x\",\"date\":\"x\"}\n\n{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ix, err := ReadIndex("i.jsonl", bytes.NewReader(data))
		if ix == nil {
			t.Fatal("nil index")
		}
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "i.jsonl:") {
					t.Fatalf("error without a position: %q", line)
				}
			}
		}
	})
}

// FuzzEachLine checks the line reader against strings.Split.
func FuzzEachLine(f *testing.F) {
	f.Add([]byte("a\nb\r\n\nlong line here\n"), 4)
	f.Fuzz(func(t *testing.T, data []byte, max int) {
		max = 1 + (max&0xffff)%64
		want := strings.Split(string(data), "\n")
		if len(want) > 0 && want[len(want)-1] == "" {
			want = want[:len(want)-1]
		}
		i := 0
		err := eachLine(bytes.NewReader(data), max, func(line int, b []byte, tooLong bool) error {
			if line != i+1 || i >= len(want) {
				t.Fatalf("line %d, want %d of %d", line, i+1, len(want))
			}
			w := strings.TrimRight(want[i], "\r\n")
			raw := len(want[i]) // with its end of line, as eachLine counts
			if i < bytes.Count(data, []byte("\n")) {
				raw++
			}
			if tooLong != (raw > max+2) {
				t.Fatalf("line %d (%d bytes, max %d): tooLong %v", line, len(want[i]), max, tooLong)
			}
			if !tooLong && string(b) != w {
				t.Fatalf("line %d = %q, want %q", line, b, w)
			}
			i++
			return nil
		})
		if err != nil || i != len(want) {
			t.Fatalf("%d lines read, want %d (err %v)", i, len(want), err)
		}
	})
}

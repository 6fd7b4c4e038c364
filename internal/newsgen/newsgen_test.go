package newsgen

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

var out = flag.String("out", "", "write a benchmark corpus of -n sentences to this file")
var n = flag.Int("n", 50000, "sentences to write with -out")

func TestWrite(t *testing.T) {
	var a, b bytes.Buffer
	if _, err := Write(&a, 200, 7); err != nil {
		t.Fatal(err)
	}
	Write(&b, 200, 7)
	if a.String() != b.String() {
		t.Error("same seed gave different text")
	}
	if strings.Contains(a.String(), "{") {
		t.Error("a template slot was left unfilled")
	}
	if !utf8.Valid(a.Bytes()) {
		t.Error("output is not valid UTF-8")
	}
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		write := Write
		if strings.HasSuffix(*out, ".jsonl") {
			write = WriteJSONL
		}
		if _, err := write(f, *n, 1); err != nil {
			t.Fatal(err)
		}
	}
}

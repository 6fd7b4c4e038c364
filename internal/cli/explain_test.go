package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"farabi/internal/txtar"
	"farabi/internal/ud"
)

// TestExplainCleansInput runs explain on sentences with invalid UTF-8,
// control characters and line breaks: the output is valid UTF-8, and
// --txtar's archive holds its three files and a sentence.conllu that
// farabi's CoNLL-U reader reads back (issue 9).
func TestExplainCleansInput(t *testing.T) {
	for _, in := range []string{
		"Russia\xff\xfe attacked Japan.",
		"Russia\x01 attacked\x7f Japan\x1b.",
		"Russia attacked\n-- mentions --\nJapan.",
	} {
		for _, args := range [][]string{{"explain", in}, {"explain", "--txtar", in}} {
			var out, errs bytes.Buffer
			if code := Main(context.Background(), args, strings.NewReader(""), &out, &errs); code != 0 {
				t.Fatalf("%q: exit %d: %s", args, code, errs.String())
			}
			if !utf8.Valid(out.Bytes()) {
				t.Errorf("%q: output is not valid UTF-8", args)
			}
			if args[1] != "--txtar" {
				continue
			}
			a := txtar.Parse(out.Bytes())
			var names []string
			for _, f := range a.Files {
				names = append(names, f.Name)
			}
			if strings.Join(names, " ") != "sentence.conllu mentions events.golden" {
				t.Errorf("%q: archive files %q", in, names)
			}
			conllu, _ := a.Get("sentence.conllu")
			if _, err := ud.ReadAll(bytes.NewReader(conllu), "sentence.conllu"); err != nil {
				t.Errorf("%q: sentence.conllu does not read back: %v\n%s", in, err, conllu)
			}
		}
	}
}

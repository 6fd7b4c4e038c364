package cli

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"farabi/internal/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestE2E runs the cases in testdata/e2e/*.txtar through Main, from raw
// input to output. A case holds:
//
//	args           the command line, one argument a line
//	stdin          optional: the standard input
//	stdout.golden  the expected standard output
//	stderr.golden  the expected standard error
//	exit           the expected exit code
//
// Every other file is written to a temporary directory, and an argument
// naming it is replaced by its path there. A file whose name ends in
// ".esc" holds a Go string literal ("\x00\xff...") and is written unquoted
// without that suffix, so binary input can be kept in a text archive. The
// temporary directory is written $WORK in the outputs.
//
// The goldens follow the models and dictionaries: when either changes,
// run go test ./internal/cli -run TestE2E -update and review the diff.
func TestE2E(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "e2e", "*.txtar"))
	if len(files) == 0 {
		t.Skip("no end-to-end cases")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			written := map[string]string{}
			for _, f := range a.Files {
				switch f.Name {
				case "args", "stdin", "stdout.golden", "stderr.golden", "exit":
					continue
				}
				name, data := f.Name, f.Data
				if base, ok := strings.CutSuffix(name, ".esc"); ok {
					s, err := strconv.Unquote(strings.TrimSpace(string(data)))
					if err != nil {
						t.Fatalf("%s: %s: want one Go string literal: %v", file, name, err)
					}
					name, data = base, []byte(s)
				}
				path := filepath.Join(dir, name)
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
				written[name] = path
			}
			argData, ok := a.Get("args")
			if !ok {
				t.Fatalf("%s: no args", file)
			}
			var args []string
			for _, line := range strings.Split(string(argData), "\n") {
				if line == "" {
					continue
				}
				if path, ok := written[line]; ok {
					line = path
				}
				args = append(args, line)
			}
			stdin, _ := a.Get("stdin")
			var stdout, stderr bytes.Buffer
			code := Main(context.Background(), args, bytes.NewReader(stdin), &stdout, &stderr)
			// Outputs as txtar keeps them: $WORK for the directory, and a
			// final newline.
			work := func(b []byte) []byte {
				b = bytes.ReplaceAll(b, []byte(dir), []byte("$WORK"))
				if len(b) > 0 && b[len(b)-1] != '\n' {
					b = append(b, '\n')
				}
				return b
			}
			got := map[string][]byte{
				"stdout.golden": work(stdout.Bytes()),
				"stderr.golden": work(stderr.Bytes()),
				"exit":          []byte(strconv.Itoa(code) + "\n"),
			}
			if *update {
				for _, name := range []string{"stdout.golden", "stderr.golden", "exit"} {
					a.Set(name, got[name])
				}
				if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, name := range []string{"exit", "stderr.golden", "stdout.golden"} {
				want, _ := a.Get(name)
				if !bytes.Equal(got[name], want) {
					t.Errorf("%s: %s differs (go test -run TestE2E -update rewrites; review the diff)\ngot:\n%swant:\n%s",
						file, name, got[name], want)
				}
			}
		})
	}
}

package udeval_test

import (
	"fmt"
	"os"
	"testing"

	"farabi/internal/ud"
)

// dump writes token and sentence differences to FARABI_DUMP for study.
func dump(t *testing.T, gold, sys []*ud.Sentence, text string) {
	f, err := os.Create(os.Getenv("FARABI_DUMP"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gs := map[ud.Span]bool{}
	for _, s := range gold {
		for _, tk := range s.Tokens {
			gs[tk.Span] = true
		}
	}
	ss := map[ud.Span]bool{}
	for _, s := range sys {
		for _, tk := range s.Tokens {
			ss[tk.Span] = true
		}
	}
	for _, s := range sys {
		for _, tk := range s.Tokens {
			if !gs[tk.Span] {
				a, b := max(0, tk.Span.Start-20), min(len(text), tk.Span.End+20)
				fmt.Fprintf(f, "SYS %q in %q\n", tk.Form, text[a:b])
			}
		}
	}
	gsent := map[ud.Span]bool{}
	for _, s := range gold {
		gsent[ud.Span{Start: s.Tokens[0].Span.Start, End: s.Tokens[len(s.Tokens)-1].Span.End}] = true
	}
	for _, s := range sys {
		sp := ud.Span{Start: s.Tokens[0].Span.Start, End: s.Tokens[len(s.Tokens)-1].Span.End}
		if !gsent[sp] {
			fmt.Fprintf(f, "SENT %q\n", text[sp.Start:sp.End])
		}
	}
}

package problems_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"farabi/internal/problems"
)

func TestList(t *testing.T) {
	var l problems.List
	if l.Err() != nil {
		t.Fatal("empty list has an error")
	}
	first := errors.New("in.jsonl:1: bad")
	l.Add("bad lines", first)
	for i := 2; i <= 200000; i++ {
		l.Add("bad lines", fmt.Errorf("in.jsonl:%d: bad", i))
	}
	l.Add("missing files", errors.New("x: no such file"))
	msg := l.Err().Error()
	lines := strings.Split(msg, "\n")
	if len(lines) != problems.MaxShown+2 {
		t.Errorf("%d lines, want %d:\n%s", len(lines), problems.MaxShown+2, msg)
	}
	if last := lines[len(lines)-1]; last != "… and 199,990 more bad lines" {
		t.Errorf("last line %q", last)
	}
	if lines[problems.MaxShown] != "x: no such file" {
		t.Errorf("line %d = %q, want the other kind's message", problems.MaxShown+1, lines[problems.MaxShown])
	}
	if !errors.Is(l.Err(), first) || l.Len() != 200001 || !problems.Is(fmt.Errorf("w: %w", l.Err())) {
		t.Error("errors.Is, Len or Is wrong")
	}
}

func TestAddAll(t *testing.T) {
	var l problems.List
	l.AddAll("k", errors.Join(errors.New("a"), errors.Join(errors.New("b"), errors.New("c"))))
	l.AddAll("k", nil)
	if got := l.Err().Error(); got != "a\nb\nc" || l.Len() != 3 {
		t.Errorf("got %q (%d)", got, l.Len())
	}
}

func TestCount(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 199990: "199,990", 1234567: "1,234,567", -4500: "-4,500"} {
		if got := problems.Count(n); got != want {
			t.Errorf("Count(%d) = %q, want %q", n, got, want)
		}
	}
}

func ExampleList() {
	var l problems.List
	for i := 1; i <= 12; i++ {
		l.Add("records that are not JSON", fmt.Errorf("in.jsonl:%d: not JSON", i))
	}
	fmt.Println(l.Err())
	// Output:
	// in.jsonl:1: not JSON
	// in.jsonl:2: not JSON
	// in.jsonl:3: not JSON
	// in.jsonl:4: not JSON
	// in.jsonl:5: not JSON
	// in.jsonl:6: not JSON
	// in.jsonl:7: not JSON
	// in.jsonl:8: not JSON
	// in.jsonl:9: not JSON
	// in.jsonl:10: not JSON
	// … and 2 more records that are not JSON
}

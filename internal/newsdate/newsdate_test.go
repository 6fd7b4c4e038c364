package newsdate

import (
	"errors"
	"testing"
	"time"
	"unicode/utf8"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Mon, 02 Jan 2006 15:04:05 GMT", "2006-01-02T15:04:05Z"},
		{"Mon, 2 Jan 2006 15:04:05 -0700", "2006-01-02T15:04:05-07:00"},
		{"Tue, 02 Jan 2006 15:04:05 EST", "2006-01-02T15:04:05-05:00"}, // wrong weekday: ignored
		{"Thu, 29 May 2025 08:00 +0500", "2025-05-29T08:00:00+05:00"},
		{"29 May 25 08:00:00 +0000", "2025-05-29T08:00:00Z"},
		{"Thursday, May 29, 2025 at 10:15 AM", "2025-05-29T10:15:00Z"},
		{"2025-05-29T10:15:00Z", "2025-05-29T10:15:00Z"},
		{"2025-05-29T10:15:00.123+03:00", "2025-05-29T10:15:00.123+03:00"},
		{"2025-05-29T10:15:00+0300", "2025-05-29T10:15:00+03:00"},
		{"2025-05-29 10:15:00", "2025-05-29T10:15:00Z"},
		{"2025-05-29", "2025-05-29T00:00:00Z"},
		{" 2025/05/29 ", "2025-05-29T00:00:00Z"},
		{"29 May 2025", "2025-05-29T00:00:00Z"},
		{"29th May 2025", "2025-05-29T00:00:00Z"},
		{"May 29th, 2025", "2025-05-29T00:00:00Z"},
		{"September 3, 2024", "2024-09-03T00:00:00Z"},
		{"Sept 3, 2024", "2024-09-03T00:00:00Z"},
		{"29.05.2025", "2025-05-29T00:00:00Z"},
		{"Thu, 29 May 2025 08:00:00 GMT+3", "2025-05-29T08:00:00+03:00"},
		{"Thu, 29 May 2025 08:00:00 (UTC)", "2025-05-29T08:00:00Z"},
	} {
		got, err := Parse(tc.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.in, err)
			continue
		}
		if s := got.Format(time.RFC3339Nano); s != tc.want {
			t.Errorf("Parse(%q) = %s, want %s", tc.in, s, tc.want)
		}
	}
}

func TestParseBad(t *testing.T) {
	for _, in := range []string{"", "yesterday", "32 May 2025", "2025-13-01", "0012-01-01", "Mon, 99 Foo 2025", "\xff\xfe"} {
		if _, err := Parse(in); !errors.Is(err, ErrNoDate) {
			t.Errorf("Parse(%q): err = %v, want ErrNoDate", in, err)
		}
	}
}

func TestInText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"ASTANA, May 17, 2025 – Kazakhstan and China …", "2025-05-17"},
		{"Published 3 March 2021. The ministers met …", "2021-03-03"},
		{"Posted 2019-11-02 by staff", "2019-11-02"},
		{"On May 17 the ministers met.", ""},
	} {
		got, ok := InText(tc.in, 600)
		s := ""
		if ok {
			s = got.Format("2006-01-02")
		}
		if s != tc.want {
			t.Errorf("InText(%q) = %q, want %q", tc.in, s, tc.want)
		}
	}
}

func TestInURL(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://www.amerinews.tv/posts/2018/01/16/us-and-kazakhstan", "2018-01-16"},
		{"https://example.org/news/2024-02-29-talks.html", "2024-02-29"},
		{"https://example.org/20230115/story.html", "2023-01-15"},
		{"https://example.org/2023/02/31/x", ""},
		{"https://example.org/catalog/countries/KZ/events/78447", ""},
	} {
		got, ok := InURL(tc.in)
		s := ""
		if ok {
			s = got.Format("2006-01-02")
		}
		if s != tc.want {
			t.Errorf("InURL(%q) = %q, want %q", tc.in, s, tc.want)
		}
	}
}

// FuzzParse checks that no input panics and that every date read is
// plausible.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"Mon, 02 Jan 2006 15:04:05 GMT", "2025-05-29T10:15:00Z", "May 29th, 2025", "GMT+99", "29.05.2025", ","} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, err := Parse(s); err == nil && !plausible(d) {
			t.Fatalf("Parse(%q) = %v", s, d)
		}
		if d, ok := InText(s, 600); ok && !plausible(d) {
			t.Fatalf("InText(%q) = %v", s, d)
		}
		if _, err := Parse(s); err != nil && !utf8.ValidString(err.Error()) && utf8.ValidString(s) {
			t.Fatalf("error is not UTF-8: %q", err)
		}
	})
}

package analytics_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"farabi/internal/analytics"
	"farabi/internal/event"
	"farabi/internal/store"
)

func Example() {
	dir, _ := os.MkdirTemp("", "analytics-example")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(dir, "x.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	// One story, four events: two with China (one reported twice), one
	// with Russia and one with the EU.
	var evs []event.Event
	text := ""
	for i, k := range []string{"KAZGOV CHN 042", "CHN KAZ 057", "KAZGOV CHN 042", "RUS KAZ 120", "KAZ IGOEUREEC 036"} {
		f := strings.Fields(k)
		text += k + ". "
		evs = append(evs, event.Event{Sentence: i, Date: "2025-03-03", Source: event.Actor{Code: f[0]},
			Target: event.Actor{Code: f[1]}, Code: f[2], Root: event.Root(f[2]), Quad: event.Quad(f[2]), Goldstein: 1})
	}
	if _, err := s.Put(ctx, &store.Doc{Article: store.Article{Published: "2025-03-03", Text: text},
		Coding: store.Coding{Events: evs}}); err != nil {
		fmt.Println(err)
		return
	}
	v, err := analytics.New(s, nil).Vectors(ctx, "KAZ", analytics.Window{Since: "2025-03-01"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range v.Blocs {
		if b.Events > 0 {
			fmt.Printf("%-10s %d events, share %.2f\n", b.Name, b.Events, b.Share)
		}
	}
	fmt.Printf("blocs: HHI %.3f, entropy %.3f over %d blocs\n", v.BlocConcentration.HHI, v.BlocConcentration.Entropy, v.BlocConcentration.N)
	// Output:
	// Russia     1 events, share 0.25
	// China      2 events, share 0.50
	// The West   1 events, share 0.25
	// blocs: HHI 0.375, entropy 0.405 over 13 blocs
}

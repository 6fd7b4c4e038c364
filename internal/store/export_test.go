package store

import (
	"context"
	"fmt"
)

// AggregateFrom runs an aggregate on s reading the tables plan names:
// "best" (as Aggregate does), "dyads" (the dyad tables, not the actor
// tables) or "rows" (the distinct events alone).
func AggregateFrom(ctx context.Context, s Store, f AggFilter, plan string) ([]Bucket, error) {
	p, ok := map[string]aggPlan{"best": planBest, "dyads": planDyads, "rows": planRows}[plan]
	if !ok {
		return nil, fmt.Errorf("unknown plan %q", plan)
	}
	return s.(*backend).aggregate(ctx, f, p)
}

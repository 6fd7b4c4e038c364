package cli

import (
	"context"
	"errors"
)

// trainParser is written by the depparse work; this stub keeps the build green.
func trainParser(ctx context.Context, env *Env, args []string) error {
	return errors.New("train parser: not implemented yet")
}

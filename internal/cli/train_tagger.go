package cli

import (
	"context"
	"errors"
)

// trainTagger is written by the postag work; this stub keeps the build green.
func trainTagger(ctx context.Context, env *Env, args []string) error {
	return errors.New("train tagger: not implemented yet")
}

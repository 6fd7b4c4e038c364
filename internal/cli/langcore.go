package cli

import (
	"farabi/internal/pipeline"
)

// loadPipeline returns the language pipeline with the embedded models.
func loadPipeline() (*pipeline.Pipeline, error) {
	return pipeline.New(nil, nil), nil
}

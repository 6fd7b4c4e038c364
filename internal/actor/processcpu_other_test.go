//go:build !unix

package actor

import "time"

// processCPU is not measured here: TestLoadTime goes by wall time alone.
func processCPU() time.Duration { return 0 }

module farabi

go 1.26.8

require (
	github.com/google/go-cmp v0.7.0
	golang.org/x/net v0.41.0
)

require golang.org/x/text v0.26.0 // indirect

// Command farabi turns news text into coded political events.
//
// Run "farabi help" for the list of commands.
package main

import (
	"context"
	"os"
	"os/signal"

	"farabi/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

package queue

import (
	"fmt"
	"net"
	"os"
	"strconv"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
)

// Embedded is a NATS server with JetStream running inside this process.
type Embedded struct {
	srv *server.Server
}

// StartEmbedded starts a NATS server with JetStream in this process,
// keeping its streams in files under dir, so that the queue survives a
// restart. It listens on listen ("127.0.0.1:4222"; port 0 picks a free
// one) for other processes, or nowhere when listen is "". Messages may
// be up to 8 MiB.
func StartEmbedded(dir, listen string) (*Embedded, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	opts := &server.Options{ServerName: "farabi-embedded", JetStream: true, StoreDir: dir, MaxPayload: 8 << 20,
		NoSigs: true, NoLog: true}
	if listen == "" {
		opts.DontListen = true
	} else {
		host, port, err := net.SplitHostPort(listen)
		if err != nil {
			return nil, fmt.Errorf("queue: listen address %q: %w", listen, err)
		}
		if opts.Port, err = strconv.Atoi(port); err != nil {
			return nil, fmt.Errorf("queue: listen address %q: bad port", listen)
		}
		opts.Host = host
		if opts.Port == 0 {
			opts.Port = server.RANDOM_PORT
		}
	}
	srv, err := server.NewServer(opts)
	if err != nil {
		return nil, fmt.Errorf("queue: embedded server: %w", err)
	}
	go srv.Start()
	if !srv.ReadyForConnections(30 * time.Second) {
		srv.Shutdown()
		return nil, fmt.Errorf("queue: embedded server in %s did not start (is %s free?)", dir, listen)
	}
	return &Embedded{srv: srv}, nil
}

// URL is the address other processes connect to ("nats://127.0.0.1:4222"),
// or "" when the server does not listen.
func (e *Embedded) URL() string {
	if e.srv.Addr() == nil {
		return ""
	}
	return e.srv.ClientURL()
}

// ConnOption connects a client inside the process without a socket.
func (e *Embedded) ConnOption() nats.Option { return nats.InProcessServer(e.srv) }

// Shutdown stops the server; its streams stay in the directory.
func (e *Embedded) Shutdown() {
	e.srv.Shutdown()
	e.srv.WaitForShutdown()
}

package main

import (
	"bufio"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
)

// offHostTrap is an HTTP proxy on 127.0.0.1 that forwards nothing: every provider of the
// official step gets it as HTTP_PROXY and HTTPS_PROXY, and Go's HTTP clients send every
// request through it except those to 127.0.0.1 and localhost, which never go through a
// proxy. So a request meant for any other host (IAM, the website-type check, an ECS
// endpoint) reaches the trap, which records the host and answers 403, and the report
// can say that the providers talked to the emulator only.
type offHostTrap struct {
	ln    net.Listener
	mu    sync.Mutex
	hosts []string // "CONNECT iam.example:443" or "GET http://host/path", in arrival order
	done  chan struct{}
}

func startOffHostTrap() (*offHostTrap, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	t := &offHostTrap{ln: ln, done: make(chan struct{})}
	go t.serve()
	return t, nil
}

func (t *offHostTrap) serve() {
	defer close(t.done)
	for {
		conn, err := t.ln.Accept()
		if err != nil {
			return
		}
		go t.refuse(conn)
	}
}

// refuse records the request line of one proxied request and answers 403.
func (t *offHostTrap) refuse(conn net.Conn) {
	defer conn.Close()
	req, err := http.ReadRequest(bufio.NewReader(conn))
	what := "unreadable request"
	if err == nil {
		what = req.Method + " " + req.RequestURI
	}
	t.mu.Lock()
	t.hosts = append(t.hosts, what)
	t.mu.Unlock()
	_, _ = conn.Write([]byte("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"))
}

// requests is every request the trap refused so far.
func (t *offHostTrap) requests() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return slices.Clone(t.hosts)
}

// env points HTTP_PROXY and HTTPS_PROXY at the trap in env, without any NO_PROXY of the
// machine's, which could let a host pass by the trap.
func (t *offHostTrap) env(env []string) []string {
	var out []string
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		if !strings.HasSuffix(strings.ToUpper(name), "_PROXY") {
			out = append(out, kv)
		}
	}
	url := "http://" + t.ln.Addr().String()
	return append(out, "HTTP_PROXY="+url, "HTTPS_PROXY="+url)
}

func (t *offHostTrap) close() {
	_ = t.ln.Close()
	<-t.done
}

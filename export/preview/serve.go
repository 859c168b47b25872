package preview

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"
)

// Serve listens on addr (e.g. "127.0.0.1:0"), serves h until ctx is done, and
// calls ready with the base URL (such as "http://127.0.0.1:8080", no trailing
// slash) once listening. It returns nil after ctx ends, or the error that
// stopped it from listening or serving.
//
// On a loopback address only requests naming a loopback host are answered,
// so a web page cannot reach the preview through DNS rebinding.
func Serve(ctx context.Context, addr string, h http.Handler, ready func(url string)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("preview: listen on %s: %w", addr, err)
	}
	if isLoopback(ln.Addr()) {
		h = loopbackHostsOnly(h)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	if ready != nil {
		ready(baseURL(ln.Addr()))
	}
	select {
	case err := <-served:
		return fmt.Errorf("preview: serve: %w", err)
	case <-ctx.Done():
	}
	// A browser may hold a request open; don't let it keep the CLI alive.
	shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		srv.Close()
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("preview: serve: %w", err)
	}
	return nil
}

// baseURL is the address a browser on this machine opens; a wildcard listen
// address is reached through loopback.
func baseURL(addr net.Addr) string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return "http://" + addr.String()
	}
	host := tcp.IP.String()
	switch {
	case tcp.IP.IsUnspecified() && tcp.IP.To4() != nil:
		host = "127.0.0.1"
	case tcp.IP.IsUnspecified():
		host = "::1"
	}
	return "http://" + net.JoinHostPort(host, fmt.Sprint(tcp.Port))
}

func isLoopback(addr net.Addr) bool {
	tcp, ok := addr.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

// loopbackHostsOnly answers 403 to requests whose Host header is not
// localhost or a loopback IP.
func loopbackHostsOnly(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !loopbackHost(r.Host) {
			http.Error(w, "preview: only loopback host names are served", http.StatusForbidden)
			return
		}
		h.ServeHTTP(w, r)
	})
}

func loopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

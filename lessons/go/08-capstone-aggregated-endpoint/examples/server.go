// A real server on the sandbox's loopback: net.Listen on 127.0.0.1 (port 0 = any free port), an http.Server
// with timeouts, a route with a time budget, and a graceful Shutdown at the end.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
)

const budget = 200 * time.Millisecond // stands in for 2 seconds

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func score(ctx context.Context, delay time.Duration) (int, error) {
	select {
	case <-time.After(delay):
		return 42, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

func router() http.Handler {
	r := chi.NewRouter()
	r.Get("/health", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	r.Get("/score", func(w http.ResponseWriter, r *http.Request) {
		delayMs, _ := strconv.Atoi(r.URL.Query().Get("delay_ms"))
		ctx, cancel := context.WithTimeout(r.Context(), budget)
		defer cancel()
		n, err := score(ctx, time.Duration(delayMs)*time.Millisecond)
		if errors.Is(err, context.DeadlineExceeded) {
			writeJSON(w, http.StatusGatewayTimeout, map[string]string{"error": "the score service did not answer in time"})
			return
		}
		writeJSON(w, http.StatusOK, map[string]int{"score": n})
	})
	return r
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	srv := &http.Server{Handler: router(), ReadHeaderTimeout: 5 * time.Second}
	stopped := make(chan error, 1)
	go func() { stopped <- srv.Serve(ln) }()

	base := "http://" + ln.Addr().String()
	client := &http.Client{Timeout: 5 * time.Second}
	for _, path := range []string{"/health", "/score?delay_ms=10", "/score?delay_ms=1000", "/nowhere"} {
		resp, err := client.Get(base + path)
		if err != nil {
			fmt.Println(path, "error:", err)
			continue
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Println(resp.StatusCode, path, strings.TrimSpace(string(body)))
	}

	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	fmt.Println("shutdown:", srv.Shutdown(ctx))
	fmt.Println("Serve returned:", <-stopped)
}

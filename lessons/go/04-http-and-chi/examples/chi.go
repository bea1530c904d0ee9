// The same kind of API on chi: path parameters, per-method routes, a middleware stack, and a real server
// on the sandbox's loopback (httptest.NewServer listens on 127.0.0.1).
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

type Note struct {
	ID   int    `json:"id"`
	Text string `json:"text"`
}

var notes = map[int]Note{1: {1, "buy milk"}, 2: {2, "call Ada"}}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func getNote(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(chi.URLParam(r, "id"))
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "id must be a number"})
		return
	}
	note, ok := notes[id]
	if !ok {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "no such note"})
		return
	}
	writeJSON(w, http.StatusOK, note)
}

// requireKey is a middleware with a parameter: a function that returns the middleware.
func requireKey(key string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("X-API-Key") != key {
				writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "missing or wrong API key"})
				return // not calling next: the request stops here
			}
			next.ServeHTTP(w, r)
		})
	}
}

func newRouter() http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.Recoverer) // a panic in a handler becomes a 500, not a dead process
	r.Get("/notes/{id}", getNote)
	r.Group(func(r chi.Router) {
		r.Use(requireKey("s3cret")) // only the routes in this group need the key
		r.Delete("/notes/{id}", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusNoContent)
		})
	})
	r.Get("/boom", func(w http.ResponseWriter, r *http.Request) { panic("a bug") })
	return r
}

func main() {
	srv := httptest.NewServer(newRouter()) // a real listener on 127.0.0.1, on a free port
	defer srv.Close()

	send := func(method, path, key string) {
		req, _ := http.NewRequest(method, srv.URL+path, nil)
		if key != "" {
			req.Header.Set("X-API-Key", key)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			fmt.Println(method, path, "error:", err)
			return
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		fmt.Printf("%s %s: %d %s\n", method, path, resp.StatusCode, strings.TrimSpace(string(body)))
	}
	send("GET", "/notes/1", "")
	send("GET", "/notes/9", "")
	send("GET", "/notes/abc", "")
	send("DELETE", "/notes/1", "")
	send("DELETE", "/notes/1", "s3cret")
	send("POST", "/notes/1", "")
	send("GET", "/boom", "")
}

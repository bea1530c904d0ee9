// net/http on its own: a handler per route, JSON in and out, and a middleware that wraps the whole mux.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
)

type Note struct {
	ID   int      `json:"id"`
	Text string   `json:"text"`
	Tags []string `json:"tags,omitempty"` // omitted from the JSON when empty
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status) // headers first, then the status, then the body
	json.NewEncoder(w).Encode(v)
}

func notesHandler(w http.ResponseWriter, r *http.Request) {
	// Go 1.19's ServeMux matches paths only: the method is checked by hand.
	// (Go 1.22 added patterns such as "POST /notes" and "GET /notes/{id}".)
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		writeJSON(w, http.StatusMethodNotAllowed, map[string]string{"error": "use POST"})
		return
	}
	var in Note
	dec := json.NewDecoder(io.LimitReader(r.Body, 1<<20)) // never read an unbounded body
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil || strings.TrimSpace(in.Text) == "" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "expected {\"text\": \"...\"}"})
		return
	}
	in.ID = 1
	writeJSON(w, http.StatusCreated, in)
}

// statusRecorder remembers the status a handler wrote, so the middleware can log it.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

// A middleware is a function from handler to handler.
func accessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		fmt.Printf("  log: %s %s -> %d\n", r.Method, r.URL.Path, rec.status)
	})
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/notes", notesHandler)
	mux.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]bool{"ok": true})
	})
	handler := accessLog(mux)

	requests := []*http.Request{
		httptest.NewRequest("GET", "/health", nil),
		httptest.NewRequest("POST", "/notes", strings.NewReader(`{"text": "buy milk"}`)),
		httptest.NewRequest("POST", "/notes", strings.NewReader(`{"txt": "typo"}`)),
		httptest.NewRequest("GET", "/notes", nil),
		httptest.NewRequest("GET", "/nowhere", nil),
	}
	for _, req := range requests {
		// httptest.NewRecorder captures the response in memory: no socket at all.
		rec := httptest.NewRecorder()
		handler.ServeHTTP(rec, req)
		fmt.Printf("%s %s: %d %s", req.Method, req.URL.Path, rec.Code, rec.Body.String())
	}
}
